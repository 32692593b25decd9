/**
 * A server that answers `Retry-After: 100000000` (three years) must not park the route and the report
 * until then: the agent (`run` as a child process, configured by an IT file for the emulator) waits at most
 * an hour, logs and shows what the server asked, and the report is still due within the hour after a restart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator/index';
import type { ReportDetail, SyncStatusView } from '../../../shared/api/views';
import { runCli } from '../../../electron/cli/index';
import { startAgentProcess } from '../../support/agent-process';
import { captureIo } from '../../support/cli-io';
import { makeTempDir } from '../../support/temp-dir';
import { runAgent } from '../cli/run-agent';

const SEED_BODY = readFileSync(join(import.meta.dirname, '../../fixtures/seed-quality-body.json'), 'utf8');
const HOUR_MS = 3_600_000;
const HUGE_RETRY_AFTER_S = 100_000_000;

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('Retry-After from Graph', () => {
  it('a huge Retry-After waits at most 1 h, is shown as the server sent it, and stays capped across a restart', async () => {
    const emulator: EmulatorHandle = await startEmulator({ port: 0 });
    cleanups.push(() => emulator.close());
    const { dir, cleanup } = makeTempDir('vtc-retry-after-');
    cleanups.push(cleanup);
    const configFile = join(dir, 'it-config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        tenantId: emulator.tenantId,
        clientId: emulator.clientId,
        credential: { type: 'secret', secret: emulator.clientSecret },
        endpoints: { graph: emulator.url, login: emulator.url },
      }),
    );
    const cli = (...args: string[]) => runAgent([...args, '--data-dir', dir]);
    const { token } = (await cli('tokens', 'create', '--name', 'gateway', '--json')).json<{ token: string }>();
    emulator.injectFaults({ route: 'quality', status: 429, retryAfter: HUGE_RETRY_AFTER_S });

    const agent = await startAgentProcess(['run', '--data-dir', dir, '--config', configFile, '--ingest-port', '0'], ['ingest']);
    cleanups.push(() => agent.stop());
    const posted = await fetch(`${agent.lines.get('ingest')}/api/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: SEED_BODY,
    });
    expect(posted.status).toBe(202);
    const { id } = (await posted.json()) as { id: string };

    const logged = await agent.waitForStderr(/wait is capped/);
    const throttledAtMs = Date.now();
    expect(JSON.parse(logged)).toMatchObject({ retryAfterMs: HUGE_RETRY_AFTER_S * 1_000, waitMs: HOUR_MS });

    const report = (await cli('reports', 'show', id, '--json')).json<ReportDetail>();
    expect(report.state).toBe('pending');
    expect(report.attempts[0]).toMatchObject({ outcome: 'retry', httpStatus: 429, retryAfterMs: HUGE_RETRY_AFTER_S * 1_000 });
    const nextAttemptAtMs = Date.parse(report.nextAttemptAt!);
    // The agent records the attempt a moment after it logs the cap (the same pump, a later clock reading), so
    // its "now + 1 h" can fall a few ms after the test's: the point is 1 h, not the 3 years asked for.
    const slackMs = 5_000;
    expect(nextAttemptAtMs).toBeLessThanOrEqual(throttledAtMs + HOUR_MS + slackMs);
    expect(nextAttemptAtMs).toBeGreaterThan(throttledAtMs + HOUR_MS - 60_000);
    const status = (await cli('status', '--json')).json<SyncStatusView>();
    expect(status.reason).toMatch(/^paused: throttled by Graph until .*\(Retry-After 100000000 s, capped at 3600 s\)$/);
    expect(Date.parse(/until (\S+)/.exec(status.reason!)![1]!)).toBeLessThanOrEqual(throttledAtMs + HOUR_MS + slackMs);

    expect(await agent.stop()).toBe(0);
    // Restarted over the same data directory (in this process: the child's start-up was proven above).
    const restarted = captureIo();
    const running = runCli(['run', '--data-dir', dir, '--config', configFile, '--ingest-port', '0'], restarted.io);
    cleanups.push(async () => {
      restarted.shutdown();
      await running;
    });
    await restarted.waitForOut(/^ingest: /, 20_000);
    const afterRestart = (await cli('reports', 'show', id, '--json')).json<ReportDetail>();
    expect(afterRestart.state).toBe('pending');
    expect(Date.parse(afterRestart.nextAttemptAt!)).toBe(nextAttemptAtMs);
  }, 60_000);
});
