/**
 * The cost of the OTLP export (benchmark): 64 rooms × 6 live legs (a full room PC fleet view), exported
 * every 10 s to a collector. Limits: under 2 % of one core and under 10 MB of memory over the same agent
 * without export, both printed with their ratio in one run.
 *
 * Measured in this process: the same leg tracker (the agent without export) is the baseline; then the
 * telemetry service is started on it and `EXPORTS` export cycles (collect, serialize to OTLP JSON, POST,
 * wait for the answer) run back to back. CPU per cycle / the 10 s interval = the share of one core. The
 * collector is a child process (its CPU is not ours); memory is heap + external after a full GC, with the
 * service running, minus the baseline.
 *
 * Run: `npx tsx bench/telemetry/export.ts` (or through bench/run.ts via `main()`).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLegTracker } from '../../electron/core/legs';
import { createLogger } from '../../electron/core/log/logger';
import { createDeliveryTally, startTelemetry, type TelemetrySources } from '../../electron/core/telemetry';
import { DIRECTIONS, MODALITIES } from '../../shared/domain/legs';
import type { LiveSample } from '../../shared/domain/samples';
import { runIfMain, type BenchResult } from '../outbox/support';

const ROOMS = 64;
const INTERVAL_S = 10;
const EXPORTS = Number(process.env.BENCH_TELEMETRY_EXPORTS ?? 40);
const CPU_LIMIT_SHARE = 0.02;
const MEMORY_LIMIT_MB = 10;

/** A collector that reads each body and answers 200, in its own process. */
async function startSink(): Promise<{ url: string; stop: () => void }> {
  const script = `const s=require('node:http').createServer((q,r)=>{q.resume();q.on('end',()=>r.writeHead(200,{'content-type':'application/json'}).end('{}'))});s.listen(0,'127.0.0.1',()=>console.log(s.address().port));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

function liveSamples(): LiveSample[] {
  const at = new Date().toISOString();
  const samples: LiveSample[] = [];
  for (let room = 0; room < ROOMS; room += 1) {
    for (let leg = 0; leg < 6; leg += 1) {
      samples.push({
        roomId: `room-${room}`, deviceId: `codec-${room}`, callId: '1', modality: MODALITIES[leg % 3]!, direction: DIRECTIONS[leg % 2]!, channelIndex: 1, at,
        lossPercent: (room % 10) / 4, jitterMs: 5 + (leg % 7), roundTripMs: 60 + room, bitRate: 1_500_000, frameRate: leg % 3 === 0 ? undefined : 30,
      });
    }
  }
  return samples;
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc === 'function') {
    gc();
    gc();
  }
}

function heapMb(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.external) / 1024 / 1024;
}

export async function main(): Promise<BenchResult> {
  const sink = await startSink();
  const tracker = createLegTracker({
    now: Date.now,
    rooms: Array.from({ length: ROOMS }, (_, room) => ({ id: `room-${room}`, name: `Room ${room}`, devices: [{ id: `codec-${room}` }] })),
    onReport: () => undefined,
  });
  tracker.ingestSamples(liveSamples());
  const tally = createDeliveryTally();
  const sources: TelemetrySources = {
    rooms: () => tracker.snapshot(),
    deviceKind: () => 'cisco-xapi',
    outboxCounts: () => ({ needs_context: 0, pending: 3, in_flight: 1, sent: 12_000, failed: 2, discarded: 0 }),
    deliveries: tally.counts,
  };
  const baselineMb = heapMb(); // the agent without export: the same tracker, nothing else
  const telemetry = await startTelemetry({
    config: { otlp: { endpoint: sink.url, headers: {}, protocol: 'http/json', intervalSeconds: INTERVAL_S, maxBufferedIntervals: 60 } },
    allowLan: false,
    version: 'bench',
    sources,
    log: createLogger({ sink: () => undefined }),
    now: Date.now,
  });
  try {
    await telemetry.flush!(); // warm up (JIT, sockets)
    const cpuBefore = process.cpuUsage();
    const wallStart = performance.now();
    for (let i = 0; i < EXPORTS; i += 1) await telemetry.flush!();
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - wallStart;
    const cpuMsPerExport = (cpu.user + cpu.system) / 1000 / EXPORTS;
    const coreShare = cpuMsPerExport / (INTERVAL_S * 1000);
    const overMb = heapMb() - baselineMb;
    const status = telemetry.status();
    if (status.otlp !== 'ok') throw new Error(`the export did not succeed: ${JSON.stringify(status)}`);
    const cpuRatio = coreShare / CPU_LIMIT_SHARE;
    const memoryRatio = Math.max(0, overMb) / MEMORY_LIMIT_MB;
    const line =
      `telemetry export, ${ROOMS} rooms × 6 legs every ${INTERVAL_S} s: ${cpuMsPerExport.toFixed(1)} ms CPU per export = ${(coreShare * 100).toFixed(3)} % of one core ` +
      `(limit ${CPU_LIMIT_SHARE * 100} %: ratio ${cpuRatio.toFixed(3)}) | memory +${overMb.toFixed(2)} MB over the agent without export ` +
      `(limit ${MEMORY_LIMIT_MB} MB: ratio ${memoryRatio.toFixed(3)}) | ${EXPORTS} exports in ${(wallMs / 1000).toFixed(2)} s`;
    console.log(line);
    return { name: 'telemetry-export', line, ok: cpuRatio < 1 && memoryRatio < 1, metrics: { cpuMsPerExport, coreShare, cpuRatio, overMb, memoryRatio, exports: EXPORTS } };
  } finally {
    await telemetry.stop();
    tracker.close();
    sink.stop();
  }
}

runIfMain(import.meta.url, main);
