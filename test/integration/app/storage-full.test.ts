/**
 * A measured call must never vanish when the disk refuses to store its report. The agent (`run` as a child
 * process) polls a simulated Cisco codec (a separate HTTPS server) and delivers to the Graph emulator; its
 * data directory is a small tmpfs that the test fills, so SQLite answers SQLITE_FULL. While full: the call's
 * report is kept in memory, `status --json` shows the storage problem and the report waiting, the ingest API
 * answers 507 with Retry-After (logged once, not per request). Once space is freed the report is stored and
 * reaches the emulator.
 * A report still waiting when the agent stops is stored and delivered after a restart, even one on a disk that
 * is still full (the agent starts and keeps it in memory until there is room).
 * Mounting needs root (CAP_SYS_ADMIN); without it the same story runs with another real refusal: the test
 * holds an exclusive transaction on the agent's database, so its writes fail with SQLITE_BUSY.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCiscoSimulator, generateScenario, type CiscoSimulator } from '../../../electron/sim/cisco-codec';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator';
import { startCore, type Core } from '../../../electron/core/app/core';
import { createLogger } from '../../../electron/core/log/logger';
import { appConfigSchema } from '../../../shared/config/schema';
import type { SyncStatusView } from '../../../shared/api/views';
import { startAgentProcess, type AgentProcess } from '../../support/agent-process';
import { makeTempDir } from '../../support/temp-dir';
import { runAgent } from '../cli/run-agent';
import seedBody from '../../fixtures/seed-quality-body.json';

const CALL_CHAIN_ID = '2f1a7c3e-5b8d-4e6f-9a0b-1c2d3e4f5a6b';
const PARTICIPANT_ID = '7e6d5c4b-3a29-4180-8f7e-6d5c4b3a2918';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A way to make the agent's database refuse writes, and to end it. */
interface Refusal {
  dataDir: string;
  kind: 'disk_full' | 'busy';
  start(): void;
  end(): void;
}

function tryMountTmpfs(root: string): string | undefined {
  const mountPoint = join(root, 'small-disk');
  mkdirSync(mountPoint);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch {
    return undefined;
  }
  cleanups.push(() => {
    execFileSync('umount', ['-l', mountPoint], { stdio: 'pipe' });
  });
  return mountPoint;
}

function fullDisk(mountPoint: string): Refusal {
  const fillers: string[] = [];
  return {
    dataDir: join(mountPoint, 'data'),
    kind: 'disk_full',
    start() {
      // Fill with 64 KiB files, then 4 KiB ones, until the filesystem says ENOSPC.
      for (const size of [64 * 1024, 4 * 1024]) {
        for (;;) {
          const file = join(mountPoint, `filler-${fillers.length}`);
          try {
            writeFileSync(file, Buffer.alloc(size, 1));
            fillers.push(file);
          } catch {
            rmSync(file, { force: true });
            break;
          }
        }
      }
    },
    end() {
      for (const file of fillers.splice(0)) unlinkSync(file);
    },
  };
}

function lockedDatabase(root: string): Refusal {
  const dataDir = join(root, 'data');
  let holder: Database.Database | undefined;
  return {
    dataDir,
    kind: 'busy',
    start() {
      holder = new Database(join(dataDir, 'vtc-quality.sqlite'));
      holder.exec('BEGIN EXCLUSIVE');
    },
    end() {
      holder?.exec('ROLLBACK');
      holder?.close();
      holder = undefined;
    },
  };
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function statusJson(dataDir: string): Promise<SyncStatusView> {
  // In this process (a second child would only add start-up time): it reads the same files the agent writes.
  const run = await runAgent(['status', '--data-dir', dataDir, '--json']);
  expect(run.code, run.stderr()).toBe(0);
  return run.json<SyncStatusView>();
}

async function startWorld(dataDir: string): Promise<{ agent: AgentProcess; codec: CiscoSimulator; emulator: EmulatorHandle; ingestUrl: string; token: string }> {
  const emulator = await startEmulator({ port: 0 });
  cleanups.push(() => emulator.close());
  const codec = await startCiscoSimulator({ seed: 5, password: 'codec-pw', scenario: generateScenario(5, { durationTicks: 12, idleTicksBefore: 1 }) });
  cleanups.push(() => codec.close());
  mkdirSync(dataDir, { recursive: true });
  const configFile = join(dataDir, '..', 'it-config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      credential: { type: 'secret', secret: emulator.clientSecret },
      endpoints: { graph: emulator.url, login: emulator.url },
      rooms: [{ id: 'b30', name: 'Building 30', devices: [{ id: 'sx80', kind: 'cisco-xapi', url: codec.url, username: codec.username, password: 'codec-pw', allowSelfSigned: true, pollSeconds: 1 }] }],
    }),
  );
  const { token } = (await runAgent(['tokens', 'create', '--name', 'gateway', '--data-dir', dataDir, '--json'])).json<{ token: string }>();
  const agent = await startAgentProcess(['run', '--data-dir', dataDir, '--config', configFile, '--ingest-port', '0'], ['ingest'], { env: { VTC_MIN_POLL_SECONDS: '1' } });
  cleanups.push(() => agent.stop());
  return { agent, codec, emulator, ingestUrl: agent.lines.get('ingest')!, token };
}

