/**
 * Parses one WebSocket message from the page: `{ "id": number, "method": string, "req"?: unknown }`.
 * Refusals carry the id when one could be read, so the page's call settles with an error instead of
 * waiting for its timeout. The method name and the request are checked by the dispatcher, not here.
 * Pure: takes the raw frame as `unknown`.
 */
import { isObject } from '../../../../shared/json';

export const MAX_MESSAGE_BYTES = 1024 * 1024;

export type ClientMessage =
  | { ok: true; id: number; method: string; req: unknown }
  | { ok: false; id: number | null; message: string };

const ALLOWED_KEYS = new Set(['id', 'method', 'req']);
const MAX_METHOD_CHARS = 64;

export function parseClientMessage(text: unknown): ClientMessage {
  if (typeof text !== 'string') return { ok: false, id: null, message: 'Messages must be JSON text frames' };
  if (text.length > MAX_MESSAGE_BYTES) return { ok: false, id: null, message: 'Message too large' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, id: null, message: 'Message is not valid JSON' };
  }
  if (!isObject(parsed)) {
    return { ok: false, id: null, message: 'Message must be a JSON object' };
  }
  const record = parsed;
  const id = readId(record);
  if (id === null) return { ok: false, id: null, message: 'Message needs an "id": a non-negative integer' };
  const unknownKey = Object.keys(record).find((key) => !ALLOWED_KEYS.has(key));
  if (unknownKey !== undefined) return { ok: false, id, message: `Unknown message property ${JSON.stringify(unknownKey.slice(0, 40))}` };
  const method = record.method;
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_CHARS) {
    return { ok: false, id, message: 'Message needs a "method": the AppApi method name' };
  }
  return { ok: true, id, method, req: record.req };
}

function readId(record: Record<string, unknown>): number | null {
  // Own property only: `{"__proto__": …}` must not supply an id through the prototype.
  if (!Object.prototype.hasOwnProperty.call(record, 'id')) return null;
  const id = record.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
