/**
 * Duplicate object keys in a JSON text. RFC 8259 §4 only says names "SHOULD be unique"; JSON.parse keeps the
 * last one, so `{"mediaLegId":"a","mediaLegId":"b"}` would be stored as "b" while a sender, a proxy or a log
 * may read "a". Refusing the body is the only answer that cannot be misread. Run on text JSON.parse has
 * already accepted, so the scanner only tracks strings and nesting. O(length), no recursion.
 */
import { formatPath } from '../../../../shared/validation';

/** At most this many duplicates are named: enough to fix the sender. */
const MAX_REPORTED = 100;

interface Frame {
  kind: 'object' | 'array';
  path: PropertyKey[];
  keys: Set<string>;
  /** Array: index of the current element; object: the key whose value comes next. */
  index: number;
  key: string | undefined;
  /** Object: the next string is a key (after `{` or `,`), not a value. */
  expectKey: boolean;
}

/** The paths (e.g. `quality.mediaQualityList[0].channelIndex`) of every key that repeats in its object. */
export function findDuplicateKeys(text: string): string[] {
  const duplicates: string[] = [];
  const stack: Frame[] = [];
  const childPath = (): PropertyKey[] => {
    const top = stack.at(-1);
    if (top === undefined) return [];
    return top.kind === 'array' ? [...top.path, top.index] : [...top.path, top.key ?? ''];
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      const end = endOfString(text, i);
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        const decoded: unknown = JSON.parse(text.slice(i, end + 1));
        const key = typeof decoded === 'string' ? decoded : '';
        if (top.keys.has(key)) {
          if (duplicates.length < MAX_REPORTED) duplicates.push(formatPath(undefined, [...top.path, key]));
        } else top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      stack.push({ kind: char === '{' ? 'object' : 'array', path: childPath(), keys: new Set(), index: 0, key: undefined, expectKey: char === '{' });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index += 1;
      else if (top?.kind === 'object') top.expectKey = true;
    }
  }
  return duplicates;
}

/** Index of the closing quote of the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') i += 1;
    else if (char === '"') return i;
  }
  return text.length - 1;
}
