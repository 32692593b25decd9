/**
 * What `run` and `demo` share: start the core (through the host, so "Try the demo" can switch it),
 * optionally serve the UI over HTTP + WebSocket, print the `key: value` lines of ../shared/design/contracts.md once
 * everything listens, and stop it all in reverse order.
 */
import { join } from 'node:path';
import { startCore } from '../core/app/core';
import { startCoreHost, type CoreHost, type RunningCore } from '../core/app/host';
import { APP_VERSION } from '../core/app/version';
import { startWebServer, type WebServer } from '../core/web/server';
import type { CommandContext } from './context';
import { UsageError } from './args';
import type { CliIo } from './io';
import { findRendererDir } from './renderer-dir';
import { DEMO_DEFAULTS } from '../sim/demo/defaults';

export interface AgentOptions {
  context: CommandContext;
  web?: { port: number };
  ingestPort?: number;
  /** Start in the demo right away (`demo`), rather than on the operator's request. */
  demo?: { rooms: number; seed: number; tickMs: number; emulatorPort: number };
}

export interface Agent {
  host: CoreHost;
  web?: WebServer;
  /** Set when the demo runs: what `demo` prints. */
  demo?: { emulatorUrl: string; tenantId: string; clientId: string; clientSecret: string; ingestToken: string; rooms: string[] };
  stop(): Promise<void>;
}

export async function startAgent(options: AgentOptions, io: CliIo): Promise<Agent> {
  const { context } = options;
  // Find the UI before starting anything, so a missing build is one clear error and nothing to undo.
  const staticDir = options.web ? findRendererDir() : undefined;
  const coreOptions = { log: context.log, transport: 'web' as const, version: APP_VERSION };
  const minPoll = minPollOf(io.env); // checked before anything starts: a bad value is a usage error
  let demoInfo: Agent['demo'];

  const startDemo = async (dataDir: string): Promise<RunningCore> => {
    // Loaded here, not at the top: the simulator needs a dev dependency the installed agent does not ship.
    const { startDemoCore } = await import('../sim/demo');
    const settings = options.demo ?? DEMO_DEFAULTS;
    const demo = await startDemoCore({ ...settings, core: { ...coreOptions, dataDir }, ingestPort: options.ingestPort ?? 0 });
    demoInfo = {
      emulatorUrl: demo.world.emulator.url,
      tenantId: demo.world.emulator.tenantId,
      clientId: demo.world.emulator.clientId,
      clientSecret: demo.world.emulator.clientSecret,
      ingestToken: demo.ingestToken,
      rooms: demo.world.rooms.map((room) => room.config.name),
    };
    return { core: demo.core, close: (closeOptions) => demo.close(closeOptions) };
  };

  const host = await startCoreHost({
    log: context.log,
    start: options.demo
      ? () => startDemo(context.dataDir)
      : async () => {
          const core = await startCore({ ...coreOptions, dataDir: context.dataDir, managed: { config: context.config, managedKeys: context.managedKeys }, ingest: { port: options.ingestPort }, ...minPoll });
          return { core, close: (closeOptions) => core.stop(closeOptions) };
        },
    // "Try the demo" from the UI: the demo gets its own data directory, never the installation's outbox.
    // Not when a configuration file manages the agent: the switch would stop the real core.
    startDemo: options.demo || context.configFile ? undefined : () => startDemo(join(context.dataDir, 'demo')),
    demoRefusal: context.configFile
      ? `The configuration file ${context.configFile} manages this agent: "Try the demo" would stop it. Run \`vtc-agent demo\` in another data directory instead.`
      : undefined,
  });
  let web: WebServer | undefined;
  try {
    if (options.web && staticDir) {
      web = await startWebServer({ host: '127.0.0.1', port: options.web.port, staticDir, dispatch: host.dispatch, subscribe: host.subscribe, log: context.log });
    }
  } catch (error) {
    await host.stop();
    throw error;
  }
  io.out(`data-dir: ${context.dataDir}`);
  if (host.core?.ingestUrl) io.out(`ingest: ${host.core.ingestUrl}`);
  if (web) io.out(`web: ${web.url}`);
  if (host.core?.metricsUrl) io.out(`metrics: ${host.core.metricsUrl}`);
  return {
    host,
    web,
    get demo() {
      return demoInfo;
    },
    stop: async () => {
      await web?.close();
      await host.stop({ timeoutMs: 5_000 });
    },
  };
}

/**
 * `VTC_MIN_POLL_SECONDS` lowers the devices' polling floor (each kind's statistics interval, e.g. 5 s) for
 * simulated codecs that run faster than life; a real codec gains nothing from it.
 */
function minPollOf(env: NodeJS.ProcessEnv): { devices?: { minPollSeconds: number } } {
  const text = env['VTC_MIN_POLL_SECONDS'];
  if (text === undefined || text.trim() === '') return {};
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 1) throw new UsageError(`VTC_MIN_POLL_SECONDS must be a number of seconds, at least 1 (got ${JSON.stringify(text)})`);
  return { devices: { minPollSeconds: seconds } };
}
