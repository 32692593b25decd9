/**
 * Which language the UI speaks and which locale formats dates and numbers. The language follows
 * navigator.language (English, French, Finnish; anything else falls back to English) unless the operator
 * chose one, which is remembered in localStorage. Dates and numbers use the operator's full system locale
 * (fr-CA, fi-FI…) when it matches the language, so 24-hour clocks and decimal commas follow the OS.
 */
import { create } from 'zustand';

export const LANGUAGES = ['en', 'fr', 'fi'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'vtc.language';

export function pickLanguage(tag: string | undefined): Language {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return LANGUAGES.find((language) => language === base) ?? 'en';
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && LANGUAGES.some((language) => language === value);
}

function systemLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language !== '' ? navigator.language : 'en';
}

function storedOverride(): Language | undefined {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined; // storage disabled: the system language still works
  }
}

/** The locale for Intl: the system locale when it speaks the UI language, else the language itself. */
export function formatLocaleFor(language: Language, system: string): string {
  return pickLanguage(system) === language ? system : language;
}

export interface LocaleState {
  systemLocale: string;
  override: Language | undefined;
  language: Language;
  formatLocale: string;
  setOverride(language: Language | undefined): void;
}

export const useLocaleStore = create<LocaleState>()((set, get) => {
  const system = systemLocale();
  const override = storedOverride();
  const language = override ?? pickLanguage(system);
  return {
    systemLocale: system,
    override,
    language,
    formatLocale: formatLocaleFor(language, system),
    setOverride(next) {
      try {
        if (next === undefined) globalThis.localStorage?.removeItem(STORAGE_KEY);
        else globalThis.localStorage?.setItem(STORAGE_KEY, next);
      } catch {
        // not remembered across restarts, still applied now
      }
      const resolved = next ?? pickLanguage(get().systemLocale);
      set({ override: next, language: resolved, formatLocale: formatLocaleFor(resolved, get().systemLocale) });
      document.documentElement.lang = resolved;
    },
  };
});
