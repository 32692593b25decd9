/**
 * The machine-wide fleet configuration: IT drops one JSON file per room PC; every top-level key
 * it sets is locked in the UI. Same schema as the agent's --config. VTC_FLEET_CONFIG overrides the path
 * (for tests and unusual installs).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadManagedConfig } from './load';
import type { AppConfig } from '../../../shared/config/schema';

export function fleetConfigPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env['VTC_FLEET_CONFIG']) return env['VTC_FLEET_CONFIG'];
  if (platform === 'win32') return join(env['ProgramData'] ?? 'C:\\ProgramData', 'VTC Quality Monitor', 'config.json');
  if (platform === 'darwin') return '/Library/Application Support/VTC Quality Monitor/config.json';
  return '/etc/vtc-quality-monitor/config.json';
}

/** Undefined when there is no fleet file; throws ConfigError (naming the key) when there is a bad one. */
export function loadFleetConfig(path = fleetConfigPath()): { config: AppConfig; managedKeys: string[]; path: string } | undefined {
  if (!existsSync(path)) return undefined;
  return { ...loadManagedConfig(path), path };
}
