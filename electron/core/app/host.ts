/**
 * Holds the running core and lets the operator switch it to the demo ("Try the demo") without restarting
 * the shell: the transports (Electron IPC, the web server) hold the host's `dispatch` (wire input) and
 * `subscribe`, the shell calls `call` (typed); all of them always reach the current core. While switching,
 * calls answer `not_ready` and the UI retries; once switched, `settingsChanged` tells every listener.
 */
import type { AppApiHandlers, AppCall } from '../../../shared/api/contract';
import type { AppInfoView } from '../../../shared/api/views';
import { errorMessage } from '../../../shared/error-message';
import { AppFailure } from '../api/failure';
import { createAppDispatcher, type Dispatch } from '../api/dispatch';
import type { Logger } from '../log/logger';
import type { Core } from './core';
import type { AppEventListener } from './events';

export interface RunningCore {
  core: Core;
  close(options?: { timeoutMs?: number }): Promise<void>;
}

export interface CoreHost {
  /** Typed, for the shell in this process (tray actions, the state it shows). */
  call: AppCall;
  /** What a transport received (Electron IPC, the WebSocket): method and request checked before use. */
  dispatch: Dispatch;
  /** Every pushed event of the current core, as the contract's discriminated union. */
  subscribe(listener: AppEventListener): () => void;
  readonly core: Core | undefined;
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export interface CoreHostOptions {
  start: () => Promise<RunningCore>;
  /** Absent: "Try the demo" is refused (with `demoRefusal` as the reason when given). */
  startDemo?: () => Promise<RunningCore>;
  /** Why the demo is refused, e.g. a configuration file manages the agent and the switch would stop it. */
  demoRefusal?: string;
  log: Logger;
}

export async function startCoreHost(options: CoreHostOptions): Promise<CoreHost> {
  const listeners = new Set<AppEventListener>();
  const forward: AppEventListener = (...event) => {
    for (const listener of listeners) listener(...event);
  };
  let running: RunningCore | undefined;
  let unsubscribe: (() => void) | undefined;
  let handlers: AppApiHandlers | undefined;

  const attach = (next: RunningCore): void => {
    running = next;
    unsubscribe = next.core.subscribe(forward);
    handlers = { ...next.core.handlers, startDemo };
  };

  async function startDemo(): Promise<AppInfoView> {
    if (!options.startDemo) throw new AppFailure('unavailable', options.demoRefusal ?? 'The demo is not available in this installation');
    const current = running;
    if (current?.core.demo) return current.core.handlers.getAppInfo(undefined);
    handlers = undefined;
    unsubscribe?.();
    options.log.info('switching to the demo');
    await current?.close({ timeoutMs: 5_000 });
    let demo: RunningCore;
    try {
      demo = await options.startDemo();
      attach(demo);
    } catch (error) {
      options.log.error('the demo could not start; restarting the monitor', { error: errorMessage(error) });
      attach(await options.start());
      throw new AppFailure('internal', `The demo could not start: ${errorMessage(error)}`);
    }
    // Another data directory, other settings and rooms: the shell re-reads what it shows from them.
    forward('settingsChanged', await demo.core.handlers.getSettings(undefined));
    return demo.core.handlers.getAppInfo(undefined);
  }

  attach(await options.start());
  const dispatcher = createAppDispatcher({ getHandlers: () => handlers, log: options.log, timeoutMs: 60_000 });
  return {
    call: dispatcher.call,
    dispatch: dispatcher.receive,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get core() {
      return running?.core;
    },
    stop: async (stopOptions) => {
      handlers = undefined;
      unsubscribe?.();
      await running?.close(stopOptions);
      running = undefined;
    },
  };
}
