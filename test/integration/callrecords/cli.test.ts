/**
 * `call-records list|get` run in-process (runCli with a captured io) against the emulator, with a
 * configuration file whose endpoints point at it (as the demo's does) and a temp data directory.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import type { CliIo } from '../../../electron/cli/io';
import { openDatabase } from '../../../electron/core/db/database';
import { callRecordFromReport, isRetained, startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator/index';
import { createOutbox } from '../../../electron/core/outbox/index';
import type { CallRecordDetailView, CallRecordListView } from '../../../shared/api/views';
import { completeQuality } from '../../unit/outbox/support/quality';
import { makeTempDir } from '../../support/temp-dir';
import { SECRET_ENV, writeEmulatorConfig } from '../../support/emulator-config';

let emulator: EmulatorHandle;
let temp: { dir: string; cleanup: () => void };
let configFile: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 33 });
});
afterAll(() => emulator.close());

afterEach(() => {
  emulator.reset();
  temp.cleanup();
});

function setUp(config: Record<string, unknown> = {}): void {
  temp = makeTempDir('vtc-cli-callrecords-');
  configFile = join(temp.dir, 'agent.config.json');
  writeEmulatorConfig(configFile, emulator, config);
}

async function agent(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { [SECRET_ENV]: emulator.clientSecret },
    shutdown: new Promise<string>(() => undefined),
  };
  const code = await runCli([...argv, '--data-dir', join(temp.dir, 'data'), '--config', configFile], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('call-records list', () => {
  it('--json prints one ListView document with every record of the window', async () => {
    setUp();
    const { code, out, err } = await agent('call-records', 'list', '--since', '30d', '--json');
    expect(err).not.toContain('"level":"error"');
    expect(code).toBe(0);
    const view = JSON.parse(out) as CallRecordListView;
    const retained = emulator.callRecords().filter((r) => isRetained(r, Date.now()));
    expect(view).toMatchObject({ availability: 'ok', stale: false });
    expect(view.items.map((i) => i.id).sort()).toEqual(retained.map((r) => r.id).sort());
    // The secret came from the environment and never reaches the output.
    expect(out + err).not.toContain(emulator.clientSecret);
  });

  it('prints a compact table by default', async () => {
    setUp();
    const { code, out } = await agent('call-records', 'list', '--since', '7d');
    expect(code).toBe(0);
    const [header, ...rows] = out.split('\n');
    expect(header).toMatch(/^START \(UTC\)\s+DURATION\s+TYPE\s+MODALITIES\s+PEOPLE\s+REPORTS\s+TEAMS ROOMS CALL\s+VERSION\s+ID$/);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d\s+\S+/);
  });

  it('bad --since is bad usage (2); missing consent is a configuration problem (2) with the reason on stderr', async () => {
    setUp();
    const tooLong = await agent('call-records', 'list', '--since', '31d');
    expect(tooLong.code).toBe(2);
    expect(tooLong.err).toMatch(/at most 30d/);

    emulator.setGrantedRoles(['Calls.AccessMedia.All']);
    const denied = await agent('call-records', 'list', '--json');
    expect(denied.code).toBe(2);
    expect(denied.err).toContain('admin consent needed for CallRecords.Read.All');
    expect(JSON.parse(denied.out)).toMatchObject({ availability: 'missing_permission' });
  });

  it('without a configured tenant: not configured (2)', async () => {
    setUp({ tenantId: undefined, clientId: undefined, credential: undefined, endpoints: undefined });
    const result = await agent('call-records', 'list');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/not_configured/);
  });
});

describe('call-records get', () => {
  it('--json reads a 150-session record whole', async () => {
    setUp();
    const big = emulator.callRecords().find((r) => r.sessions?.length === 150)!;
    const { code, out } = await agent('call-records', 'get', big.id, '--json');
    expect(code).toBe(0);
    const view = JSON.parse(out) as CallRecordDetailView;
    expect(view).toMatchObject({ availability: 'ok', sessionCount: 150 });
  });

  it('shows the room report of the data directory beside Teams, stream by stream', async () => {
    setUp();
    const quality = completeQuality('VTC Bldg 30/21');
    const db = openDatabase(join(temp.dir, 'data'));
    createOutbox(db).enqueue({ body: quality, source: 'device', roomId: 'room-1' });
    db.close();
    emulator.seedCallRecords([callRecordFromReport(quality, { receivedAtMs: Date.now(), publishedAtMs: Date.now(), tenantId: emulator.tenantId, disagree: false })]);
    const { code, out } = await agent('call-records', 'get', quality.callChainId);
    expect(code).toBe(0);
    expect(out).toMatch(/^id:\s+/m);
    expect(out).toContain('room / teams, per stream:');
    expect(out).toMatch(/audio#1\s+outbound\s+callerToCallee\s+0\.020 \/ 0\.020\s+0\.060 \/ 0\.060\s+15 \/ 15\s+40 \/ 40\s+yes/);
  });

  it('an unknown id: not available yet (1); no id: bad usage (2)', async () => {
    setUp();
    const unknown = await agent('call-records', 'get', '00000000-0000-4000-8000-00000000dead');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/not_available_yet/);
    expect((await agent('call-records', 'get')).code).toBe(2);
  });
});
