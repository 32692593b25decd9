/**
 * `status`: what an operator sees from a shell, read from the data directory the agent left behind (the
 * database is closed: the agent is stopped or runs in another process). beside-agent.test.ts covers the
 * agent running at the same time.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databasePath } from '../../../electron/core/db/database';
import type { SyncStatusView } from '../../../shared/api/views';
import { makeTempDir } from '../../support/temp-dir';
import { runAgent } from './run-agent';
import { GRAPH_FAILURE, saveWorkerStatus, seedOutbox, type SeededOutbox } from './seed';

describe('status', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let seeded: SeededOutbox;
  beforeEach(() => {
    temp = makeTempDir('vtc-cli-status-');
    seeded = seedOutbox(temp.dir);
  });
  afterEach(() => temp.cleanup());

  it('prints counts by state, the sync state and reason, last success and the last Graph error with its request-id', async () => {
    saveWorkerStatus(temp.dir, seeded.failed[0]!);
    const result = await runAgent(['status', '--data-dir', temp.dir]);
    expect(result.code).toBe(0);
    const text = result.stdout();
    expect(text).toMatch(/^sync:\s+paused$/m);
    expect(text).toMatch(/^reason:\s+paused: missing permission Calls\.AccessMedia\.All/m);
    expect(text).toMatch(/^last success:\s+2029-12-31T23:59:00\.000Z/m);
    expect(text).toContain(`400 BadRequest: ${GRAPH_FAILURE.message} (request-id ${GRAPH_FAILURE.requestId})`);
    expect(text).toMatch(/^oldest unsent:\s+\S/m);
    for (const [state, count] of [['needs_context', 1], ['pending', 3], ['in_flight', 0], ['sent', 1], ['failed', 2], ['discarded', 0]] as const) {
      expect(text).toMatch(new RegExp(`^${state}\\s+${count}$`, 'm'));
    }
  });

  it('--json prints the SyncStatusView the UI gets, as one document', async () => {
    saveWorkerStatus(temp.dir, seeded.failed[0]!);
    const result = await runAgent(['status', '--data-dir', temp.dir, '--json']);
    expect(result.code).toBe(0);
    const view = result.json<SyncStatusView>();
    expect(view).toMatchObject({
      state: 'paused',
      pausedByOperator: false,
      lastSuccessAt: '2029-12-31T23:59:00.000Z',
      counts: { needs_context: 1, pending: 3, in_flight: 0, sent: 1, failed: 2, discarded: 0 },
      lastError: { at: '2030-01-01T00:00:00.000Z', httpStatus: 400, code: 'BadRequest', message: GRAPH_FAILURE.message, requestId: GRAPH_FAILURE.requestId },
    });
    expect(view.oldestUnsentAgeMs).toBeGreaterThanOrEqual(0);
    expect(view.fillRatio).toBeGreaterThan(0);
  });

  it('computes the fill ratio against the bound in the configuration file', async () => {
    const configFile = join(temp.dir, 'config.json');
    writeFileSync(configFile, JSON.stringify({ outbox: { maxUnsentReports: 10 } }));
    const result = await runAgent(['status', '--data-dir', temp.dir, '--config', configFile, '--json']);
    // 6 unsent (1 needs_context + 3 pending + 2 failed) of 10.
    expect(result.json<SyncStatusView>().fillRatio).toBeCloseTo(0.6, 5);
    const human = await runAgent(['status', '--data-dir', temp.dir, '--config', configFile]);
    expect(human.stdout()).toMatch(/^outbox fill:\s+60\.0% \(6 of 10 reports/m);
  });

  it('says so when the agent never ran its sync worker on this data directory', async () => {
    const result = await runAgent(['status', '--data-dir', temp.dir, '--json']);
    expect(result.json<SyncStatusView>()).toMatchObject({ state: 'stopped', reason: 'the agent has not run on this data directory', counts: { failed: 2 } });
  });

  it('answers on a directory without a database, and does not create one there', async () => {
    const empty = makeTempDir('vtc-cli-empty-');
    try {
      const result = await runAgent(['status', '--data-dir', empty.dir, '--json']);
      expect(result.code).toBe(0);
      expect(result.json<SyncStatusView>()).toMatchObject({ state: 'stopped', counts: { pending: 0, failed: 0 }, fillRatio: 0 });
      expect(result.json<SyncStatusView>().reason).toContain('no database');
      expect(existsSync(databasePath(empty.dir))).toBe(false);
    } finally {
      empty.cleanup();
    }
  });

  it('refuses an unknown option or an argument with exit status 2 and the reason on stderr', async () => {
    const unknown = await runAgent(['status', '--data-dir', temp.dir, '--verbose']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr()).toContain("'--verbose'");
    const extra = await runAgent(['status', 'now', '--data-dir', temp.dir]);
    expect(extra.code).toBe(2);
    expect(extra.stderr()).toContain('takes no arguments');
  });
});
