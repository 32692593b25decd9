/**
 * What `run` and `demo` share: start the core, optionally serve the UI over HTTP + WebSocket, print the
 * `key: value` lines of contracts.md once everything listens, and stop it all in reverse order.
 */
import { startCore, type Core, type CoreOptions } from '../core/app/core';
import { APP_VERSION } from '../core/app/version';
import { startWebServer, type WebServer } from '../core/web/server';
import type { CommandContext } from './context';
import type { CliIo } from './io';
import { findRendererDir } from './renderer-dir';

export interface AgentOptions {
  context: CommandContext;
  web?: { port: number };
  demo?: boolean;
  managed?: CoreOptions['managed'];
  ingestPort?: number;
  callRecords?: CoreOptions['callRecords'];
}

export interface Agent {
  core: Core;
  web?: WebServer;
  stop(): Promise<void>;
}

export async function startAgent(options: AgentOptions, io: CliIo): Promise<Agent> {
  const { context } = options;
  // Find the UI before starting anything, so a missing build is one clear error and nothing to undo.
  const staticDir = options.web ? findRendererDir() : undefined;
  const core = await startCore({
    dataDir: context.dataDir,
    log: context.log,
    transport: 'web',
    version: APP_VERSION,
    managed: options.managed ?? { config: context.config, managedKeys: context.managedKeys },
    demo: options.demo,
    ingest: { port: options.ingestPort },
    callRecords: options.callRecords,
  });
  let web: WebServer | undefined;
  try {
    if (options.web && staticDir) {
      web = await startWebServer({ host: '127.0.0.1', port: options.web.port, staticDir, dispatch: core.dispatch, subscribe: core.subscribe, log: context.log });
    }
  } catch (error) {
    await core.stop();
    throw error;
  }
  io.out(`data-dir: ${context.dataDir}`);
  if (core.ingestUrl) io.out(`ingest: ${core.ingestUrl}`);
  if (web) io.out(`web: ${web.url}`);
  return {
    core,
    web,
    stop: async () => {
      await web?.close();
      await core.stop({ timeoutMs: 5_000 });
    },
  };
}
