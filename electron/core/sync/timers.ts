/**
 * The worker's only source of delays, injected so tests drive time (a 600 s Retry-After is tested without
 * waiting 600 s). The default timers are unref'd: the worker alone never keeps a process alive.
 */
export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, delayMs) => {
    const handle = setTimeout(callback, delayMs);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