function post(ingestUrl: string, token: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${ingestUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('a disk that refuses writes', () => {
  it('keeps the measured call, shows the problem, answers 507, and delivers the report once there is room', async () => {
    const { dir: root, cleanup } = makeTempDir('vtc-storage-');
    cleanups.push(cleanup);
    const mountPoint = tryMountTmpfs(root);
    if (mountPoint === undefined) console.warn('storage-full: mounting a tmpfs is not permitted here (needs root); using a database locked by another process instead');
    const refusal = mountPoint === undefined ? lockedDatabase(root) : fullDisk(mountPoint);
    const { agent, codec, emulator, ingestUrl, token } = await startWorld(refusal.dataDir);

    // The call starts on the codec; the gateway names its Teams ids; the agent polls a few intervals of it.
    codec.tick();
    const callId = codec.currentCallId()!;
    expect((await post(ingestUrl, token, '/api/v1/call-context', { deviceId: 'sx80', callId, callChainId: CALL_CHAIN_ID, participantId: PARTICIPANT_ID })).status).toBe(200);
    for (let i = 0; i < 2; i += 1) {
      const seen = codec.requestCount;
      codec.tick();
      await until('a poll of the codec', () => (codec.requestCount >= seen + 4 ? true : undefined));
    }

    // The disk refuses writes; the call ends on the codec, the agent reports it.
    refusal.start();
    codec.tick(12);
    await agent.waitForStderr(/storage refused a write/, 30_000);

    const waiting = await statusJson(refusal.dataDir);
    expect(waiting.storage).toMatchObject({ kind: refusal.kind, waitingReports: 1 });
    expect(waiting.storage?.message).toMatch(/1 measured report is kept in memory/);

    // The ingest API tells senders to come back later, with the reason; logged once for the episode.
    const another = { ...seedBody, quality: { ...seedBody.quality, mediaLegId: '0d3f8a5e-1111-4222-8333-444455556666' } };
    for (let i = 0; i < 2; i += 1) {
      const refused = await post(ingestUrl, token, '/api/v1/reports', another);
      expect(refused.status).toBe(refusal.kind === 'disk_full' ? 507 : 503);
      expect(refused.headers.get('retry-after')).toBe(refusal.kind === 'disk_full' ? '60' : '5');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(refusal.kind === 'disk_full' ? 'storage_full' : 'storage_busy');
    }
    expect(agent.stderr().match(/storage refused a write/g)).toHaveLength(1);
    expect(emulator.received()).toHaveLength(0);

    // Room again: the kept report is stored and delivered, and the problem clears.
    refusal.end();
    const delivered = await until('the report at the emulator', () => (emulator.received().length > 0 ? emulator.received() : undefined));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.body).toMatchObject({ quality: { callChainId: CALL_CHAIN_ID, participantId: PARTICIPANT_ID, deviceDescription: 'Building 30' } });
    await agent.waitForStderr(/storage recovered/);
    const after = await statusJson(refusal.dataDir);
    expect(after.storage).toBeUndefined();
    expect(after.counts.sent).toBe(1);
    expect(await agent.stop()).toBe(0);
  }, 180_000);

  it('a report still waiting for the disk when the agent stops survives a restart on the still-full disk and is delivered once there is room', async () => {
    const { dir: root, cleanup } = makeTempDir('vtc-storage-restart-');
    cleanups.push(cleanup);
    const mountPoint = tryMountTmpfs(root);
    const refusal = mountPoint === undefined ? lockedDatabase(root) : fullDisk(mountPoint);
    const emulator = await startEmulator({ port: 0 });
    cleanups.push(() => emulator.close());
    const config = appConfigSchema.parse({
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      credential: { type: 'secret', secret: emulator.clientSecret },
      endpoints: { graph: emulator.url, login: emulator.url },
      rooms: [{ id: 'b30', name: 'Building 30' }],
    });
    const start = (): Promise<Core> =>
      startCore({ dataDir: refusal.dataDir, log: createLogger({ sink: () => undefined }), transport: 'web', version: '0.0.0-test', ingest: { port: 0 }, managed: { config, managedKeys: ['tenantId', 'clientId', 'credential', 'endpoints', 'rooms'] } });

    const first = await start();
    const { token } = first.parts.tokens.create('gateway');
    const sample = { roomId: 'b30', deviceId: 'gw', callId: 'c1', modality: 'audio', direction: 'inbound', channelIndex: 1, at: new Date().toISOString(), lossPercent: 2 };
    expect((await post(first.ingestUrl!, token, '/api/v1/samples', sample)).status).toBe(202);
    expect((await post(first.ingestUrl!, token, '/api/v1/call-context', { deviceId: 'gw', callId: 'c1', callChainId: CALL_CHAIN_ID, participantId: PARTICIPANT_ID })).status).toBe(200);
    refusal.start();
    first.parts.tracker.endCall('gw', 'c1'); // what the idle timeout does for a sender that never says "ended"
    const status = (await first.dispatch('getSyncStatus', undefined)) as { ok: true; value: SyncStatusView };
    expect(status.value.storage).toMatchObject({ kind: refusal.kind, waitingReports: 1 });
    await first.stop({ timeoutMs: 1_000 });

    // The disk is still full when the agent starts again: it starts, and the report waits in memory.
    const second = await start();
    cleanups.push(() => second.stop({ timeoutMs: 1_000 }));
    const restarted = (await second.dispatch('getSyncStatus', undefined)) as { ok: true; value: SyncStatusView };
    expect(restarted.value.storage).toMatchObject({ kind: refusal.kind, waitingReports: 1 });
    expect(emulator.received()).toHaveLength(0);

    refusal.end();
    const delivered = await until('the report at the emulator', () => (emulator.received().length > 0 ? emulator.received() : undefined));
    expect(delivered[0]!.body).toMatchObject({ quality: { callChainId: CALL_CHAIN_ID, deviceDescription: 'Building 30' } });
  }, 60_000);
});
