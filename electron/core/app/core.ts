/**
 * Builds the core from a data directory and a configuration: the one object both shells (Electron main and
 * the headless agent) start. It owns the database and every service, exposes the AppApi through a
 * dispatcher, and stops cleanly (in-flight sends drained within a bound).
 */
import { openDatabase, type Db } from '../db/database';
import { createDispatcher, type Dispatch } from '../api/dispatch';
import { AppEventHub, type AppEventListener } from './events';
import type { Logger } from '../log/logger';
import type { AppConfig } from '../../../shared/config/schema';
import { appConfigSchema } from '../../../shared/config/schema';
import { createHandlers } from './handlers';
import type { SecretCipher } from '../settings/store';
import type { ManagedConfig } from '../config/load';

export interface CoreOptions {
  dataDir: string;
  log: Logger;
  transport: 'electron' | 'web';
  version: string;
  config?: AppConfig;
  demo?: boolean;
  /** Fleet (IT-managed) configuration: its keys are locked in the UI. */
  managed?: ManagedConfig;
  /** Encrypts secrets at rest (Electron safeStorage); without it secrets come only from config/env. */
  cipher?: SecretCipher;
}

export interface Core {
  readonly db: Db;
  readonly config: AppConfig;
  dispatch: Dispatch;
  subscribe(listener: AppEventListener): () => void;
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const db = openDatabase(options.dataDir);
  const config = options.config ?? appConfigSchema.parse({});
  const events = new AppEventHub();
  const handlers = createHandlers({ db, config, options, events });
  const dispatch = createDispatcher({ getHandlers: () => handlers, log: options.log });
  options.log.info('core started', { dataDir: options.dataDir, transport: options.transport, demo: options.demo ?? false });
  let stopped = false;
  return {
    db,
    config,
    dispatch,
    subscribe: (listener) => events.subscribe(listener),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      db.close();
      options.log.info('core stopped');
    },
  };
}
