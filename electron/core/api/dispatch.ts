/**
 * The single entry every transport (Electron IPC, WebSocket) calls: checks the method name and the
 * request against the shared schemas, runs the handler with a time bound, and always answers with the
 * result envelope. Transports stay dumb; this is the one place that trusts nothing from the UI.
 */
import type { ZodType } from 'zod';
import { APP_API_METHODS, requestSchemas, type AppApiHandlers, type AppApiMethod } from '../../../shared/api/contract';
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

export type Dispatch = (method: unknown, request: unknown) => Promise<Result<unknown>>;

const KNOWN = new Set<string>(APP_API_METHODS);

export function isAppApiMethod(method: unknown): method is AppApiMethod {
  return typeof method === 'string' && KNOWN.has(method);
}

export function createDispatcher(options: DispatcherOptions): Dispatch {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (method, request) => {
    if (!isAppApiMethod(method)) return fail('invalid_input', `Unknown AppApi method ${JSON.stringify(String(method)).slice(0, 80)}`);
    const handlers = options.getHandlers();
    if (!handlers) return fail('not_ready', 'The monitor is still starting; try again in a moment.');
    // The map is keyed per method; widening to unknown here is safe because the handler is looked up by the same key.
    const checked = validate(requestSchemas[method] as ZodType<unknown>, request);
    if (!checked.ok) return fail('invalid_input', `Invalid ${method} request`, checked.issues);
    const handler = handlers[method] as (req: unknown) => unknown;
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
      const message = options.log ? options.log.redactor.redactText((error as Error)?.message ?? String(error)) : 'Internal error';
      return fail('internal', `${method} failed: ${message}`);
    } finally {
      clearTimeout(timer);
    }
  };
}
