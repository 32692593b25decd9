import type { en } from './en';

/** Every UI string's key: the English catalogue is the reference. */
export type MessageKey = keyof typeof en;
/** A complete catalogue: French and Finnish are typed with this, so a missing or extra key fails tsc. */
export type Messages = Record<MessageKey, string>;
/** The Settings view's keys (their strings live in <language>-settings.ts). */
export type SettingsMessageKey = Extract<MessageKey, `settings.${string}`>;
