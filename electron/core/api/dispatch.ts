/**
 * The single entry every caller goes through: the Electron IPC handler and the WebSocket hand it what came
 * off the wire (`receive`), the shell's tray calls it typed (`call`). Either way the method name and the
 * request are checked against the shared schemas, the handler runs with a time bound, and the answer is
 * always the result envelope. Transports stay dumb; this is the one place that trusts nothing from the UI.
 */
import { APP_API_METHODS, requestSchemas, type AppApiHandlers, type AppApiMethod, type AppCall, type AppResponse } from '../../../shared/api/contract';
import { fail, ok, type Result } from '../../../shared/api/result';
import { validate } from '../../../shared/validation';
import { AppFailure } from './failure';
import type { Logger } from '../log/logger';

export interface DispatcherOptions {
  /** Resolved once the core has started; calls before that answer `not_ready`. */
  getHandlers: () => AppApiHandlers | undefined;
  timeoutMs?: number;
  log?: Logger;
}

/** A transport's entry: a method name and a request as they arrived, neither trusted. */
export type Dispatch = (method: unknown, request: unknown) => Promise<Result<unknown>>;

export interface AppDispatcher {
  /** Typed, for callers in this process; the request is still validated (one path for every caller). */
  call: AppCall;
  receive: Dispatch;
}

const KNOWN = new Set<unknown>(APP_API_METHODS);

export function isAppApiMethod(method: unknown): method is AppApiMethod {
  return KNOWN.has(method);
}

export function createAppDispatcher(options: DispatcherOptions): AppDispatcher {
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function run<M extends AppApiMethod>(method: M, request: unknown): Promise<Result<AppResponse<M>>> {
    const handlers = options.getHandlers();
    if (!handlers) return fail('not_ready', 'The monitor is still starting; try again in a moment.');
    const checked = validate(requestSchemas[method], request);
    if (!checked.ok) return fail('invalid_input', `Invalid ${method} request`, checked.issues);
    const handler = handlers[method];
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AppFailure('timeout', `${method} did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
      });
      const value = await Promise.race([Promise.resolve().then(() => handler(checked.value)), timeout]);
      return ok(value);
    } catch (error) {
      if (error instanceof AppFailure) return fail(error.code, error.message, error.details);
      options.log?.error('AppApi handler failed', { method, error });
      const message = options.log ? options.log.redactor.redactText(error instanceof Error ? error.message : String(error)) : 'Internal error';
      return fail('internal', `${method} failed: ${message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    call: (method, request) => run(method, request),
    receive: async (method, request) => {
      if (!isAppApiMethod(method)) return fail('invalid_input', `Unknown AppApi method ${JSON.stringify(String(method)).slice(0, 80)}`);
      return run(method, request);
    },
  };
}

/** The wire entry alone (the web server in tests, the core's own `dispatch`). */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  return createAppDispatcher(options).receive;
}
