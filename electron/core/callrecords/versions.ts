/**
 * Following a record's `version` while Teams may still update it. Graph raises `version` each time it adds
 * to a published record ("a higher version of the same id has more data", ../shared/reference/graph-api.md
 * §3.3), and it keeps publishing data for up to 150 minutes after a call (missing.ts MATCH_WINDOW_MS). So a
 * record read whole is read again while its call is younger than that window: at twice the age it had at
 * the last read (at least `firstRetryMs`, at most every 15 minutes), once more at the window's end, and at
 * once (after `firstRetryMs`) when a list showed a higher version than the stored detail. The cache keeps
 * the newest version whatever the order of reads (cache.ts), so a late or lagging answer cannot go back.
 *
 * A read that failed or brought nothing new counts as a look (kept in memory): the record is not asked
 * again before its next due time, so an unreachable Graph or a lagging replica cannot make a busy loop.
 */
import type { CallRecordCache, ReadRecord } from './cache';
import { MATCH_WINDOW_MS } from './missing';

/** The longest gap between two reads of a young record: ~10 reads per record over the window. */
export const MAX_VERSION_CHECK_MS = 15 * 60_000;

export interface VersionFollowerOptions {
  cache: Pick<CallRecordCache, 'readSince'>;
  /** The shortest gap between two reads of a record (the service's first "not yet" retry). */
  firstRetryMs: number;
  now: () => number;
}

export function createVersionFollower(options: VersionFollowerOptions) {
  const { cache, firstRetryMs, now } = options;
  /** Looks that did not store a new read (failed, or an older version than the stored one). */
  const lookedAtMs = new Map<string, number>();

  function young(): ReadRecord[] {
    const records = cache.readSince(now() - MATCH_WINDOW_MS);
    const ids = new Set(records.map((record) => record.id));
    for (const id of lookedAtMs.keys()) if (!ids.has(id)) lookedAtMs.delete(id);
    return records;
  }

  /** When `record` is due for another read; undefined when it is past the window. */
  function dueAtMs(record: ReadRecord): number | undefined {
    const lastMs = Math.max(record.detailFetchedAtMs, lookedAtMs.get(record.id) ?? -Infinity);
    const windowEndMs = record.endAtMs + MATCH_WINDOW_MS;
    if (lastMs >= windowEndMs) return undefined;
    const behind = record.detailVersion === undefined || record.version > record.detailVersion;
    const gapMs = behind ? firstRetryMs : Math.min(Math.max(lastMs - record.endAtMs, firstRetryMs), MAX_VERSION_CHECK_MS);
    return Math.min(lastMs + gapMs, windowEndMs);
  }

  return {
    /** The earliest time a young record is due, for the schedule's timer. */
    nextDueAtMs(): number | undefined {
      let earliest: number | undefined;
      for (const record of young()) {
        const at = dueAtMs(record);
        if (at !== undefined && (earliest === undefined || at < earliest)) earliest = at;
      }
      return earliest;
    },

    /** Ids of young records due now, most overdue first, at most `limit`. */
    due(limit: number): string[] {
      const nowMs = now();
      return young()
        .map((record) => ({ id: record.id, at: dueAtMs(record) }))
        .filter((entry): entry is { id: string; at: number } => entry.at !== undefined && entry.at <= nowMs)
        .sort((a, b) => a.at - b.at)
        .slice(0, limit)
        .map((entry) => entry.id);
    },

    /** A read of `id` is being made now: whatever it brings, the next is counted from here. */
    looked(id: string): void {
      lookedAtMs.set(id, now());
    },
  };
}

export type VersionFollower = ReturnType<typeof createVersionFollower>;
