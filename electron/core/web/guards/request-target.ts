/**
 * Splits a request target (`req.url`) into path and query. Only origin-form targets (`/path?query`,
 * RFC 9112 §3.2.1) are accepted: absolute-form (`http://evil/`) and asterisk-form are refused, so no later
 * step ever sees a foreign host in the path. Pure.
 */
export interface RequestTarget {
  /** Still percent-encoded: resolveStaticPath decodes it once. */
  path: string;
  query: URLSearchParams;
}

const MAX_TARGET_CHARS = 4096;

export function parseRequestTarget(url: unknown): RequestTarget | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_TARGET_CHARS || !url.startsWith('/')) return undefined;
  const hash = url.indexOf('#');
  const withoutHash = hash >= 0 ? url.slice(0, hash) : url;
  const question = withoutHash.indexOf('?');
  if (question < 0) return { path: withoutHash, query: new URLSearchParams() };
  return { path: withoutHash.slice(0, question), query: new URLSearchParams(withoutHash.slice(question + 1)) };
}
