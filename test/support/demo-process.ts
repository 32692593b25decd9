/**
 * `demo` as a child process, as an operator starts it: its own temp data dir, ready when every line the
 * command prints at start has been read from stdout (event-driven, bounded), stopped with SIGTERM. Plus
 * the emulator's control API (`/_emulator/…`) for tests that inject faults and count what Graph received.
 *
 * Runs `node --import tsx electron/cli/main.ts` (not `npx tsx`): one process, so SIGTERM reaches the agent
 * itself and its exit status is the one we assert.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FaultSpec } from '../../electron/sim/emulator/types';
import { killWithTestRun, readReadyLines, stopChild, type ChildWatch } from './child-ready-lines';
import { makeTempDir } from './temp-dir';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The keys `demo` prints (../shared/design/contracts.md "demo"), in print order; `rooms:` comes last. */
const READY_KEYS = ['data-dir', 'ingest', 'web', 'emulator', 'tenant-id', 'client-id', 'client-secret', 'ingest-token', 'rooms'] as const;

export interface DemoOptions {
  rooms?: number;
  seed?: number;
  /** Real time per simulated 5-s codec interval. */
  tickMs?: number;
  /** Bound on start-up (tsx compiles the CLI on first use, the emulator makes an RSA key). */
  readyTimeoutMs?: number;
}

/** One body Graph's logTeleconferenceDeviceQuality accepted, as `GET /_emulator/received` lists it. */
export interface ReceivedReport {
  receivedAt: string;
  requestId: string;
  body: { quality: { callChainId: string; deviceDescription?: string } };
}

export interface DemoProcess {
  dataDir: string;
  /** `web:` line: the UI with its one-time access token. */
  webUrl: string;
  emulatorUrl: string;
  tenantId: string;
  roomNames: string[];
  /** Everything the process wrote to stderr so far (its JSON log), for failure messages. */
  stderr(): string;
  received(): Promise<ReceivedReport[]>;
  injectFaults(...faults: FaultSpec[]): Promise<void>;
  clearFaults(): Promise<void>;
  /** SIGTERM, then the exit code once the process is gone (bounded: SIGKILL and throw after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<number | null>;
}

export async function startDemo(options: DemoOptions = {}): Promise<DemoProcess> {
  const temp = makeTempDir('vtc-demo-');
  const args = ['--import', 'tsx', 'electron/cli/main.ts', 'demo', '--data-dir', temp.dir, '--port', '0'];
  if (options.rooms !== undefined) args.push('--rooms', String(options.rooms));
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  if (options.tickMs !== undefined) args.push('--tick-ms', String(options.tickMs));
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VTC_DATA_DIR: temp.dir } });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const running: ChildWatch = { child, exited, label: 'demo', stderr: () => stderr };
  killWithTestRun(running);

  let lines: Map<string, string>;
  try {
    lines = await readReadyLines(running, READY_KEYS, options.readyTimeoutMs ?? 45_000);
  } catch (error) {
    temp.cleanup();
    throw error;
  }
  const emulatorUrl = lines.get('emulator')!;
  const control = async (method: string, action: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${emulatorUrl}/_emulator/${action}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} /_emulator/${action} answered ${response.status}: ${await response.text()}`);
    return response;
  };

  let stopped: Promise<number | null> | undefined;
  return {
    dataDir: lines.get('data-dir')!,
    webUrl: lines.get('web')!,
    emulatorUrl,
    tenantId: lines.get('tenant-id')!,
    roomNames: lines.get('rooms')!.split(', '),
    stderr: () => stderr,
    received: async () => ((await (await control('GET', 'received')).json()) as { value: ReceivedReport[] }).value,
    injectFaults: async (...faults) => void (await control('POST', 'faults', faults)),
    clearFaults: async () => void (await control('DELETE', 'faults')),
    stop(timeoutMs = 15_000) {
      stopped ??= stopChild(running, timeoutMs).finally(() => temp.cleanup());
      return stopped;
    },
  };
}
