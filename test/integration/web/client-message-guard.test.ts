// The WebSocket message parser of the web mode: a table of hostile frames. It never throws.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, parseClientMessage } from '../../../electron/core/web/guards/client-message';

describe('parseClientMessage', () => {
  it.each<[string, string, { id: number; method: string; req: unknown }]>([
    ['a call without request', '{"id":1,"method":"getRooms"}', { id: 1, method: 'getRooms', req: undefined }],
    ['a call with a request', '{"id":7,"method":"getReport","req":{"id":"r1"}}', { id: 7, method: 'getReport', req: { id: 'r1' } }],
    ['id zero', '{"id":0,"method":"getRooms"}', { id: 0, method: 'getRooms', req: undefined }],
    ['a null request', '{"id":2,"method":"getRooms","req":null}', { id: 2, method: 'getRooms', req: null }],
  ])('accepts %s', (_name, text, expected) => {
    expect(parseClientMessage(text)).toEqual({ ok: true, ...expected });
  });

  it.each<[string, unknown, number | null]>([
    ['not a string (binary frame)', Buffer.from('{"id":1,"method":"getRooms"}'), null],
    ['undefined', undefined, null],
    ['invalid JSON', '{"id":1,', null],
    ['empty text', '', null],
    ['a JSON string', '"getRooms"', null],
    ['a JSON number', '42', null],
    ['JSON null', 'null', null],
    ['an array', '[1,"getRooms"]', null],
    ['no id', '{"method":"getRooms"}', null],
    ['a string id', '{"id":"1","method":"getRooms"}', null],
    ['a negative id', '{"id":-1,"method":"getRooms"}', null],
    ['a fractional id', '{"id":1.5,"method":"getRooms"}', null],
    ['an unsafe integer id', '{"id":9007199254740993,"method":"getRooms"}', null],
    ['an id from __proto__', '{"__proto__":{"id":1},"method":"getRooms"}', null],
    ['no method', '{"id":3}', 3],
    ['a numeric method', '{"id":3,"method":5}', 3],
    ['an empty method', '{"id":3,"method":""}', 3],
    ['a huge method', `{"id":3,"method":"${'a'.repeat(1000)}"}`, 3],
    ['an extra property', '{"id":4,"method":"getRooms","sender":"x"}', 4],
    ['a __proto__ property', '{"id":4,"method":"getRooms","__proto__":{"admin":true}}', 4],
    ['a constructor property', '{"id":4,"method":"getRooms","constructor":{}}', 4],
    ['oversized text', `{"id":5,"method":"getRooms","req":"${'a'.repeat(MAX_MESSAGE_BYTES)}"}`, null],
  ])('refuses %s', (_name, text, id) => {
    const parsed = parseClientMessage(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.id).toBe(id);
      expect(parsed.message.length).toBeGreaterThan(0);
    }
  });

  it('does not pollute Object.prototype', () => {
    parseClientMessage('{"id":1,"method":"getRooms","req":{"__proto__":{"polluted":true}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
