/**
 * The telemetry tests' rig, the way an IT team runs the agent: `run --config` as a child process with a
 * simulated Cisco codec (a real HTTPS xAPI server) in a call and a stand-in OpenTelemetry Collector
 * (test/support/otlp-receiver.ts), the collector header given as an `{ "env": … }` secret. The codec's
 * intervals are advanced by the test, so "the codec's last interval loss" is known exactly (from the
 * simulator's expected totals, electron/sim/cisco-codec/expected.ts).
 */
import { hostname } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startCiscoSimulator, type CiscoSimulator, type ExpectedChannel } from '../../../electron/sim/cisco-codec';
import { APP_VERSION } from '../../../electron/core/app/version';
import type { OtlpProtocol } from '../../../shared/config/schema';
import { startAgentProcess, type AgentProcess } from '../../support/agent-process';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedPoint } from '../../support/otlp-receiver';
import { makeTempDir } from '../../support/temp-dir';

export const INTERVAL_S = 1;
export const POLL_S = 1;
export const ROOM = { id: 'b30-21', name: 'Building 30 / 21' };
export const HEADER_SECRET = 'otlp-key-5b8e1f0c-secret';
/** The contract's leg attributes of the room's inbound audio leg. */
export const LEG = { 'vtc.room.id': ROOM.id, 'vtc.room.name': ROOM.name, 'vtc.device.id': 'sx80', 'vtc.media.type': 'audio', 'vtc.media.direction': 'inbound', 'vtc.media.channel': 1 };

export interface CodecAgent {
  simulator: CiscoSimulator;
  receiver: OtlpReceiver;
  agent: AgentProcess;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts codec, receiver and agent; `protocol` absent leaves the config's default (http/json). */
export async function startCodecAgent(options: { protocol?: OtlpProtocol; prometheus?: boolean }): Promise<CodecAgent> {
  const temp = makeTempDir('vtc-telemetry-');
  const dataDir = join(temp.dir, 'data');
  const simulator = await startCiscoSimulator({ seed: 11, password: 'codec-pw' });
  const receiver = await startOtlpReceiver();
  const stopAll = async (agent?: AgentProcess): Promise<void> => {
    await agent?.stop();
    await receiver.close();
    await simulator.close();
    temp.cleanup();
  };
  const configFile = join(temp.dir, 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      rooms: [{ ...ROOM, devices: [{ id: 'sx80', kind: 'cisco-xapi', url: simulator.url, username: simulator.username, password: { env: 'VTC_SX80_PASSWORD' }, allowSelfSigned: true, pollSeconds: POLL_S }] }],
      telemetry: {
        otlp: { endpoint: receiver.url, headers: { 'x-api-key': { env: 'VTC_OTLP_KEY' } }, ...(options.protocol ? { protocol: options.protocol } : {}), intervalSeconds: INTERVAL_S, maxBufferedIntervals: 30 },
        ...(options.prometheus ? { prometheus: { host: '127.0.0.1', port: 0 } } : {}),
      },
    }),
  );
  let agent: AgentProcess;
  try {
    agent = await startAgentProcess(['run', '--data-dir', dataDir, '--config', configFile, '--ingest-port', '0'], ['data-dir', 'ingest', ...(options.prometheus ? ['metrics'] : [])], {
      env: { VTC_SX80_PASSWORD: 'codec-pw', VTC_OTLP_KEY: HEADER_SECRET, VTC_MIN_POLL_SECONDS: String(POLL_S) }, // the simulator's intervals are the test's, not 5 s
    });
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { simulator, receiver, agent, dataDir, stop: () => stopAll(agent) };
}

const audioIn = (simulator: CiscoSimulator): { callId: string; channel: ExpectedChannel } | undefined => {
  const call = simulator.expected().at(-1);
  const channel = call?.channels.find((candidate) => candidate.modality === 'audio' && candidate.direction === 'inbound');
  return call && channel && call.endedAtTick === null ? { callId: call.callId, channel } : undefined;
};

export interface IntervalLoss {
  lossPercent: number;
  jitterMs: number;
}

/**
 * Advances the codec one interval at a time until its inbound audio shows loss, and returns what that last
 * interval carried: loss as the collector computes it (lost / (lost + received) × 100) and jitter.
 */
export function tickIntoLoss(simulator: CiscoSimulator): IntervalLoss {
  for (let i = 0; i < 40; i += 1) {
    const before = audioIn(simulator);
    simulator.tick();
    const after = audioIn(simulator);
    if (!before || !after || before.callId !== after.callId) continue;
    const lost = after.channel.lostPackets - before.channel.lostPackets;
    const received = after.channel.receivedPackets - before.channel.receivedPackets;
    if (lost === 0) continue;
    const jitterMs = after.channel.avgJitterMs * after.channel.intervals - before.channel.avgJitterMs * before.channel.intervals;
    return { lossPercent: (lost / (lost + received)) * 100, jitterMs };
  }
  throw new Error('the scenario never lost inbound audio packets');
}

export const isLeg = (point: ReceivedPoint, metric: string): boolean =>
  point.metric === metric && point.attributes['vtc.room.id'] === ROOM.id && point.attributes['vtc.media.type'] === 'audio' && point.attributes['vtc.media.direction'] === 'inbound';

/**
 * The "done when": after the codec's interval with loss, a `vtc.media.packet_loss` point for the
 * room's inbound audio leg equal to that loss arrives within two export intervals, with the contract's unit,
 * attributes, scope and resource. Returns the point and the interval it reflects.
 */
export async function expectLossPointWithinTwoIntervals(rig: CodecAgent): Promise<{ loss: ReceivedPoint; expected: IntervalLoss }> {
  const expected = tickIntoLoss(rig.simulator);
  const tickedAtMs = Date.now();
  const loss = await rig.receiver.waitForPoint((point) => isLeg(point, 'vtc.media.packet_loss') && point.atMs >= tickedAtMs && point.value === expected.lossPercent, 20_000);
  // One poll of the codec, then at most two export intervals (plus scheduling slack on a loaded machine).
  expect(loss.atMs - tickedAtMs).toBeLessThan((POLL_S + 2 * INTERVAL_S) * 1_000 + 1_500);
  expect(loss.value).toBeGreaterThan(0);
  expect(loss.unit).toBe('%');
  expect(loss.attributes).toEqual(LEG);
  expect(loss.scope).toBe('vtc-quality-monitor');
  expect(loss.resource).toMatchObject({ 'service.name': 'vtc-quality-monitor', 'service.version': APP_VERSION, 'host.name': hostname() });
  return { loss, expected };
}
