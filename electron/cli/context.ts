/**
 * The pieces most commands need: the data directory, the validated configuration (from --config, or the
 * one remembered in the data directory) with its secrets registered for redaction, and a logger to stderr.
 */
import { resolve } from 'node:path';
import { appConfigSchema, type AppConfig } from '../../shared/config/schema';
import { loadManagedConfig } from '../core/config/load';
import { createLogger, type Logger } from '../core/log/logger';
import { registerConfigSecrets } from '../core/config/secrets';
import { defaultDataDir, rememberConfigPath, rememberedConfigPath } from './data-dir';
import type { CliIo } from './io';

export interface CommandContext {
  dataDir: string;
  config: AppConfig;
  /** Top-level keys the configuration file sets: authoritative, locked in the web UI. */
  managedKeys: string[];
  configFile?: string;
  log: Logger;
}

export function buildContext(values: { 'data-dir'?: string; config?: string }, io: CliIo, options: { remember?: boolean } = {}): CommandContext {
  const dataDir = resolve(values['data-dir'] ?? io.env['VTC_DATA_DIR'] ?? defaultDataDir());
  const configFile = values.config ? resolve(values.config) : rememberedConfigPath(dataDir);
  const { config, managedKeys } = configFile ? loadManagedConfig(configFile) : { config: appConfigSchema.parse({}), managedKeys: [] };
  const log = createLogger({ sink: io.err, level: io.env['VTC_LOG_LEVEL'] === 'debug' ? 'debug' : 'info' });
  registerConfigSecrets(config, log.redactor, io.env);
  if (values.config && options.remember) rememberConfigPath(dataDir, resolve(values.config));
  return { dataDir, config, managedKeys, configFile, log };
}
