import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, parseConfigText, resolveSecret } from '../../../electron/core/config/load';
import { makeTempDir } from '../../support/temp-dir';

const TENANT = '0622673d-9f69-49b3-9d4f-5ec64f42ecce';
const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

function issuesOf(text: string): string[] {
  try {
    parseConfigText(text, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error('expected the configuration to be rejected');
}

describe('configuration file (contracts.md)', () => {
  it('accepts the documented shape and fills the defaults', () => {
    const config = parseConfigText(
      JSON.stringify({
        cloud: 'usgov-l4',
        tenantId: TENANT,
        clientId: TENANT,
        credential: { type: 'secret', secret: { env: 'VTC_SECRET' } },
        rooms: [{ id: 'b30-21', name: 'VTC Bldg 30/21', devices: [{ id: 'sx80', kind: 'cisco-xapi', url: 'https://10.0.0.20', username: 'admin', password: 'pw' }] }],
      }),
      'x.json',
    );
    expect(config.cloud).toBe('usgov-l4');
    expect(config.ingest).toEqual({ host: '127.0.0.1', port: 8790 });
    expect(config.outbox.maxAgeDays).toBe(7);
    expect(config.rooms[0]?.devices[0]?.pollSeconds).toBe(5);
    expect(config.rooms[0]?.devices[0]?.allowSelfSigned).toBe(false);
  });

  it('accepts a $schema hint (editors add it) and does not lock it as a managed key', async () => {
    const { loadManagedConfig } = await import('../../../electron/core/config/load');
    const { dir, cleanup } = makeTempDir();
    temps.push(cleanup);
    const file = join(dir, 'fleet.json');
    writeFileSync(file, JSON.stringify({ $schema: './config.schema.json', tenantId: TENANT }));
    const managed = loadManagedConfig(file);
    expect(managed.config.tenantId).toBe(TENANT);
    expect(managed.managedKeys).toEqual(['tenantId']);
  });

  it.each([
    [{ tenantId: 'not-a-guid' }, /^tenantId: must be a GUID/],
    [{ cloud: 'mars' }, /^cloud: must be/],
    [{ ingest: { port: 70000 } }, /^ingest\.port: must be a port/],
    [{ credential: { type: 'password' } }, /^credential\.type/],
    [{ rooms: [{ id: 'r', name: 'R', devices: [{ id: 'd', kind: 'cisco-xapi', url: 'ftp://x', username: 'u', password: 'p' }] }] }, /^rooms\[0\]\.devices\[0\]\.url: must be an http\(s\) URL/],
    [{ tenantIdd: TENANT }, /tenantIdd/],
  ])('names the key and the reason for %j', (input, expected) => {
    expect(issuesOf(JSON.stringify(input)).join('\n')).toMatch(expected);
  });

  it('reports every problem at once, not only the first', () => {
    expect(issuesOf(JSON.stringify({ tenantId: 'x', clientId: 'y' }))).toHaveLength(2);
  });

  it('says where invalid JSON is', () => {
    expect(issuesOf('{ "cloud": ')[0]).toMatch(/^\(file\): is not valid JSON/);
  });

  it('says a missing file cannot be read', () => {
    const { dir, cleanup } = makeTempDir();
    temps.push(cleanup);
    expect(() => loadConfigFile(join(dir, 'none.json'))).toThrow(/cannot be read: ENOENT/);
    writeFileSync(join(dir, 'ok.json'), '{}');
    expect(loadConfigFile(join(dir, 'ok.json')).cloud).toBe('global');
  });

  it('resolves { env } secrets and names the key when the variable is unset', () => {
    expect(resolveSecret({ env: 'S' }, 'credential.secret', { S: 'value' })).toBe('value');
    expect(() => resolveSecret({ env: 'S' }, 'credential.secret', {})).toThrow(/credential\.secret: names environment variable S, which is not set/);
  });
});
