/**
 * The real entry point as a user runs it (`npm run agent` is `tsx electron/cli/main.ts`): a child process,
 * its stdout/stderr and its exit status, and SIGTERM ending a long-running command cleanly.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../shared/api/views';
import { makeTempDir } from '../../support/temp-dir';
import { seedOutbox } from './seed';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface Child {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** `node --import tsx electron/cli/main.ts …`: what `npm run agent --` runs, without npm's own output. */
function agentProcess(args: string[], onStdout?: (text: string, kill: (signal: NodeJS.Signals) => void) => void): Promise<Child> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VTC_')));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const result: Child = { stdout: '', stderr: '', code: null, signal: null };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    result.stdout += chunk;
    onStdout?.(result.stdout, (signal) => child.kill(signal));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (result.stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ ...result, code, signal }));
  });
}

describe('the agent entry point (child process)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('vtc-cli-main-');
  });
  afterEach(() => temp.cleanup());

  it('status --data-dir D --json: exit 0 and one JSON document on stdout', async () => {
    seedOutbox(temp.dir);
    const child = await agentProcess(['status', '--data-dir', temp.dir, '--json']);
    expect(child.stderr).toBe('');
    expect(child.code).toBe(0);
    expect((JSON.parse(child.stdout) as SyncStatusView).counts).toEqual({ needs_context: 1, pending: 3, in_flight: 0, sent: 1, failed: 2, discarded: 0 });
  });

  it('an unknown option: exit 2, the reason on stderr, nothing on stdout', async () => {
    const child = await agentProcess(['status', '--data-dir', temp.dir, '--bogus']);
    expect(child.code).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toContain("vtc-agent status: Unknown option '--bogus'");
  });

  it('emulator: prints its lines once ready and exits 0 on SIGTERM', async () => {
    let signalled = false;
    const child = await agentProcess(['emulator', '--port', '0'], (stdout, kill) => {
      if (signalled || !/^client-secret: .+$/m.test(stdout)) return;
      signalled = true;
      kill('SIGTERM');
    });
    expect(child.stdout).toMatch(/^emulator: http:\/\/127\.0\.0\.1:\d+\ntenant-id: \S+\nclient-id: \S+\nclient-secret: \S+\n$/);
    expect(child.code).toBe(0);
    expect(child.stderr).toContain('emulator stopped (SIGTERM)');
  });
});
