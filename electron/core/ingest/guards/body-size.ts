/**
 * Body limit, first half: refuse a declared Content-Length over the limit before reading a byte of the body
 * (413, RFC 9110 §15.5.14). The second half, for chunked bodies and senders that lie, is read-body.ts, which
 * counts the bytes as they stream in and stops reading at the limit.
 */
import { apiError, reject, type ApiError, type GuardResult } from '../errors';

export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

/** The declared length when there is one and it is within the limit; undefined when none was declared. */
export function checkDeclaredLength(contentLength: unknown, limitBytes: number): GuardResult<number | undefined> {
  if (contentLength === undefined) return { ok: true, value: undefined };
  if (typeof contentLength !== 'string' || !/^\d{1,16}$/.test(contentLength)) {
    return reject(apiError(400, 'bad_request', 'The Content-Length header is not a number of bytes.'));
  }
  const declaredBytes = Number(contentLength);
  if (declaredBytes > limitBytes) return reject(tooLarge(limitBytes, declaredBytes));
  return { ok: true, value: declaredBytes };
}

export function tooLarge(limitBytes: number, declaredBytes?: number): ApiError {
  const size = declaredBytes === undefined ? 'The body is' : `The body (${declaredBytes} bytes) is`;
  return apiError(413, 'payload_too_large', `${size} over the limit of ${limitBytes} bytes; split it into several requests.`);
}
