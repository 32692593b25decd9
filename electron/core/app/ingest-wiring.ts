/**
 * The ingest API's dependencies (electron/core/ingest/deps.ts) wired to the real outbox, leg tracker and
 * sync worker. A posted report is committed before the 202; a call context goes to both the live calls
 * (tracker) and the reports already waiting for it (outbox), since it may arrive before or after the call ends.
 */
import type { CallContext, IngestDeps } from '../ingest';
import type { LegTracker } from '../legs';
import type { Logger } from '../log/logger';
import type { ContextSelector, Outbox } from '../outbox';
import type { SyncWorker } from '../sync';
import type { AppEventHub } from './events';

/** Posted reports carry no call times, only their enqueue time: a context within this slack of it matches. */
const POSTED_REPORT_SLACK_MS = 5 * 60_000;

export function contextSelector(context: CallContext, nowMs: number): ContextSelector {
  if (context.deviceId !== undefined && context.callId !== undefined) return { deviceId: context.deviceId, deviceCallId: context.callId };
  const atMs = context.atMs ?? nowMs;
  return { roomId: context.roomId, deviceId: context.deviceId, fromMs: atMs - POSTED_REPORT_SLACK_MS, toMs: atMs + POSTED_REPORT_SLACK_MS };
}

export function createIngestDeps(parts: { outbox: Outbox; tracker: LegTracker; sync: SyncWorker; events: AppEventHub; log: Logger; version: string; now: () => number }): IngestDeps {
  const { outbox, tracker, sync, events, log, now } = parts;
  return {
    enqueueReport({ quality, roomId, deviceId }) {
      const result = outbox.enqueue({ body: quality, source: 'ingest', roomId, deviceId });
      events.publish('reportsChanged', { ids: [result.id] });
      if (result.state === 'pending') sync.notify('enqueued');
      return result;
    },
    ingestSamples(samples) {
      tracker.ingestSamples(samples);
    },
    attachCallContext(context) {
      const legs = tracker.setCallContext({
        deviceId: context.deviceId,
        roomId: context.roomId,
        callId: context.callId,
        at: context.at,
        callChainId: context.callChainId,
        participantId: context.participantId,
      });
      const reports = outbox.attachContext(contextSelector(context, now()), { callChainId: context.callChainId, participantId: context.participantId }, 'ingest');
      if (reports.changed.length > 0) {
        events.publish('reportsChanged', { ids: reports.changed });
        sync.notify('enqueued');
      }
      return { matchedLegs: legs.length, matchedReports: reports.changed.length };
    },
    health() {
      const stats = outbox.stats();
      return { status: stats.full ? 'degraded' : 'ok', version: parts.version, outbox: stats.counts };
    },
    now,
    log: (level, msg, fields) => log[level](msg, fields),
  };
}
