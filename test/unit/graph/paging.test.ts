import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSkipToken, encodeSkipToken, MAX_PAGE_SIZE, pageSizeFromPrefer, slicePage } from '../../../electron/sim/emulator/paging';

describe('emulator paging (graph-api.md §3.2, §3.4)', () => {
  it('Prefer: odata.maxpagesize is honoured up to 60', () => {
    expect(pageSizeFromPrefer(undefined)).toEqual({ pageSize: 60 });
    expect(pageSizeFromPrefer('odata.maxpagesize=25')).toEqual({ pageSize: 25, preferenceApplied: 'odata.maxpagesize=25' });
    expect(pageSizeFromPrefer('include-unknown-enum-members, odata.maxpagesize=500').pageSize).toBe(60);
    expect(pageSizeFromPrefer('odata.maxpagesize=0').pageSize).toBe(60);
  });

  it('skip tokens round-trip and foreign ones are refused', () => {
    expect(decodeSkipToken(encodeSkipToken({ offset: 120, pageSize: 60 }))).toEqual({ offset: 120, pageSize: 60 });
    expect(decodeSkipToken('abc')).toBeUndefined();
    expect(decodeSkipToken(Buffer.from('{"o":-1,"s":5}').toString('base64url'))).toBeUndefined();
  });

  it('following next cursors visits every item once, in order, in pages of at most the size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: MAX_PAGE_SIZE }), (count, pageSize) => {
        const items = Array.from({ length: count }, (_, i) => i);
        const seen: number[] = [];
        let cursor: { offset: number; pageSize: number } | undefined = { offset: 0, pageSize };
        let pages = 0;
        while (cursor) {
          const { page, next }: { page: number[]; next?: { offset: number; pageSize: number } } = slicePage(items, cursor);
          expect(page.length).toBeLessThanOrEqual(pageSize);
          seen.push(...page);
          cursor = next;
          pages += 1;
        }
        expect(seen).toEqual(items);
        expect(pages).toBe(Math.max(1, Math.ceil(count / pageSize)));
      }),
    );
  });
});
