/**
 * electron-builder.yml is only exercised for real by `npm run dist`, which needs the network. These checks
 * catch a bad key or a lost hardening setting here: the YAML against electron-builder's own JSON schema
 * (shipped in app-builder-lib), then electron-builder's own validation, then the settings that matter.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// js-yaml and app-builder-lib ship no types for these entry points; only the calls used here are declared.
const { load: loadYaml } = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type BuilderConfig = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  asarUnpack: string[];
  files: string[];
  nsis: Record<string, unknown>;
  win: { target: Array<{ target: string }> };
  linux: { target: Array<{ target: string }> };
  mac: { target: Array<{ target: string }> };
};

const root = join(import.meta.dirname, '../../..');
const config = loadYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('electron-builder.yml', () => {
  it("matches electron-builder's JSON schema", () => {
    const valid = validateSchema(config);
    expect(validateSchema.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('passes electron-builder’s own validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected by both checks when it holds an unknown key', async () => {
    expect(validateSchema({ ...config, linux: { ...config.linux, bogus: true } })).toBe(false);
    expect(validateSchema.errors?.map((error) => error.params)).toContainEqual({ additionalProperty: 'bogus' });
    await expect(validateConfiguration({ ...config, bogusKey: 1 }, new DebugLogger(false))).rejects.toThrow(/unknown property 'bogusKey'/);
  });

  it('sets every hardening fuse', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('unpacks better-sqlite3 from the asar and packs only the built bundles', () => {
    expect(config['asar']).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**', 'package.json']);
  });

  it('builds a per-machine Windows installer, Linux packages and a macOS dmg', () => {
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false, allowElevation: true });
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
  });
});
