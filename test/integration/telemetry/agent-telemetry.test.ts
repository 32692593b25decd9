/**
 * Telemetry end to end, the way an IT team runs it: `run --config` as a child process with a simulated Cisco
 * codec (a real HTTPS xAPI server) in a call, a stand-in OpenTelemetry Collector receiving OTLP/HTTP JSON,
 * the agent's Prometheus endpoint, and Debian's real Prometheus server scraping it. The codec's intervals
 * are advanced by the test, so "the codec's last interval loss" is known exactly (from the simulator's
 * expected totals, electron/sim/cisco-codec/expected.ts).
 */
import { request } from 'node:http';
import { hostname } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCiscoSimulator, type CiscoSimulator, type ExpectedChannel } from '../../../electron/sim/cisco-codec';
import { APP_VERSION } from '../../../electron/core/app/version';
import { runAgentProcess, startAgentProcess, type AgentProcess } from '../../support/agent-process';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedPoint } from '../../support/otlp-receiver';
import { startPrometheus } from '../../support/prometheus';
import { makeTempDir } from '../../support/temp-dir';

const INTERVAL_S = 1;
const POLL_S = 1;
const ROOM = { id: 'b30-21', name: 'Building 30 / 21' };
const HEADER_SECRET = 'otlp-key-5b8e1f0c-secret';
const LEG = { 'vtc.room.id': ROOM.id, 'vtc.room.name': ROOM.name, 'vtc.device.id': 'sx80', 'vtc.media.type': 'audio', 'vtc.media.direction': 'inbound', 'vtc.media.channel': 1 };

let simulator: CiscoSimulator;
let receiver: OtlpReceiver;
let agent: AgentProcess;
let temp: { dir: string; cleanup: () => void };
let dataDir: string;

beforeAll(async () => {
  temp = makeTempDir('vtc-telemetry-');
  dataDir = join(temp.dir, 'data');
  simulator = await startCiscoSimulator({ seed: 11, password: 'codec-pw' });
  receiver = await startOtlpReceiver();
  const configFile = join(temp.dir, 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      rooms: [{ ...ROOM, devices: [{ id: 'sx80', kind: 'cisco-xapi', url: simulator.url, username: simulator.username, password: { env: 'VTC_SX80_PASSWORD' }, allowSelfSigned: true, pollSeconds: POLL_S }] }],
      telemetry: {
        otlp: { endpoint: receiver.url, headers: { 'x-api-key': { env: 'VTC_OTLP_KEY' } }, intervalSeconds: INTERVAL_S, maxBufferedIntervals: 30 },
        prometheus: { host: '127.0.0.1', port: 0 },
      },
    }),
  );
  agent = await startAgentProcess(['run', '--data-dir', dataDir, '--config', configFile, '--ingest-port', '0'], ['data-dir', 'ingest', 'metrics'], {
    env: { VTC_SX80_PASSWORD: 'codec-pw', VTC_OTLP_KEY: HEADER_SECRET },
  });
});

afterAll(async () => {
  await agent?.stop();
  await receiver?.close();
  await simulator?.close();
  temp?.cleanup();
});

const audioIn = (): { callId: string; channel: ExpectedChannel } | undefined => {
  const call = simulator.expected().at(-1);
  const channel = call?.channels.find((candidate) => candidate.modality === 'audio' && candidate.direction === 'inbound');
  return call && channel && call.endedAtTick === null ? { callId: call.callId, channel } : undefined;
};

/**
 * Advances the codec one interval at a time until its inbound audio shows loss, and returns what that last
 * interval carried: loss as the collector computes it (lost / (lost + received) × 100) and jitter.
 */
function tickIntoLoss(): { lossPercent: number; jitterMs: number } {
  for (let i = 0; i < 40; i += 1) {
    const before = audioIn();
    simulator.tick();
    const after = audioIn();
    if (!before || !after || before.callId !== after.callId) continue;
    const lost = after.channel.lostPackets - before.channel.lostPackets;
    const received = after.channel.receivedPackets - before.channel.receivedPackets;
    if (lost === 0) continue;
    const jitterMs = after.channel.avgJitterMs * after.channel.intervals - before.channel.avgJitterMs * before.channel.intervals;
    return { lossPercent: (lost / (lost + received)) * 100, jitterMs };
  }
  throw new Error('the scenario never lost inbound audio packets');
}

const isLeg = (point: ReceivedPoint, metric: string): boolean =>
  point.metric === metric && point.attributes['vtc.room.id'] === ROOM.id && point.attributes['vtc.media.type'] === 'audio' && point.attributes['vtc.media.direction'] === 'inbound';

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
  let expected: { lossPercent: number; jitterMs: number };

  it('sends within two intervals a vtc.media.packet_loss point equal to the codec’s last interval loss, with the contract’s attributes', async () => {
    expected = tickIntoLoss();
    const tickedAtMs = Date.now();
    const loss = await receiver.waitForPoint((point) => isLeg(point, 'vtc.media.packet_loss') && point.atMs >= tickedAtMs && point.value === expected.lossPercent, 20_000);
    // One poll of the codec, then at most two export intervals (plus scheduling slack on a loaded machine).
    expect(loss.atMs - tickedAtMs).toBeLessThan((POLL_S + 2 * INTERVAL_S) * 1_000 + 1_500);
    expect(loss.value).toBeGreaterThan(0);
    expect(loss.unit).toBe('%');
    expect(loss.attributes).toEqual(LEG);
    expect(loss.scope).toBe('vtc-quality-monitor');
    expect(loss.resource).toMatchObject({ 'service.name': 'vtc-quality-monitor', 'service.version': APP_VERSION, 'host.name': hostname() });

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
