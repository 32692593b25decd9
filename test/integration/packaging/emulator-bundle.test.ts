/**
 * The BUILT agent (out/main/cli.js, what `vtc-agent emulator` runs once installed) carries the Graph CSDL
 * the emulator validates with: the XML is not imported as code, so only this test sees a bundle that left it
 * behind. Run as a child process; a token from its Entra endpoint; a body with a bad GUID gets Graph's 400.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = 'out/main/cli.js';
let child: ChildProcess;
const lines = new Map<string, string>();

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does) before this test`);
  child = spawn(process.execPath, [CLI, 'emulator', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bundled emulator exited (${code}): ${stderr.join('')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^([a-z-]+): (\S+)/.exec(line);
      if (match) lines.set(match[1]!, match[2]!);
      if (lines.has('client-secret')) resolve();
    });
  });
}, 20_000);

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('the bundled emulator', () => {
  it('checks a quality body against the CSDL it ships with', async () => {
    const base = lines.get('emulator')!;
    const token = await fetch(`${base}/${lines.get('tenant-id')}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: lines.get('client-id')!,
        client_secret: lines.get('client-secret')!,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    const response = await fetch(`${base}/v1.0/communications/calls/logTeleconferenceDeviceQuality`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', 'user-agent': 'BundleTest/1.0' },
      body: JSON.stringify({ quality: { callChainId: 'not-a-guid' } }),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('BadRequest');
    expect(error.message).toContain("quality.callChainId: Cannot convert the literal 'not-a-guid' to the expected type 'Edm.Guid'.");
  });
});
