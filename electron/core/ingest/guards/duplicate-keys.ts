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
  /** Where this container sits in its parent: the key or index the parent was at when it opened. */
  at: PropertyKey | undefined;
  keys: Set<string> | undefined;
  /** Array: index of the current element; object: the key whose value comes next. */
  index: number;
  key: string;
  /** Object: the next string is a key (after `{` or `,`), not a value. */
  expectKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The paths (e.g. `quality.mediaQualityList[0].channelIndex`) of every key that repeats in its object. */
export function findDuplicateKeys(text: string): string[] {
  const duplicates: string[] = [];
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = endOfString(text, i);
      const top = stack[stack.length - 1];
      if (top !== undefined && top.kind === 'object' && top.expectKey) {
        const key = keyText(text, i, end);
        top.keys ??= new Set();
        if (top.keys.has(key)) {
          if (duplicates.length < MAX_REPORTED) duplicates.push(formatPath(undefined, [...pathOf(stack), key]));
        } else top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      const parent = stack[stack.length - 1];
      const at = parent === undefined ? undefined : parent.kind === 'array' ? parent.index : parent.key;
      stack.push({ kind: code === OPEN_OBJECT ? 'object' : 'array', at, keys: undefined, index: 0, key: '', expectKey: code === OPEN_OBJECT });
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      stack.pop();
    } else if (code === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index += 1;
      else if (top !== undefined) top.expectKey = true;
    }
  }
  return duplicates;
}

/** The path of the innermost container: only built when a duplicate is reported. */
function pathOf(stack: readonly Frame[]): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (const frame of stack) if (frame.at !== undefined) path.push(frame.at);
  return path;
}

/** The key as JSON.parse reads it: escapes decoded (only when there are any, the rare case). */
function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (!raw.includes('\\')) return raw;
  const decoded: unknown = JSON.parse(text.slice(start, end + 1));
  return typeof decoded === 'string' ? decoded : raw;
}

/** Index of the closing quote of the string that opens at `start` (a quote after an odd run of backslashes is escaped). */
function endOfString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length - 1;
    let backslashes = 0;
    for (let i = quote - 1; i > start && text.charCodeAt(i) === BACKSLASH; i -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}
