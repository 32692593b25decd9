/**
 * Where the agent keeps its database when --data-dir is not given: the same per-user directory the
 * Electron app uses (Electron's userData = appData/<productName>), so the CLI and the app share an outbox.
 * The configuration file, once given with --config, is remembered there (its path, never its secrets).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE, tightenFile } from '../core/data-dir/private-files';

export const PRODUCT_NAME = 'VTC Quality Monitor';
const REMEMBERED_FILE = 'agent.json';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), PRODUCT_NAME);
}

export function rememberConfigPath(dataDir: string, configFile: string): void {
  makePrivateDir(dataDir);
  const file = join(dataDir, REMEMBERED_FILE);
  writeFileSync(file, `${JSON.stringify({ configFile }, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
  tightenFile(file);
}

export function rememberedConfigPath(dataDir: string): string | undefined {
  const file = join(dataDir, REMEMBERED_FILE);
  if (!existsSync(file)) return undefined;
  try {
    // Our own settings file; configFile is checked to be a string below.
    const value = (JSON.parse(readFileSync(file, 'utf8')) as { configFile?: unknown }).configFile;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
