/**
 * The shell commands while the agent runs: the real sync worker sends to the emulator through its own
 * database connection, and the commands open the same database file as another process would. `status`
 * sees what the worker saved, and a report resubmitted from the shell is sent by the running worker
 * without being told (it polls the outbox).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportDetail, SyncStatusView } from '../../../shared/api/views';
import { completeQuality } from '../../unit/outbox/support/quality';
import { startRig, type Rig } from '../outbox/support';
import { runAgent } from './run-agent';

describe('shell commands beside a running agent', () => {
  let rig: Rig;
  afterEach(async () => rig.close());

  it('status shows the worker\'s Graph error; resubmit from the shell gets the report sent by the running worker', async () => {
    rig = await startRig({ worker: { pollIntervalMs: 200 } });
    const agent = (...args: string[]) => runAgent([...args, '--data-dir', rig.temp.dir]);
    const { id } = rig.outbox.enqueue({ body: completeQuality('beside'), source: 'ingest', roomId: 'room-a' });
    rig.emulator.injectFaults({ route: 'quality', status: 400, code: 'BadRequest', message: 'Invalid value for mediaLegId' });
    rig.worker.start();
    const [failure] = await rig.waitFor('failed', 1);

    const failedStatus = (await agent('status', '--json')).json<SyncStatusView>();
    const attempt = rig.outbox.get(id)!.attempts[0]!;
    expect(failedStatus).toMatchObject({ state: 'idle', counts: { failed: 1, pending: 0 } });
    expect(failedStatus.lastError).toMatchObject({ httpStatus: 400, code: 'BadRequest', message: 'Invalid value for mediaLegId', requestId: attempt.requestId, clientRequestId: attempt.clientRequestId });
    expect(failure).toMatchObject({ reportId: id });

    const resubmit = await agent('reports', 'resubmit', id);
    expect(resubmit.code).toBe(0);
    await rig.waitFor('sent', 1);

    const report = (await agent('reports', 'show', id, '--json')).json<ReportDetail>();
    expect(report.state).toBe('sent');
    expect(report.attempts.map((a) => [a.outcome, a.httpStatus])).toEqual([
      ['failed', 400],
      ['sent', 200],
    ]);
    const sentStatus = (await agent('status', '--json')).json<SyncStatusView>();
    expect(sentStatus.counts).toMatchObject({ failed: 0, sent: 1 });
    expect(sentStatus.lastSuccessAt).toBeDefined();
  });
});
