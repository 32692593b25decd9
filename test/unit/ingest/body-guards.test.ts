// Content-Type and declared-length guards (415 / 413 before a byte of the body is read).
import { describe, expect, it } from 'vitest';
import { checkDeclaredLength } from '../../../electron/core/ingest/guards/body-size';
import { checkJsonContentType } from '../../../electron/core/ingest/guards/content-type';

describe('checkJsonContentType', () => {
  it.each(['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'application/json; charset=utf8'])(
    'accepts %j',
    (header) => {
      expect(checkJsonContentType(header).ok).toBe(true);
    },
  );

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['empty', ''],
    ['text/plain (a CORS-simple type)', 'text/plain'],
    ['a form (a CORS-simple type)', 'application/x-www-form-urlencoded'],
    ['multipart (a CORS-simple type)', 'multipart/form-data; boundary=x'],
    ['JSON lookalike', 'application/jsonx'],
    ['JSON as a parameter', 'text/plain; type=application/json'],
    ['another charset', 'application/json; charset=utf-16'],
    ['latin-1', 'application/json; charset=iso-8859-1'],
    ['an array', ['application/json']],
    ['a number', 1],
  ])('refuses %s with 415', (_name, header) => {
    const result = checkJsonContentType(header);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.status, result.error.code]).toEqual([415, 'unsupported_media_type']);
  });
});

describe('checkDeclaredLength', () => {
  const limit = 256 * 1024;
  it.each<[unknown, number | undefined]>([
    [undefined, undefined],
    ['0', 0],
    ['1024', 1024],
    [String(limit), limit],
  ])('accepts %j', (header, expected) => {
    expect(checkDeclaredLength(header, limit)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, number]>([
    ['one byte over', String(limit + 1), 413],
    ['300 KiB', String(300 * 1024), 413],
    ['a huge number', '99999999999999', 413],
    ['negative', '-1', 400],
    ['a float', '1.5', 400],
    ['hex', '0x10', 400],
    ['text', 'lots', 400],
    ['more digits than any body', '1'.repeat(40), 400],
    ['an array', ['10'], 400],
  ])('refuses %s', (_name, header, status) => {
    const result = checkDeclaredLength(header, limit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.status).toBe(status);
  });
});
