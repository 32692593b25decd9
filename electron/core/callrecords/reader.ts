/**
 * Reads callRecords from Graph politely (../shared/reference/graph-api.md §4.1: 40 requests / 20 s for the list and per
 * record, 1,500 / 20 s per app per tenant):
 * - every request first takes a token from a bucket refilled at 1 per second with a burst of 15, so even
 *   a 30-day list of a large tenant stays under 35 requests in any 20 s;
 * - a 429/503 with a short Retry-After (≤ maxInlineWaitMs) is waited out in place and the read goes on
 *   from the page that failed (the list's `resumeFrom`), so the caller still gets the whole list;
 * - anything longer, or any other failure, ends the read with a ReadError that keeps the pages read so far
 *   and the link to resume from, for the service to continue after Retry-After.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import type { CallRecord } from '../../../shared/graph/callRecords';
import type { CallRecordListQuery, CallRecordPage, GetCallRecordOptions } from '../graph/client';
import { MAX_PARTICIPANT_PAGES } from '../graph/callRecordsApi';
import type { Logger } from '../log/logger';
import { TokenBucket } from '../sync/token-bucket';
import { classifyFailure, type ReadFailure } from './failures';
import { backoffCeilingMs } from '../../../shared/backoff';

/** What the service needs of the Graph client (GraphClient satisfies it). */
export interface CallRecordsApiLike {
  iterateCallRecordPages(query?: CallRecordListQuery): AsyncGenerator<CallRecordPage>;
  getCallRecord(id: string, options?: GetCallRecordOptions): Promise<CallRecord>;
}

export interface ListProgress {
  records: CallRecord[];
  /** The page to request next; undefined before the first page. */
  resumeFrom?: string;
}

export class ReadError extends Error {
  constructor(
    readonly failure: ReadFailure,
    readonly progress?: ListProgress,
  ) {
    super(failure.message);
    this.name = 'ReadError';
  }
}

export interface ReaderOptions {
  now: () => number;
  /** Longest Retry-After waited out inside one read (default 10 s). */
  maxInlineWaitMs?: number;
  /** Aborts waits when the service stops. */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told when a record's participants were not all read (the page bound). */
  log?: Logger;
}

const REQUESTS_PER_SECOND = 1;
const BURST = 15;
const MAX_INLINE_RETRIES = 3;
/** Without Retry-After: 1 s, 2 s, 4 s. */
const FALLBACK_WAIT_MS = 1_000;

export function createReader(options: ReaderOptions) {
  const maxInlineWaitMs = options.maxInlineWaitMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => sleepFor(ms, undefined, { signal }));
  const bucket = new TokenBucket(REQUESTS_PER_SECOND, BURST, options.now);

  async function pace(): Promise<void> {
    const waitMs = bucket.msUntilNext();
    if (waitMs > 0) await sleep(waitMs, options.signal);
    bucket.take(1);
  }

  /** How long to wait before trying again in place, or undefined to give up for now. */
  function inlineWaitMs(failure: ReadFailure, attempt: number): number | undefined {
    if (failure.kind !== 'throttled' || attempt >= MAX_INLINE_RETRIES) return undefined;
    // Beyond maxInlineWaitMs the read gives up for now, so the cap only has to be above it.
    const waitMs = failure.retryAfterMs ?? backoffCeilingMs(attempt + 1, { startMs: FALLBACK_WAIT_MS, factor: 2, capMs: 2 * maxInlineWaitMs });
    return waitMs <= maxInlineWaitMs ? waitMs : undefined;
  }

  return {
    async list(api: CallRecordsApiLike, query: { since: Date; participantId?: string }, from: ListProgress = { records: [] }): Promise<CallRecord[]> {
      const records = [...from.records];
      let nextUrl = from.resumeFrom;
      for (let attempt = 0; ; attempt++) {
        try {
          await pace();
          for await (const page of api.iterateCallRecordPages({ ...query, resumeFrom: nextUrl, signal: options.signal })) {
            records.push(...page.records);
            nextUrl = page.nextLink;
            if (nextUrl !== undefined) await pace();
          }
          return records;
        } catch (error) {
          const failure = classifyFailure(error);
          const waitMs = inlineWaitMs(failure, attempt);
          if (waitMs === undefined) throw new ReadError(failure, { records, resumeFrom: nextUrl });
          await sleep(waitMs, options.signal);
        }
      }
    },

    async record(api: CallRecordsApiLike, id: string): Promise<CallRecord> {
      for (let attempt = 0; ; attempt++) {
        try {
          await pace();
          const record = await api.getCallRecord(id, { expandSessions: true, expandParticipants: true, signal: options.signal });
          if (record['participants_v2@odata.nextLink'] !== undefined) {
            // Stored without the link: the participants read so far still name the people and the room.
            delete record['participants_v2@odata.nextLink'];
            options.log?.warn('call record participants not all read', {
              id,
              participantsRead: record.participants_v2?.length ?? 0,
              reason: `participants_v2 has more than ${MAX_PARTICIPANT_PAGES + 1} pages; the rest are not read`,
            });
          }
          return record;
        } catch (error) {
          const failure = classifyFailure(error);
          const waitMs = inlineWaitMs(failure, attempt);
          if (waitMs === undefined) throw new ReadError(failure);
          await sleep(waitMs, options.signal);
        }
      }
    },
  };
}

export type Reader = ReturnType<typeof createReader>;
