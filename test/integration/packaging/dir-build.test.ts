/**
 * Packaging smoke test: `electron-builder --dir` for Linux with a stand-in Electron (the real zip
 * needs GitHub, ../shared/reference/toolchain.md §6), then a look inside what a room PC would get: app.asar holds the built
 * bundles and no sources or tests, better-sqlite3's native module sits outside the asar where it can be
 * loaded, the tray icons are in resources/, and the fuses were flipped in the executable.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

const BUILD_TIMEOUT_MS = 120_000;
const root = join(import.meta.dirname, '../../..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

// The fuse wire as an Electron binary carries it (@electron/fuses): sentinel, wire version 1, wire length,
// then one byte per fuse, '1' on and '0' off. Electron's defaults: RunAsNode, NODE_OPTIONS, --inspect and
// file:// privileges on; cookie encryption, asar integrity, asar-only and the browser V8 snapshot off.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_FUSES = '10110001';
const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

/** A stand-in unpacked Electron: an executable script that carries a fuse wire, and Electron's LICENSE. */
function writeStandInElectron(dir: string): void {
  mkdirSync(dir);
  const script = `#!/bin/sh\necho "stand-in for the Electron binary" >&2\n# ${FUSE_SENTINEL}\x01\x08${DEFAULT_FUSES}\n`;
  writeFileSync(join(dir, 'electron'), script, 'latin1');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in Electron license\n');
}

function readFuses(executable: string): Record<string, boolean> {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const length = bytes[at + 1] ?? 0;
  const wire = bytes.subarray(at + 2, at + 2 + length).toString('latin1');
  return Object.fromEntries(FUSE_NAMES.map((name, index) => [name, wire[index] === '1']));
}

const temp = makeTempDir('vtc-dir-build-');
const appDir = join(temp.dir, 'dist', 'linux-unpacked');
const resourcesDir = join(appDir, 'resources');
let asarEntries: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(root, 'out/main/index.js'))) {
    execFileSync(bin('electron-vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  writeStandInElectron(join(temp.dir, 'electron'));
  const args = [
    '--dir',
    '--linux',
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${join(temp.dir, 'electron')}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${join(temp.dir, 'dist')}`,
  ];
  await promisify(execFile)(bin('electron-builder'), args, { cwd: root, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  asarEntries = listPackage(join(resourcesDir, 'app.asar'), { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
}, BUILD_TIMEOUT_MS);

afterAll(() => temp.cleanup());

describe('electron-builder --dir (stand-in Electron)', () => {
  it('packs the main, preload and renderer bundles and package.json', () => {
    expect(asarEntries).toEqual(
      expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']),
    );
    // The Graph CSDL "Try the demo"'s emulator validates with, emitted beside the main bundle.
    expect(asarEntries).toContain('/out/main/csdl/graph-v1.0-fragments.xml');
  });

  it('packs no sources, tests, benches or source maps', () => {
    const topLevel = asarEntries.filter((entry) => entry.lastIndexOf('/') === 0);
    expect(topLevel.sort()).toEqual(['/node_modules', '/out', '/package.json']);
    expect(asarEntries.filter((entry) => /\.(ts|tsx|mts|cts|map)$/.test(entry))).toEqual([]);
  });

  it('puts better_sqlite3.node outside the asar, where it can be loaded', () => {
    const unpacked = join(resourcesDir, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(existsSync(unpacked)).toBe(true);
    expect(existsSync(join(resourcesDir, 'app.asar.unpacked/node_modules/better-sqlite3/deps'))).toBe(false);
  });

  it('ships the app and tray icons next to app.asar (process.resourcesPath)', () => {
    for (const icon of ['icon.png', 'tray-ok.png', 'tray-warning.png', 'tray-poor.png', 'tray-offline.png', 'tray-setup.png']) {
      expect(existsSync(join(resourcesDir, icon)), icon).toBe(true);
    }
  });

  it('flips the hardening fuses in the executable', () => {
    expect(readFuses(join(appDir, 'vtc-quality-monitor'))).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
