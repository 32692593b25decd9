/**
 * `telemetry.otlp.protocol: "http/protobuf"` end to end: `run --config` as a child process with a simulated
 * Cisco codec in a call (./codec-agent.ts) exports binary OTLP to a stand-in collector, which accepts it only
 * as `POST /v1/metrics` with `content-type: application/x-protobuf` and decodes the body with its own wire-format
 * reader (test/support/otlp-protobuf.ts). The values must be those the JSON export carries
 * (./agent-telemetry.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAgentProcess } from '../../support/agent-process';
import { expectLossPointWithinTwoIntervals, HEADER_SECRET, INTERVAL_S, isLeg, LEG, startCodecAgent, type CodecAgent } from './codec-agent';

let rig: CodecAgent;

beforeAll(async () => {
  rig = await startCodecAgent({ protocol: 'http/protobuf' });
});

afterAll(async () => {
  await rig?.stop();
});

describe('run --config with telemetry.otlp.protocol http/protobuf and a Cisco codec in a call', () => {
  it('sends within two intervals a protobuf vtc.media.packet_loss point equal to the codec’s last interval loss, with the contract’s attributes', async () => {
    const { loss, expected } = await expectLossPointWithinTwoIntervals(rig);
    const { receiver, agent } = rig;

    // Every request was binary OTLP on the metrics path, with the configured header.
    const accepted = receiver.received.filter((entry) => entry.status === 200);
    expect(accepted.length).toBeGreaterThan(0);
    for (const entry of accepted) {
      expect(entry.path).toBe('/v1/metrics');
      expect(entry.headers['content-type']).toBe('application/x-protobuf');
      expect(entry.headers['x-api-key']).toBe(HEADER_SECRET);
    }
    expect(agent.stderr()).not.toContain(HEADER_SECRET);

    // The same collection decodes the other kinds the contract uses: a double in seconds, an int, a counter.
    const sameCollection = receiver.points().filter((point) => point.timeUnixNano === loss.timeUnixNano);
    const jitter = sameCollection.find((point) => isLeg(point, 'vtc.media.jitter'));
    expect(jitter).toMatchObject({ unit: 's', attributes: LEG });
    expect(jitter!.value).toBeCloseTo(expected.jitterMs / 1_000, 9);
    expect(sameCollection.find((point) => point.metric === 'vtc.device.up')).toMatchObject({ value: 1, unit: '1', attributes: { 'vtc.device.kind': 'cisco-xapi' } });
    const deliveries = sameCollection.filter((point) => point.metric === 'vtc.sync.deliveries');
    expect(deliveries.map((point) => point.attributes['outcome']).sort()).toEqual(['failed', 'retried', 'sent']);
    expect(deliveries[0]).toMatchObject({ unit: '{report}', monotonic: true });
  });

  it('status --json shows the protobuf export working', async () => {
    const status = await runAgentProcess(['status', '--json', '--data-dir', rig.dataDir]);
    expect(status.code).toBe(0);
    const view = JSON.parse(status.stdout) as { telemetry: Record<string, unknown> };
    expect(view.telemetry).toMatchObject({ otlp: 'ok', endpoint: `${rig.receiver.url}/v1/metrics`, intervalSeconds: INTERVAL_S, droppedIntervals: 0 });
  });
});
