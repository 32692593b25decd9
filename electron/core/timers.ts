/**
 * The core's one source of delays (sync worker, leg publisher, device collectors, call-records schedule,
 * storage guard), injected so tests drive time: a 600 s Retry-After is tested without waiting 600 s.
 * Node's timers are unref'd: a pending timer alone never keeps the agent or a test process alive.
 */
export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const nodeTimers: Timers = {
  setTimeout(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    if (isNodeTimeout(handle)) clearTimeout(handle);
  },
};

/** Only handles made by nodeTimers come back to it; anything else is nothing to clear. */
function isNodeTimeout(handle: unknown): handle is NodeJS.Timeout {
  return typeof handle === 'object' && handle !== null && 'unref' in handle && 'hasRef' in handle;
}
