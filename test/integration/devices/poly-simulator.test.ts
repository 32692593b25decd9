/**
 * Poly VideoOS end to end in the composed core: a simulated Poly codec (real HTTPS, self-signed, session
 * login) → the poly-videoos collector → leg tracker → outbox → sync worker → the Graph emulator, with the
 * Teams ids posted by a gateway to `POST /api/v1/call-context`. Codec time is driven by ticks and explicit
 * polls (each statistics interval read once): no sleeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/app/core';
import { createLogger } from '../../../electron/core/log/logger';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator';
import { startPolySimulator, type PolySimulator, type PolyExpectedStream } from '../../../electron/sim/poly-codec';
import { appConfigSchema } from '../../../shared/config/schema';
import { isoDurationToMs } from '../../../shared/graph/duration';
import { MODALITY_ODATA_TYPE } from '../../../shared/graph/quality';
import { makeTempDir } from '../../support/temp-dir';
import { runAgent } from '../cli/run-agent';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Rig {
  core: Core;
  simulator: PolySimulator;
  emulator: EmulatorHandle;
  dataDir: string;
  step(): Promise<void>;
  postContext(body: Record<string, unknown>): Promise<Response>;
}

async function rig(options: { xsrf?: boolean } = {}): Promise<Rig> {
  let nowMs = Date.parse('2026-03-01T10:00:00Z');
  const simulator = await startPolySimulator({ seed: 21, password: 'poly-secret', xsrf: options.xsrf ?? true, now: () => nowMs });
  cleanups.push(() => simulator.close());
  const emulator = await startEmulator({ port: 0, seed: 2 });
  cleanups.push(() => emulator.close());
  const temp = makeTempDir('vtc-poly-');
  cleanups.push(temp.cleanup);
  const config = appConfigSchema.parse({
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    credential: { type: 'secret', secret: emulator.clientSecret },
    endpoints: { graph: emulator.url, login: emulator.url },
    rooms: [{ id: 'b40', name: 'Bldg 40 / Studio', devices: [{ id: 'studio-x30', kind: 'poly-videoos', url: simulator.url, username: 'admin', password: 'poly-secret', allowSelfSigned: true, pollSeconds: 300 }] }],
  });
  const core = await startCore({
    dataDir: temp.dir,
    log: createLogger({ sink: () => undefined }),
    transport: 'web',
    version: 'test',
    now: () => nowMs,
    ingest: { port: 0 },
    managed: { config, managedKeys: ['credential', 'rooms', 'endpoints', 'tenantId', 'clientId'] },
  });
  cleanups.push(() => core.stop({ timeoutMs: 2_000 }));
  await core.parts.collectors.pollAll(); // the start-up read (idle codec) is over before time moves
  const token = core.parts.tokens.create('gateway').token;
  return {
    core,
    simulator,
    emulator,
    dataDir: temp.dir,
    async step() {
      simulator.tick();
      nowMs += 5_000;
      await core.parts.collectors.pollAll();
    },
    postContext: (body) =>
      fetch(`${core.ingestUrl}/api/v1/call-context`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  };
}

async function waitUntil(test: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function itemFor(items: Record<string, unknown>[], stream: PolyExpectedStream): Record<string, unknown> {
  const item = items.find((candidate) => candidate['@odata.type'] === MODALITY_ODATA_TYPE[stream.modality] && candidate.channelIndex === stream.channelIndex);
  expect(item, `${stream.name} in the report`).toBeDefined();
  return item!;
}

const IDS = { callChainId: '0b7d3f52-61c4-4a0e-9a57-1f2e3d4c5b6a', participantId: 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff' };

describe('Poly VideoOS codec to Microsoft Graph', () => {
  it('a scripted call becomes one report with the per-modality loss, jitter, bit rate and frame rate of the script', async () => {
    const { core, simulator, emulator, step, postContext } = await rig();
    const script = simulator.scenario.calls[0]!;
    for (let i = 0; i < script.idleTicksBefore; i += 1) await step();
    expect(simulator.currentCallId()).toBe('0'); // conference 0 is a call
    expect((await postContext({ deviceId: 'studio-x30', callId: '0', ...IDS })).status).toBe(200);
    for (let i = 0; i < script.durationTicks + 2; i += 1) await step();

    await waitUntil(() => emulator.received().length > 0);
    const received = emulator.received().map((item) => (item.body as { quality: Record<string, unknown> }).quality);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ ...IDS, deviceName: 'Poly StudioX30', deviceDescription: 'Bldg 40 / Studio' });
    const items = received[0]!.mediaQualityList as Record<string, unknown>[];
    const expected = simulator.expected()[0]!;
    expect(new Set(items.map((item) => item['@odata.type']))).toEqual(new Set(Object.values(MODALITY_ODATA_TYPE)));
    for (const stream of expected.streams) {
      const item = itemFor(items, stream);
      const dir = stream.direction === 'inbound' ? 'Inbound' : 'Outbound';
      expect(item[`average${dir}PacketLossRateInPercentage`]).toBeCloseTo(stream.avgLossPercent, 2);
      expect(item[`maximum${dir}PacketLossRateInPercentage`]).toBeCloseTo(stream.maxLossPercent, 2);
      expect(isoDurationToMs(item[`average${dir}Jitter`] as string)).toBe(Math.round(stream.avgJitterMs));
      expect(isoDurationToMs(item[`maximum${dir}Jitter`] as string)).toBe(stream.maxJitterMs);
      // Poly has no round trip and no packet counts: absent, never 0.
      expect(item).not.toHaveProperty(`average${dir}RoundTripDelay`);
      expect(item).not.toHaveProperty(`${stream.direction}Packets`);
      if (stream.modality !== 'audio') {
        expect(item[`average${dir}BitRate`]).toBe(Math.round(stream.avgBitRate));
        expect(item[`average${dir}FrameRate`]).toBeCloseTo(stream.avgFrameRate!, 1);
      }
    }
    // One session for the whole call: never a login per request.
    expect(simulator.logins).toBe(1);
    await core.stop();
    expect(simulator.activeSessions).toBe(0); // logged out on stop
  });

  it('a received video stream under 7 fps while on makes its leg poor (frame rate, CQD), the others stay judged by their own rules', async () => {
    const { core, simulator, step } = await rig();
    const drop = simulator.scenario.calls[0]!.impairments.find((impairment) => impairment.frameRate !== undefined)!;
    expect(drop).toMatchObject({ stream: 'video-rx', frameRate: 5 });
    // The call starts at tick 1 (relative tick 0): after `toTick` ticks the last dropped interval was read.
    for (let i = 0; i < drop.toTick; i += 1) await step();
    const legs = core.parts.tracker.snapshot()[0]!.activeCalls[0]!.legs;
    const videoIn = legs.find((leg) => leg.key.modality === 'video' && leg.key.direction === 'inbound')!;
    expect(videoIn.classification).toBe('poor');
    expect(videoIn.classificationReason).toEqual({ metric: 'frameRate', value: 5, threshold: 7 });
    const videoOut = legs.find((leg) => leg.key.modality === 'video' && leg.key.direction === 'outbound')!;
    expect(videoOut.classification).toBe('good'); // 30 fps
  });

  it('a restart of the codec mid-call (sessions lost) logs in again and splits nothing', async () => {
    const { simulator, emulator, step, postContext } = await rig();
    const script = simulator.scenario.calls[0]!;
    for (let i = 0; i < script.idleTicksBefore + 6; i += 1) await step();
    await postContext({ deviceId: 'studio-x30', callId: '0', ...IDS });
    simulator.restart();
    for (let i = 0; i < script.durationTicks; i += 1) await step();
    await waitUntil(() => emulator.received().length > 0);
    expect(emulator.received()).toHaveLength(1);
    expect(simulator.logins).toBe(2);
    const items = (emulator.received()[0]!.body as { quality: { mediaQualityList: unknown[] } }).quality.mediaQualityList;
    expect(items.length).toBe(3);
  });

  it('status --json lists the device with its kind, product, version, state and call', async () => {
    const { core, simulator, step, dataDir } = await rig();
    for (let i = 0; i < simulator.scenario.calls[0]!.idleTicksBefore + 2; i += 1) await step();
    const status = await runAgent(['status', '--data-dir', dataDir, '--json']);
    expect(status.code).toBe(0);
    expect(status.json<{ devices: unknown[] }>().devices).toEqual([
      { roomId: 'b40', deviceId: 'studio-x30', kind: 'poly-videoos', product: 'Poly StudioX30', softwareVersion: '4.6.2', state: 'online', call: { kind: 'interop', id: '0', since: expect.any(String) }, error: null, transport: null },
    ]);
    await core.stop();
    const after = await runAgent(['status', '--data-dir', dataDir, '--json']);
    expect(after.json<{ devices: Array<{ call: unknown }> }>().devices[0]!.call).toBeNull();
  });
});

describe('Poly sign-in failures', () => {
  it('wrong password: auth_failed, one login attempt, then a wait of minutes (no retry per poll)', async () => {
    const { core, simulator } = await rig();
    const result = await core.dispatch('testDevice', { kind: 'poly-videoos', url: simulator.url, username: 'admin', password: 'wrong', allowSelfSigned: true });
    expect(result).toMatchObject({ ok: true, value: { ok: false, state: 'auth_failed', error: expect.stringMatching(/SessionRequestInvalid/) } });
    expect(simulator.failedLogins).toBe(1);
  });

  it('Test device names the product, the version and the certificate to pin; a wrong pin is certificate_changed', async () => {
    const { core, simulator } = await rig();
    const ok = await core.dispatch('testDevice', { kind: 'poly-videoos', url: simulator.url, username: 'admin', password: 'poly-secret', allowSelfSigned: true });
    expect(ok).toMatchObject({ ok: true, value: { ok: true, state: 'online', productId: 'Poly StudioX30', softwareVersion: '4.6.2', certificateSha256: simulator.certificateSha256 } });
    const pinned = await core.dispatch('testDevice', { kind: 'poly-videoos', url: simulator.url, username: 'admin', password: 'poly-secret', allowSelfSigned: false, certificateSha256: simulator.certificateSha256 });
    expect(pinned).toMatchObject({ ok: true, value: { ok: true } });
    const wrong = await core.dispatch('testDevice', { kind: 'poly-videoos', url: simulator.url, username: 'admin', password: 'poly-secret', allowSelfSigned: false, certificateSha256: 'ab'.repeat(32) });
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, state: 'certificate_changed' } });
    expect(simulator.activeSessions).toBe(1); // only the collector's own session: each test logged out
  });
});
