/**
 * The security gate end to end on a small Electron main file with a real HIGH finding: electronegativity
 * itself exits 0 on findings (../shared/reference/toolchain.md §7), the gate must not.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

const GATE_TIMEOUT_MS = 60_000;
const root = join(import.meta.dirname, '../../..');
const temp = makeTempDir('vtc-security-gate-test-');
afterAll(() => temp.cleanup());

const UNSAFE_MAIN = `const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => {
  const win = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true } });
  win.loadURL('https://example.com');
});
`;

async function runGate(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/security-gate.mjs', ...args], { cwd: root });
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout + failure.stderr };
  }
}

describe('scripts/security-gate.mjs', () => {
  it(
    'exits 1 on a HIGH finding, prints rule and file:line, and writes SARIF with level error',
    async () => {
      const app = join(temp.dir, 'unsafe-app');
      mkdirSync(app);
      writeFileSync(join(app, 'main.js'), UNSAFE_MAIN);
      const allowlist = join(temp.dir, 'allowlist.json');
      writeFileSync(allowlist, JSON.stringify({ electronegativity: [], npmAudit: [] }));
      const sarif = join(temp.dir, 'report.sarif');

      const { code, stdout } = await runGate(['--input', app, '--allowlist', allowlist, '--sarif', sarif]);

      expect(code).toBe(1);
      expect(stdout).toMatch(/BLOCKING HIGH CONTEXT_ISOLATION_JS_CHECK unsafe-app\/main\.js:3/);
      // No will-navigate / window-open handler anywhere in the input: a global finding.
      expect(stdout).toMatch(/BLOCKING HIGH LIMIT_NAVIGATION_GLOBAL_CHECK/);
      const report = JSON.parse(readFileSync(sarif, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; level: string }> }> };
      expect(report.runs[0]!.results).toContainEqual(expect.objectContaining({ ruleId: 'CONTEXT_ISOLATION_JS_CHECK', level: 'error' }));
    },
    GATE_TIMEOUT_MS,
  );

  it('exits 2 and names the field when the allowlist has an entry without a reason', async () => {
    const allowlist = join(temp.dir, 'vague.json');
    writeFileSync(allowlist, JSON.stringify({ electronegativity: [{ rule: 'SANDBOX_JS_CHECK', file: 'a.ts', match: 'x', why: '' }] }));
    const { code, stdout } = await runGate(['--allowlist', allowlist]);
    expect(code).toBe(2);
    expect(stdout).toContain('electronegativity[0].why must be a string of at least 20 characters');
  });
});
