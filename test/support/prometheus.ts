/**
 * The real Prometheus server (Debian's `prometheus`, installed by scripts/setup.sh) for tests: started on a
 * free loopback port with a temporary TSDB and a scrape config for the given targets (1 s interval), queried
 * through its HTTP API, killed at the end. Ready once /-/ready answers.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { makeTempDir } from './temp-dir';

export const PROMETHEUS_BIN = '/usr/bin/prometheus';

export interface PrometheusServer {
  url: string;
  /** Instant query; the result vector. */
  query(promql: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  /** Scrape targets as Prometheus sees them (health, last error). */
  targets(): Promise<Array<{ health: string; lastError: string; scrapeUrl: string }>>;
  stop(): Promise<void>;
}

export function prometheusInstalled(): boolean {
  return existsSync(PROMETHEUS_BIN);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `targets`: `host:port` of each agent; `metricsPath` as the agent serves it. */
export async function startPrometheus(options: { targets: string[]; metricsPath?: string; readyTimeoutMs?: number }): Promise<PrometheusServer> {
  const temp = makeTempDir('vtc-prometheus-');
  const configPath = join(temp.dir, 'prometheus.yml');
  // JSON is YAML: no YAML writer needed.
  writeFileSync(
    configPath,
    JSON.stringify({
      global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
      scrape_configs: [{ job_name: 'vtc-quality-monitor', metrics_path: options.metricsPath ?? '/metrics', static_configs: [{ targets: options.targets }] }],
    }),
  );
  const port = await freePort();
  const child = spawn(
    PROMETHEUS_BIN,
    [`--config.file=${configPath}`, `--storage.tsdb.path=${join(temp.dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${port}`;

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    temp.cleanup();
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`prometheus exited with ${child.exitCode}: ${stderr.slice(-2_000)}`);
    }
    const ready = await fetch(`${url}/-/ready`).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus not ready within the bound: ${stderr.slice(-2_000)}`);
    }
    // Polling a process we do not control (it has no readiness signal on a pipe): a short bounded wait.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${url}${path}`);
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`prometheus ${path}: ${body.error ?? response.status}`);
    return body.data;
  };
  return {
    url,
    query: async (promql) => (await api<{ result: Array<{ metric: Record<string, string>; value: [number, string] }> }>(`/api/v1/query?query=${encodeURIComponent(promql)}`)).result,
    targets: async () => (await api<{ activeTargets: Array<{ health: string; lastError: string; scrapeUrl: string }> }>('/api/v1/targets')).activeTargets,
    stop,
  };
}
