/**
 * The one i18n layer: every UI string is a key of the English catalogue (`en.ts`), translated in `fr.ts`
 * and `fi.ts` (typed `Messages`, so a missing or extra key fails the type check; a test checks it too).
 * Placeholders are `{name}`; numbers given as parameters are formatted in the locale.
 */
import { useMemo } from 'react';
import { en } from './en';
import { fi } from './fi';
import { fr } from './fr';
import { getFormatter, type Formatter } from './format';
import { useLocaleStore, type Language } from './locale';
import type { MessageKey, Messages } from './keys';

export type { MessageKey, Messages } from './keys';
export { LANGUAGES, pickLanguage, useLocaleStore, type Language } from './locale';
export type { Formatter } from './format';

export const CATALOGUES: Record<Language, Messages> = { en, fr, fi };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translate(language: Language, formatLocale: string, key: MessageKey, params?: MessageParams): string {
  const template = CATALOGUES[language][key] || en[key];
  if (params === undefined) return template;
  const formatter = getFormatter(formatLocale);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatter.number(value, 2) : value;
  });
}

/**
 * A count in words: `one` (its text says 1) for a single item, else `many` with `{count}`. The catalogues
 * spell the singular out, as its grammar differs from the plural's in every language here.
 */
export function countText(t: Translate, count: number, one: MessageKey, many: MessageKey): string {
  return count === 1 ? t(one) : t(many, { count: String(count) });
}

/** `t(key, params)` in the current language; stable while the language does not change. */
export function useT(): Translate {
  const language = useLocaleStore((state) => state.language);
  const formatLocale = useLocaleStore((state) => state.formatLocale);
  return useMemo(() => (key, params) => translate(language, formatLocale, key, params), [language, formatLocale]);
}

/** Intl formatters for the current locale. */
export function useFormat(): Formatter {
  const formatLocale = useLocaleStore((state) => state.formatLocale);
  return getFormatter(formatLocale);
}
