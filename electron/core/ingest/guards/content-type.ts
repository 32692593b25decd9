/**
 * JSON only (415 otherwise). Refusing text/plain and form types also closes the CSRF door: those are the
 * "simple" content types a web page may POST cross-origin without a CORS preflight, and this server never
 * answers a preflight. A charset, if given, must be UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is UTF-8).
 */
import { apiError, reject, type GuardResult } from '../errors';

export function checkJsonContentType(contentType: unknown): GuardResult<void> {
  if (typeof contentType !== 'string' || contentType.trim() === '') return unsupported('the Content-Type header is missing');
  const [mediaType = '', ...parameters] = contentType.split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') return unsupported(`"${mediaType.trim().slice(0, 100)}" is not JSON`);
  for (const parameter of parameters) {
    const [key = '', value = ''] = parameter.split('=');
    if (key.trim().toLowerCase() !== 'charset') continue;
    const charset = value.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return unsupported(`charset "${charset.slice(0, 40)}" is not UTF-8`);
  }
  return { ok: true, value: undefined };
}

function unsupported(why: string): GuardResult<void> {
  return reject(apiError(415, 'unsupported_media_type', `Send the body as "Content-Type: application/json" (${why}).`));
}
