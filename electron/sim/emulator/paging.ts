/**
 * Server-side paging as Graph does it for callRecords and sessions (../shared/reference/graph-api.md §3.2, §3.4): at most 60
 * items per page; `Prefer: odata.maxpagesize=N` may ask for fewer (it "must be equal to or less than the
 * maximum", so larger values are capped); the rest through an opaque `$skiptoken` in the next link. The
 * token carries the offset and the page size, so a client that follows the link gets the same page size.
 */
export const MAX_PAGE_SIZE = 60;
/** participants_v2: "maximum page size for participants is 130 entries" (§3.4). */
export const MAX_PARTICIPANTS_PAGE_SIZE = 130;

export interface PageCursor {
  offset: number;
  pageSize: number;
}

export interface PageSizeChoice {
  pageSize: number;
  /** Value for `Preference-Applied` when the client's Prefer was honoured. */
  preferenceApplied?: string;
}

/** The page size asked for by `Prefer: odata.maxpagesize=N`, capped at 60. */
export function pageSizeFromPrefer(prefer: string | undefined): PageSizeChoice {
  const match = /(?:^|[,;\s])odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? '');
  const asked = match ? Number(match[1]) : undefined;
  if (asked === undefined || asked < 1) return { pageSize: MAX_PAGE_SIZE };
  const pageSize = Math.min(asked, MAX_PAGE_SIZE);
  return { pageSize, preferenceApplied: `odata.maxpagesize=${pageSize}` };
}

export function encodeSkipToken(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ o: cursor.offset, s: cursor.pageSize })).toString('base64url');
}

/** undefined when the token was not made by encodeSkipToken (Graph answers 400 for a bad skip token). */
export function decodeSkipToken(token: string, maxPageSize = MAX_PAGE_SIZE): PageCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { o, s } = parsed as { o?: unknown; s?: unknown };
    if (!Number.isInteger(o) || !Number.isInteger(s)) return undefined;
    const offset = o as number;
    const pageSize = s as number;
    if (offset < 0 || pageSize < 1 || pageSize > maxPageSize) return undefined;
    return { offset, pageSize };
  } catch {
    return undefined;
  }
}

/** One page of `items` at `cursor`, and the cursor of the next page when there is one. */
export function slicePage<T>(items: readonly T[], cursor: PageCursor): { page: T[]; next?: PageCursor } {
  const page = items.slice(cursor.offset, cursor.offset + cursor.pageSize);
  const nextOffset = cursor.offset + cursor.pageSize;
  return nextOffset < items.length ? { page, next: { offset: nextOffset, pageSize: cursor.pageSize } } : { page };
}
