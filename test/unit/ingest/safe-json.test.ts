// JSON parsing of untrusted bodies (electron/core/ingest/guards/safe-json.ts).
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseJsonBody } from '../../../electron/core/ingest/guards/safe-json';

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('parseJsonBody', () => {
  it.each<[string, string, unknown]>([
    ['an object', '{"a":1}', { a: 1 }],
    ['an array', '[1,2]', [1, 2]],
    ['a string with "__proto__" as a value', '{"a":"__proto__"}', { a: '__proto__' }],
    ['a key that merely contains proto', '{"__proto__x":1,"myconstructor":2}', { __proto__x: 1, myconstructor: 2 }],
    ['a byte-order mark before the JSON', '\uFEFF{"a":1}', { a: 1 }],
    ['the maximum depth', nested(MAX_DEPTH), JSON.parse(nested(MAX_DEPTH))],
  ])('accepts %s', (_name, text, expected) => {
    expect(parseJsonBody(Buffer.from(text))).toEqual({ ok: true, value: expected });
  });

  it.each<[string, Uint8Array | string, string, string[]]>([
    ['an empty body', '', 'invalid_json', []],
    ['truncated JSON', '{"quality":', 'invalid_json', []],
    ['single quotes', "{'a':1}", 'invalid_json', []],
    ['a trailing comma', '{"a":1,}', 'invalid_json', []],
    ['NaN', '{"a":NaN}', 'invalid_json', []],
    ['two documents', '{}{}', 'invalid_json', []],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'invalid_json', []],
    ['UTF-16', Buffer.from('{"a":1}', 'utf16le'), 'invalid_json', []],
    ['__proto__ at the top', '{"__proto__":{"polluted":true}}', 'forbidden_key', ['__proto__']],
    ['constructor deep inside', '{"quality":{"mediaQualityList":[{"constructor":{"prototype":1}}]}}', 'forbidden_key', ['quality.mediaQualityList[0].constructor']],
    ['prototype in an array item', '[{"prototype":1}]', 'forbidden_key', ['[0].prototype']],
    ['a unicode-escaped __proto__', '{"\\u005f_proto__":1}', 'forbidden_key', ['__proto__']],
    ['several forbidden keys', '{"__proto__":1,"a":{"constructor":2}}', 'forbidden_key', ['__proto__', 'a.constructor']],
    ['nesting one level too deep', nested(MAX_DEPTH + 1), 'too_deep', [`${'[0]'.repeat(MAX_DEPTH)}`]],
    ['100,000 levels of nesting', nested(100_000), 'too_deep', [`${'[0]'.repeat(MAX_DEPTH)}`]],
  ])('refuses %s with 400', (_name, body, code, paths) => {
    const result = parseJsonBody(typeof body === 'string' ? Buffer.from(body) : body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect([result.error.status, result.error.code]).toEqual([400, code]);
      expect(result.error.details.map((detail) => detail.path).sort()).toEqual([...paths].sort());
    }
  });

  it('does not pollute Object.prototype while refusing', () => {
    parseJsonBody(Buffer.from('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
