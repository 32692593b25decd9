import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../../electron/core/ingest/guards/duplicate-keys';
import { parseJsonBody } from '../../../electron/core/ingest/guards/safe-json';

describe('duplicate JSON keys', () => {
  it('names each repeated key by its path, at any depth, and only within one object', () => {
    expect(findDuplicateKeys('{"a":1,"b":{"c":[{"d":1,"d":2},{"d":3}]},"a":2}')).toEqual(['b.c[0].d', 'a']);
    expect(findDuplicateKeys('[{"x":1},{"x":2}]')).toEqual([]);
    // Keys compare after unescaping; strings that look like keys inside values do not count.
    expect(findDuplicateKeys('{"k":"\\"k\\":1,","\\u006b":2}')).toEqual(['k']);
    expect(findDuplicateKeys('{"list":[1,"a,b",{"y":1}],"y":2}')).toEqual([]);
    // A value ending in an escaped backslash ends there: the next key is still seen.
    expect(findDuplicateKeys(String.raw`{"a":"x\\","a":1,"b":"q\""}`)).toEqual(['a']);
  });

  it('refuses the body with 400 duplicate_key naming the path', () => {
    const result = parseJsonBody('{"quality":{"mediaLegId":"a","mediaLegId":"b"}}');
    expect(result).toMatchObject({ ok: false, error: { status: 400, code: 'duplicate_key', details: [{ path: 'quality.mediaLegId', message: 'appears more than once in its object' }] } });
    expect(parseJsonBody('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
