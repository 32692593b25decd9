/**
 * The shared zod schemas speak English ("must be a GUID such as …"). English shows their message as is;
 * French and Finnish translate the messages they know, matched by pattern, and fall back to the original
 * text for any message this list does not know yet (better English than nothing).
 */
import type { ValidationIssue } from '../../../shared/validation';
import { useLocaleStore, useT, type MessageKey, type Translate } from '../i18n';

const PATTERNS: [RegExp, MessageKey][] = [
  [/^must be a GUID/, 'validation.guid'],
  [/^is required$/, 'validation.required'],
  [/^is required \(one of: (?<options>.+)\)$/, 'validation.requiredOneOf'],
  [/^must not be empty$/, 'validation.notEmpty'],
  [/^must be an http\(s\) URL/, 'validation.httpUrl'],
  [/^must be 1–64 letters, digits, dot, dash or underscore$/, 'validation.identifier'],
  [/^must be [≥>] (?<limit>-?[\d.]+)$/, 'validation.min'],
  [/^must be [≤<] (?<limit>-?[\d.]+)$/, 'validation.max'],
  [/^must be at most (?<limit>\d+) characters$/, 'validation.maxLength'],
  [/^must be an integer$/, 'validation.integer'],
  [/^must be a number$/, 'validation.number'],
  [/^must be one of: (?<options>.+)$/, 'validation.oneOf'],
  [/^unknown property$/, 'validation.unknownProperty'],
  [/^a reason is required$/, 'validation.reasonRequired'],
];

export function translateIssue(t: Translate, language: string, message: string): string {
  if (language === 'en') return message;
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (match !== null) return t(key, { ...match.groups });
  }
  return message;
}

/** Issues by path, translated; the first message per path. */
export function useIssueMessages(): (issues: readonly ValidationIssue[]) => Record<string, string> {
  const t = useT();
  const language = useLocaleStore((state) => state.language);
  return (issues) => {
    const out: Record<string, string> = {};
    for (const issue of issues) out[issue.path] ??= translateIssue(t, language, issue.message);
    return out;
  };
}
