/**
 * Telemetry end to end, the way an IT team runs it: `run --config` as a child process with a simulated Cisco
 * codec in a call (./codec-agent.ts), a stand-in OpenTelemetry Collector receiving OTLP/HTTP JSON (the
 * default protocol; http/protobuf: ./agent-telemetry-protobuf.test.ts), the agent's Prometheus endpoint, and
 * Debian's real Prometheus server scraping it.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAgentProcess, type AgentProcess } from '../../support/agent-process';
import type { OtlpReceiver } from '../../support/otlp-receiver';
import { startPrometheus } from '../../support/prometheus';
import { expectLossPointWithinTwoIntervals, HEADER_SECRET, INTERVAL_S, isLeg, LEG, ROOM, startCodecAgent, type CodecAgent, type IntervalLoss } from './codec-agent';

let rig: CodecAgent;
let receiver: OtlpReceiver;
let agent: AgentProcess;
let dataDir: string;

beforeAll(async () => {
  rig = await startCodecAgent({ prometheus: true });
  ({ receiver, agent, dataDir } = rig);
});

afterAll(async () => {
  await rig?.stop();
});

/** GET with an explicit Host header (fetch does not let a test forge one). */
function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, headers: host ? { host } : {} }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The value of the one sample of `name` whose labels include all of `labels`, from a scrape. */
function sampleValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

const PROM_LEG = { vtc_room_id: ROOM.id, vtc_media_type: 'audio', vtc_media_direction: 'inbound', vtc_media_channel: '1' };

