/**
 * A data directory seeded through the real outbox, as the agent would have left it: reports in every
 * state a user acts on, two of them failed with Graph's error and request ids, and the sync state the
 * worker saved. The database is closed afterwards, so the commands open it like another process would.
 */
import { createOutbox, type AttemptFailure } from '../../../electron/core/outbox/index';
import { openDatabase } from '../../../electron/core/db/database';
import { completeQuality, draftQuality } from '../../unit/outbox/support/quality';

export const GRAPH_FAILURE: AttemptFailure = {
  kind: 'http',
  status: 400,
  code: 'BadRequest',
  message: 'Invalid value for mediaLegId',
  requestId: '5f0c2a6e-1111-4a44-9e5b-0d7f0c1a2b3c',
  durationMs: 42,
};

export interface SeededOutbox {
  failed: string[];
  pending: string[];
  needsContext: string[];
  sent: string[];
  /** The client-request-id each failed report's attempt carried, by report id. */
  clientRequestIds: Record<string, string>;
}

export function seedOutbox(dataDir: string): SeededOutbox {
  const db = openDatabase(dataDir);
  try {
    // A clock one millisecond apart per read: "newest first" ties on created_at are broken by the random id,
    // so reports seeded within one real millisecond would list in a random order.
    let clockMs = Date.now() - 60_000;
    const outbox = createOutbox(db, { now: () => ++clockMs });
    const seeded: SeededOutbox = { failed: [], pending: [], needsContext: [], sent: [], clientRequestIds: {} };
    // Failed first: claimDue takes the oldest due, so these are the ones claimed and refused.
    for (const room of ['room-a', 'room-b']) seeded.failed.push(outbox.enqueue({ body: completeQuality(`failed ${room}`), source: 'ingest', roomId: room }).id);
    for (const claimed of outbox.claimDue(2)) {
      outbox.markFailed({ id: claimed.id, attemptId: claimed.attemptId }, GRAPH_FAILURE);
      seeded.clientRequestIds[claimed.id] = claimed.clientRequestId;
    }
    const sent = outbox.enqueue({ body: completeQuality('sent'), source: 'ingest', roomId: 'room-a' }).id;
    const [claimed] = outbox.claimDue(1);
    outbox.markSent({ id: claimed!.id, attemptId: claimed!.attemptId }, { status: 204, requestId: 'sent-request-id', durationMs: 30 });
    seeded.sent.push(sent);
    for (const room of ['room-a', 'room-b', 'room-b']) seeded.pending.push(outbox.enqueue({ body: completeQuality(`pending ${room}`), source: 'ingest', roomId: room }).id);
    seeded.needsContext.push(outbox.enqueue({ body: draftQuality(), source: 'device', roomId: 'room-a', deviceId: 'codec-1' }).id);
    return seeded;
  } finally {
    db.close();
  }
}

/** What the running worker saves when Graph refuses it for a missing permission (sync/status.ts). */
export function saveWorkerStatus(dataDir: string, failedReportId: string): void {
  const db = openDatabase(dataDir);
  try {
    createOutbox(db).saveSyncStatus({
      state: 'paused',
      reason: 'paused: missing permission Calls.AccessMedia.All (grant admin consent; retrying at 2030-01-01T00:00:00.000Z)',
      pausedByOperator: false,
      lastSuccessAtMs: Date.parse('2030-01-01T00:00:00.000Z') - 60_000,
      lastError: { atMs: Date.parse('2030-01-01T00:00:00.000Z'), reportId: failedReportId, kind: 'http', httpStatus: 400, code: GRAPH_FAILURE.code, message: GRAPH_FAILURE.message, requestId: GRAPH_FAILURE.requestId },
    });
  } finally {
    db.close();
  }
}
