/**
 * `emulator`: prints the contract's `key: value` lines once it listens; the printed credentials get a
 * token from its Entra endpoint that its Graph endpoint accepts; it stops when asked (SIGINT/SIGTERM).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { captureIo, type CapturedIo } from '../../support/cli-io';
import { runAgent } from './run-agent';

/** The `key: value` lines as a map. */
function printed(captured: CapturedIo): Record<string, string> {
  return Object.fromEntries(captured.out.map((line) => /^([a-z-]+): (.+)$/.exec(line)).filter((m) => m !== null).map((m) => [m[1], m[2]]));
}

describe('emulator command', () => {
  let running: { captured: CapturedIo; exit: Promise<number> } | undefined;
  afterEach(async () => {
    running?.captured.shutdown();
    await running?.exit;
    running = undefined;
  });

  it('prints emulator, tenant-id, client-id and client-secret; a token from them reads Graph; it stops on shutdown', async () => {
    const captured = captureIo();
    running = { captured, exit: runCli(['emulator', '--port', '0', '--seed', '7'], captured.io) };
    await captured.waitForOut(/^client-secret: /);
    expect(captured.out.map((line) => line.split(':')[0])).toEqual(['emulator', 'tenant-id', 'client-id', 'client-secret']);
    const lines = printed(captured);
    expect(lines.emulator).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const tokenResponse = await fetch(`${lines.emulator}/${lines['tenant-id']}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: lines['client-id']!, client_secret: lines['client-secret']!, scope: 'https://graph.microsoft.com/.default' }),
    });
    expect(tokenResponse.status).toBe(200);
    const { access_token: accessToken, token_type: tokenType } = (await tokenResponse.json()) as { access_token: string; token_type: string };
    expect(tokenType).toBe('Bearer');
    const records = await fetch(`${lines.emulator}/v1.0/communications/callRecords`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(records.status).toBe(200);
    expect(((await records.json()) as { value: unknown[] }).value.length).toBeGreaterThan(0);

    captured.shutdown('SIGINT');
    expect(await running.exit).toBe(0);
    expect(captured.stderr()).toContain('emulator stopped (SIGINT)');
    await expect(fetch(`${lines.emulator}/v1.0/communications/callRecords`)).rejects.toThrow();
    running = undefined;
  });

  it('the same --seed gives the same tenant and demo app', async () => {
    const tenants: string[] = [];
    for (let run = 0; run < 2; run += 1) {
      const captured = captureIo();
      const exit = runCli(['emulator', '--seed', '11'], captured.io);
      await captured.waitForOut(/^client-secret: /);
      tenants.push(`${printed(captured)['tenant-id']} ${printed(captured)['client-id']}`);
      captured.shutdown();
      expect(await exit).toBe(0);
    }
    expect(tenants[0]).toBe(tenants[1]);
  });

  it('refuses a bad --port or --seed with exit status 2', async () => {
    for (const args of [['--port', '70000'], ['--port', 'eighty'], ['--seed', '1.5']]) {
      const result = await runAgent(['emulator', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr()).toContain(`${args[0]} must be a whole number`);
    }
  });
});