describe('run --config with telemetry and a Cisco codec in a call', () => {
  let expected: IntervalLoss;

  it('sends within two intervals a vtc.media.packet_loss point equal to the codec’s last interval loss, with the contract’s attributes', async () => {
    const { loss, expected: interval } = await expectLossPointWithinTwoIntervals(rig);
    expected = interval;

    // The same collection carries the other leg instruments, in base units.
    const sameCollection = receiver.points().filter((point) => point.timeUnixNano === loss.timeUnixNano);
    const jitter = sameCollection.find((point) => isLeg(point, 'vtc.media.jitter'));
    expect(jitter).toMatchObject({ unit: 's', attributes: LEG });
    expect(jitter!.value).toBeCloseTo(expected.jitterMs / 1_000, 9);
    expect(sameCollection.find((point) => isLeg(point, 'vtc.media.poor'))).toMatchObject({ unit: '1' });
    expect(sameCollection.find((point) => isLeg(point, 'vtc.media.bit_rate'))).toMatchObject({ unit: 'bit/s' });
    expect(sameCollection.find((point) => point.metric === 'vtc.media.frame_rate' && point.attributes['vtc.media.type'] === 'video')).toMatchObject({ unit: '{frame}/s' });
    expect(sameCollection.find((point) => point.metric === 'vtc.device.up')).toMatchObject({
      value: 1,
      unit: '1',
      attributes: { 'vtc.room.id': ROOM.id, 'vtc.room.name': ROOM.name, 'vtc.device.id': 'sx80', 'vtc.device.kind': 'cisco-xapi' },
    });
    const outboxStates = sameCollection.filter((point) => point.metric === 'vtc.outbox.reports').map((point) => point.attributes['vtc.report.state']);
    expect(outboxStates).toEqual(expect.arrayContaining(['needs_context', 'pending', 'sent', 'failed']));
    const deliveries = sameCollection.filter((point) => point.metric === 'vtc.sync.deliveries');
    expect(deliveries.map((point) => point.attributes['outcome']).sort()).toEqual(['failed', 'retried', 'sent']);
    expect(deliveries[0]).toMatchObject({ unit: '{report}', monotonic: true });

    // The configured header reached the collector; the secret never reached the log.
    const request = receiver.received.find((entry) => entry.status === 200)!;
    expect(request.path).toBe('/v1/metrics');
    expect(request.headers['x-api-key']).toBe(HEADER_SECRET);
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(agent.stderr()).not.toContain(HEADER_SECRET);
  });

  it('serves the same number on the Prometheus endpoint under the Prometheus names, behind the Host guard', async () => {
    const metricsUrl = agent.lines.get('metrics')!;
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const scrape = await get(metricsUrl);
    expect(scrape.status).toBe(200);
    expect(sampleValue(scrape.body, 'vtc_media_packet_loss_percent', PROM_LEG)).toBe(expected.lossPercent);
    expect(sampleValue(scrape.body, 'vtc_media_jitter_seconds', PROM_LEG)).toBeCloseTo(expected.jitterMs / 1_000, 9);
    for (const name of ['vtc_media_round_trip_seconds', 'vtc_media_bit_rate_per_second', 'vtc_media_poor_ratio', 'vtc_device_up_ratio', 'vtc_outbox_reports', 'vtc_sync_deliveries_total']) {
      expect(scrape.body, name).toMatch(new RegExp(`^${name}\\{`, 'm'));
    }
    expect(scrape.body).toMatch(/^vtc_media_frame_rate_per_second\{/m);
    expect(scrape.body).toContain('# TYPE vtc_sync_deliveries_total counter');
    expect(scrape.body).not.toContain(HEADER_SECRET);

    // A DNS-rebinding page names its own host: refused, like on the ingest API.
    const rebound = await get(metricsUrl, 'evil.example');
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body)).toMatchObject({ error: { code: 'misdirected_request' } });
  });

  it('real Prometheus scrapes the agent and answers the inbound audio loss the codec produced', async () => {
    const metricsUrl = new URL(agent.lines.get('metrics')!);
    const prometheus = await startPrometheus({ targets: [metricsUrl.host], metricsPath: metricsUrl.pathname });
    try {
      const promql = `vtc_media_packet_loss_percent{vtc_room_id="${ROOM.id}",vtc_media_type="audio",vtc_media_direction="inbound"}`;
      let answer: Awaited<ReturnType<typeof prometheus.query>> = [];
      // Prometheus offers no event for "scraped": ask until its first scrape is stored (1 s interval, bounded).
      const deadline = Date.now() + 20_000;
      while (answer.length === 0 && Date.now() < deadline) {
        answer = await prometheus.query(promql);
        if (answer.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(answer, `targets: ${JSON.stringify(await prometheus.targets())}`).toHaveLength(1);
      expect(Number(answer[0]!.value[1])).toBe(expected.lossPercent);
      expect(answer[0]!.metric).toMatchObject({ vtc_room_name: ROOM.name, vtc_device_id: 'sx80', vtc_media_channel: '1', job: 'vtc-quality-monitor' });
      const up = await prometheus.query('vtc_device_up_ratio');
      expect(up.map((sample) => [sample.metric['vtc_device_kind'], sample.value[1]])).toEqual([['cisco-xapi', '1']]);
      expect((await prometheus.targets()).map((target) => target.health)).toEqual(['up']);
    } finally {
      await prometheus.stop();
    }
  });

  it('a collector that answers 503 and then recovers loses no interval inside the buffer’s bound', async () => {
    const outageStartMs = Date.now();
    receiver.fail(503);
    const failedBefore = receiver.received.filter((entry) => entry.status === 503).length;
    // Three refused exports (three intervals at least), then the collector is back.
    await receiver.waitUntil(() => receiver.received.filter((entry) => entry.status === 503).length - failedBefore >= 3, 20_000);
    receiver.clear();
    const recoveredAtMs = Date.now();
    // The buffer drains oldest first: once a collection made after the recovery arrives, all before it have.
    await receiver.waitForPoint((point) => point.metric === 'vtc.device.up' && Number(point.timeUnixNano / 1_000_000n) > recoveredAtMs + INTERVAL_S * 1_000, 20_000);

    const collectedMs = [
      ...new Set(
        receiver
          .points()
          .filter((point) => point.metric === 'vtc.device.up')
          .map((point) => Number(point.timeUnixNano / 1_000_000n)),
      ),
    ]
      .filter((atMs) => atMs >= outageStartMs - 2 * INTERVAL_S * 1_000 && atMs <= recoveredAtMs + INTERVAL_S * 1_000)
      .sort((a, b) => a - b);
    expect(collectedMs.length).toBeGreaterThanOrEqual(Math.floor((recoveredAtMs - outageStartMs) / 1_000) + 2);
    const gapsMs = collectedMs.slice(1).map((atMs, index) => atMs - collectedMs[index]!);
    // One collection per interval and none missing: a lost interval would leave a gap of two.
    expect(Math.max(...gapsMs)).toBeLessThan(1.8 * INTERVAL_S * 1_000);
  });

  it('status --json in another process shows the export state', async () => {
    const status = await runAgentProcess(['status', '--json', '--data-dir', dataDir]);
    expect(status.code).toBe(0);
    const view = JSON.parse(status.stdout) as { telemetry: Record<string, unknown> };
    expect(view.telemetry).toMatchObject({ otlp: 'ok', endpoint: `${receiver.url}/v1/metrics`, intervalSeconds: INTERVAL_S, droppedIntervals: 0, metricsUrl: agent.lines.get('metrics') });
    expect(Date.parse(String(view.telemetry['lastExportAt']))).toBeGreaterThan(Date.now() - 10_000);
    const human = await runAgentProcess(['status', '--data-dir', dataDir]);
    expect(human.stdout).toMatch(/^metrics export: ok → http:\/\/127\.0\.0\.1:\d+\/v1\/metrics every 1 s$/m);
  });
});
