/**
 * Cisco xAPI over WebSocket against the codec simulator's WebSocket fake (JSON-RPC 2.0 at /ws, login in the
 * `auth-…` subprotocol, xFeedback subscriptions): the same scripted call gives the same report as HTTP
 * polling, with no HTTP request while the socket is up; a socket dropped mid-call reconnects within 10 s
 * and loses nothing; a codec with its WebSocket off is polled over HTTP and says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCiscoDeviceCollector, HTTP_FALLBACK_NOTE, testCiscoDevice } from '../../../electron/core/devices/cisco';
import type { DeviceCollector, DeviceStateEvent } from '../../../electron/core/devices/types';
import { createLegTracker, type DeviceCallReport } from '../../../electron/core/legs';
import { startCiscoSimulator, type CiscoSimulator } from '../../../electron/sim/cisco-codec';
import type { CiscoTransport } from '../../../shared/config/schema';
import { isoDurationToMs } from '../../../shared/graph/duration';
import { MODALITY_ODATA_TYPE } from '../../../shared/graph/quality';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Rig {
  simulator: CiscoSimulator;
  collector: DeviceCollector;
  reports: DeviceCallReport[];
  states: DeviceStateEvent[];
  step(): Promise<void>;
  waitForState(state: string): Promise<void>;
}

async function rig(options: { transport: CiscoTransport; seed?: number; websocket?: boolean; password?: string; certificateSha256?: string }): Promise<Rig> {
  const simulator = await startCiscoSimulator({ seed: options.seed ?? 11, firmware: 'roomos11', password: 'codec-pw', websocket: options.websocket ?? true });
  cleanups.push(() => simulator.close());
  let nowMs = Date.parse('2026-03-01T10:00:00Z');
  const reports: DeviceCallReport[] = [];
  const states: DeviceStateEvent[] = [];
  const stateWaiters: Array<() => void> = [];
  const tracker = createLegTracker({ now: () => nowMs, rooms: [{ id: 'b30', name: 'Bldg 30', devices: [{ id: 'kit' }] }], onReport: (report) => reports.push(report) });
  cleanups.push(() => tracker.close());
  const collector = createCiscoDeviceCollector(
    { id: 'kit', kind: 'cisco-xapi', url: simulator.url, username: 'admin', password: options.password ?? 'codec-pw', allowSelfSigned: options.certificateSha256 === undefined, certificateSha256: options.certificateSha256, transport: options.transport, pollSeconds: 300 },
    {
      roomId: 'b30',
      now: () => nowMs,
      onSamples: (samples) => tracker.ingestSamples(samples),
      onCallEnded: (event) => tracker.endCall(event.deviceId, event.callId, { deviceName: event.deviceName }),
      onDeviceState: (event) => {
        states.push(event);
        tracker.setDeviceState(event.deviceId, event.state, event.error);
        for (const waiter of stateWaiters.splice(0)) waiter();
      },
    },
  );
  cleanups.push(() => collector.stop());
  collector.start();
  const waitForState = (state: string): Promise<void> =>
    new Promise<void>((resolve) => {
      const check = (): void => {
        if (collector.status().state === state) resolve();
        else stateWaiters.push(check);
      };
      check();
    });
  return {
    simulator,
    collector,
    reports,
    states,
    waitForState,
    async step() {
      simulator.tick();
      nowMs += 5_000;
      await collector.pollOnce();
    },
  };
}

const itemsOf = (report: DeviceCallReport) => report.body.mediaQualityList.map((item) => ({ ...item }));

describe('Cisco xAPI over WebSocket', () => {
  it('reports the same numbers as HTTP polling for the same scripted call, with no HTTP request while the socket is up', async () => {
    const http = await rig({ transport: 'http', seed: 11 });
    const ws = await rig({ transport: 'websocket', seed: 11 });
    await ws.waitForState('online');
    const ticks = http.simulator.scenario.calls[0]!.durationTicks + 3;
    for (let i = 0; i < ticks; i += 1) {
      await http.step();
      await ws.step();
    }
    expect(http.reports).toHaveLength(1);
    expect(ws.reports).toHaveLength(1);
    expect(ws.reports[0]!.deviceCallId).toBe(http.reports[0]!.deviceCallId);
    expect(ws.reports[0]!.body.deviceName).toBe('Cisco SX80');
    expect(itemsOf(ws.reports[0]!)).toEqual(itemsOf(http.reports[0]!));
    expect(ws.simulator.requestCount).toBe(0); // not one HTTP request: everything came over the socket
    expect(ws.simulator.webSocketConnections).toBe(1); // one login for the whole call
    expect(ws.collector.status()).toMatchObject({ state: 'online', transport: 'websocket', product: 'Cisco SX80' });
  });

  it('a socket dropped mid-call reconnects within 10 s, re-subscribes and loses no call', async () => {
    const ws = await rig({ transport: 'websocket', seed: 5 });
    await ws.waitForState('online');
    for (let i = 0; i < 8; i += 1) await ws.step();
    const callId = ws.simulator.currentCallId();
    expect(callId).toBeDefined();
    const droppedAt = Date.now();
    ws.simulator.dropWebSockets();
    await ws.waitForState('offline');
    await ws.waitForState('online');
    const reconnectMs = Date.now() - droppedAt;
    expect(reconnectMs).toBeLessThan(10_000);
    for (let i = 0; i < ws.simulator.scenario.calls[0]!.durationTicks; i += 1) await ws.step();
    expect(ws.reports).toHaveLength(1); // one call, one report: the drop split nothing
    expect(ws.reports[0]!.deviceCallId).toBe(callId);
    const expected = ws.simulator.expected()[0]!;
    for (const channel of expected.channels) {
      const item = ws.reports[0]!.body.mediaQualityList.find((candidate) => candidate['@odata.type'] === MODALITY_ODATA_TYPE[channel.modality] && candidate.channelIndex === channel.channelIndex) as Record<string, unknown>;
      const dir = channel.direction === 'inbound' ? 'Inbound' : 'Outbound';
      expect(item[`average${dir}PacketLossRateInPercentage`]).toBeCloseTo(channel.avgLossPercent, 3);
      expect(isoDurationToMs(item[`average${dir}Jitter`] as string)).toBe(Math.round(channel.avgJitterMs));
    }
    expect(ws.simulator.requestCount).toBe(0);
  });

  it('auto falls back to HTTP polling when the codec refuses the WebSocket, and says so', async () => {
    const auto = await rig({ transport: 'auto', seed: 7, websocket: false });
    await auto.waitForState('online');
    expect(auto.collector.status()).toMatchObject({ state: 'online', transport: HTTP_FALLBACK_NOTE });
    for (let i = 0; i < auto.simulator.scenario.calls[0]!.durationTicks + 3; i += 1) await auto.step();
    expect(auto.reports).toHaveLength(1);
    expect(auto.simulator.requestCount).toBeGreaterThan(0);
  });

  it('Test device answers over the WebSocket (or HTTP when refused), names the transport and the certificate to pin', async () => {
    const { simulator } = await rig({ transport: 'websocket' });
    const input = { url: simulator.url, username: 'admin', password: 'codec-pw', allowSelfSigned: true };
    const overSocket = await testCiscoDevice({ ...input, transport: 'auto' });
    expect(overSocket).toMatchObject({ ok: true, state: 'online', productId: 'Cisco SX80', transport: 'websocket', certificateSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const pinned = await testCiscoDevice({ ...input, allowSelfSigned: false, certificateSha256: overSocket.certificateSha256, transport: 'websocket' });
    expect(pinned).toMatchObject({ ok: true, transport: 'websocket' });
    const requestsBefore = simulator.requestCount;
    simulator.setWebSocketEnabled(false);
    expect(await testCiscoDevice({ ...input, transport: 'auto' })).toMatchObject({ ok: true, transport: 'http', certificateSha256: overSocket.certificateSha256 });
    expect(simulator.requestCount).toBe(requestsBefore + 1);
    expect(await testCiscoDevice({ ...input, transport: 'websocket' })).toMatchObject({ ok: false, state: 'error', error: expect.stringMatching(/refused the WebSocket/) });
  });

  it('a wrong password is auth_failed; a certificate other than the pinned one is certificate_changed', async () => {
    const wrong = await rig({ transport: 'websocket', password: 'nope' });
    await wrong.waitForState('auth_failed');
    const pinned = await rig({ transport: 'websocket', certificateSha256: 'cd'.repeat(32) });
    await pinned.waitForState('certificate_changed');
    expect(pinned.simulator.webSocketConnections).toBe(0); // the login was never sent
  });
});
