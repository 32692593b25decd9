/**
 * The sync worker: drains due `pending` reports to Graph.
 * - At most `concurrency` requests in flight (default 4) and at most `rateLimitPerSecond` started per
 *   second (token bucket), so we stay under the route's limit instead of collecting 429s.
 * - What a failure means is decided in classify.ts; pauses of the whole route live in route-gate.ts.
 * - Wakes on notify(): a report was enqueued, the network or the credentials came back, an operator
 *   resubmitted. Otherwise it sleeps until the next report is due (one timer), at most `pollIntervalMs`,
 *   to notice reports made due by another process (the CLI).
 * - stop(): takes no new work, waits for in-flight requests up to timeoutMs, then aborts them and puts
 *   them back to pending (recorded as interrupted). Everything else simply stays pending.
 * Time and jitter come from `now`, `random` and `timers`, so every path is tested without sleeping.
 */
import type { QualitySendResult } from '../graph/types';
import { DEFAULT_BACKOFF, backoffCeilingMs, type AttemptFailure, type BackoffPolicy, type ClaimedReport, type Outbox } from '../outbox/index';
import { RETRY_AFTER_CEILING_MS, classifyFailure, graphErrorInfo, toAttemptFailure, type Decision } from './classify';
import { TypedEmitter } from './emitter';
import { RouteGate } from './route-gate';
import { buildSnapshot, statusRecordOf, type SyncLastError, type SyncSnapshot } from './status';
import { nodeTimers, type Timers } from '../timers';
import { TokenBucket } from './token-bucket';
import type { AttemptEvent, SyncEvents, SyncWorker, SyncWorkerOptions, WakeReason } from './types';

/** The outbox operations the worker uses: the CLI and the UI use the rest. */
export type SyncOutbox = Pick<
  Outbox,
  'claimDue' | 'markSent' | 'markRetry' | 'markFailed' | 'markDeferred' | 'markInterrupted' | 'recoverInFlight' | 'nextDueAtMs' | 'stats' | 'expire' | 'purge' | 'atomically' | 'saveSyncStatus' | 'limits'
>;

/**
 * A Retry-After shorter than this is honoured in full even for a report close to its expiry: the expiry
 * cap must not turn a throttled route into a tight loop.
 */
const MIN_EXPIRY_CAP_MS = 60_000;

interface Flight {
  /** credentialsEpoch at launch: an auth/setup failure from before a credentials change is stale. */
  epoch: number;
  report: ClaimedReport;
  controller: AbortController;
  done: Promise<void>;
  /** Set by stop() after its timeout: the row was put back; a late answer must not touch it. */
  abandoned: boolean;
}

export function createSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { outbox, sender, now, random, log } = options;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const timers: Timers = options.timers ?? nodeTimers;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const probeIntervalMs = options.pausedProbeIntervalMs ?? 5 * 60_000;
  // Rejected credentials are often fixed within seconds (a secret rotated, a consent propagating): probe
  // after ~30 s, doubling up to the probe interval, instead of waiting the whole interval at once.
  const authProbe: BackoffPolicy = { startMs: Math.min(options.authProbeStartMs ?? 30_000, probeIntervalMs), factor: 2, capMs: probeIntervalMs };
  let authPauses = 0;
  const maintenanceIntervalMs = options.maintenanceIntervalMs ?? 60_000;
  const rate = options.rateLimitPerSecond;
  const bucket = rate ? new TokenBucket(rate, options.rateLimitBurst ?? Math.max(1, Math.min(concurrency, rate)), now) : undefined;
  const gate = new RouteGate(now, random, log);
  const emitter = new TypedEmitter<SyncEvents>();
  const flights = new Map<string, Flight>();

  let running = false;
  let stopping = false;
  let pausedByOperator = false;
  let nextMaintenanceAtMs = 0;
  let wakeTimer: unknown;
  let pumping = false;
  let pumpAgain = false;
  let pumpQueued = false;
  /** Finished attempts waiting to be recorded by the next pump. */
  const finished: (() => AttemptEvent)[] = [];
  let snapshotQueued = false;
  let lastSnapshot: SyncSnapshot | undefined;
  let lastSavedStatus: string | undefined;
  let lastSuccessAtMs: number | undefined;
  let lastError: SyncLastError | undefined;
  let idleWaiters: (() => void)[] = [];

  const onListenerError = (error: unknown): void => log?.error('sync event listener threw', { error: String(error) });

  /**
   * Records finished attempts and claims the next reports in ONE transaction (one fsync for both: the
   * commit is what limits throughput with synchronous=FULL), then starts the claimed requests only after
   * that commit, so no request leaves without its attempt on disk. Then sleeps until the next thing can
   * happen. Never re-entered.
   */
  function pump(): void {
    if (!running) return; // stopped: the database may already be closed
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        if (running && !stopping) maintain();
        const batch = finished.splice(0);
        let claimed: ClaimedReport[] = [];
        let events: AttemptEvent[] = [];
        try {
          outbox.atomically(() => {
            events = batch.flatMap(recordSafely);
            claimed = running && !stopping ? claim() : [];
            saveStatus(flights.size + claimed.length);
          });
        } catch (error) {
          finished.unshift(...batch); // not committed: record them at the next try
          throw error;
        }
        for (const event of events) emitAttempt(event);
        for (const report of claimed) launch(report);
      } while (pumpAgain);
      scheduleWake();
    } catch (error) {
      // A database error (disk full, locked past busy_timeout) must not kill the worker: retry at the next poll.
      log?.error('sync worker could not use the outbox', { error: String(error) });
      if (running && !stopping) armTimer(pollIntervalMs);
    } finally {
      pumping = false;
    }
    queueSnapshot();
    settleIdleWaiters();
  }

  /** Answers that arrive together are recorded together: one pump per turn of the event loop. */
  function pumpSoon(): void {
    if (pumpQueued) return;
    pumpQueued = true;
    setImmediate(() => {
      pumpQueued = false;
      pump();
    });
  }

  function claim(): ClaimedReport[] {
    if (pausedByOperator || gate.isClosed()) return [];
    const claimed: ClaimedReport[] = [];
    for (;;) {
      const free = gate.slots(concurrency) - flights.size - claimed.length;
      const wanted = Math.min(free, bucket ? bucket.available() : free);
      if (wanted <= 0) return claimed;
      const batch = outbox.claimDue(wanted, now());
      bucket?.take(batch.length);
      claimed.push(...batch);
      if (batch.length < wanted) return claimed;
    }
  }

  /** Saves the status for `status` in another process when it changed (inside the pump's transaction). */
  function saveStatus(inFlight: number): void {
    const record = statusRecordOf({ running: running && !stopping, pausedByOperator, pause: gate.pause, inFlight, lastSuccessAtMs, lastError });
    const json = JSON.stringify(record);
    if (json === lastSavedStatus) return;
    outbox.saveSyncStatus(record);
    lastSavedStatus = json;
  }

  /** One bad record must not undo the others in its transaction: it is logged, its row stays in flight. */
  function recordSafely(record: () => AttemptEvent): AttemptEvent[] {
    try {
      return [record()];
    } catch (error) {
      log?.error('could not record a send result; the report stays in flight until restart', { error: String(error) });
      return [];
    }
  }

  function maintain(): void {
    const nowMs = now();
    if (nowMs < nextMaintenanceAtMs) return;
    nextMaintenanceAtMs = nowMs + maintenanceIntervalMs;
    const expired = outbox.expire(nowMs);
    const purged = outbox.purge(nowMs);
    if (expired.length > 0) {
      log?.warn('reports expired unsent', { count: expired.length });
      emitter.emit('reportsChanged', { ids: expired }, onListenerError);
    }
    if (purged > 0) log?.info('purged old sent/discarded reports', { count: purged });
  }

  let credentialsEpoch = 0;

  function launch(report: ClaimedReport): void {
    const controller = new AbortController();
    const startedMs = now();
    const flight: Flight = { report, controller, abandoned: false, done: Promise.resolve(), epoch: credentialsEpoch };
    flight.done = sender.logTeleconferenceDeviceQuality(report.body, { clientRequestId: report.clientRequestId, signal: controller.signal }).then(
      (result) => settle(flight, () => succeeded(report, result)),
      (error: unknown) => settle(flight, () => failed(flight, error, now() - startedMs)),
    );
    flights.set(report.id, flight);
  }

  function settle(flight: Flight, record: () => AttemptEvent): void {
    if (flights.get(flight.report.id) === flight) flights.delete(flight.report.id);
    if (!flight.abandoned) finished.push(record);
    pumpSoon();
  }

  function succeeded(report: ClaimedReport, result: QualitySendResult): AttemptEvent {
    const { status, requestId, clientRequestId, durationMs } = result;
    outbox.markSent(report, { status, requestId, clientRequestId, durationMs });
    lastSuccessAtMs = now();
    gate.opened();
    authPauses = 0;
    return attemptEvent(report, 'sent', { httpStatus: status });
  }

  function failed(flight: Flight, error: unknown, durationMs: number): AttemptEvent {
    const { report } = flight;
    if (stopping && flight.controller.signal.aborted) {
      outbox.markInterrupted(report, durationMs);
      return attemptEvent(report, 'interrupted', {});
    }
    const info = graphErrorInfo(error);
    const failure = toAttemptFailure(info, error, durationMs);
    if (!info) log?.error('sender threw an unexpected error; retrying', { id: report.id, error: failure.message });
    lastError = { atMs: now(), reportId: report.id, kind: failure.kind, code: failure.code, message: failure.message };
    if (failure.status !== undefined) lastError.httpStatus = failure.status;
    if (failure.requestId !== undefined) lastError.requestId = failure.requestId;
    lastError.clientRequestId = failure.clientRequestId ?? report.clientRequestId;
    const decision = classifyFailure(info, report.attemptNo, random, backoff, retryAfterCeilingMs(report));
    if (decision.action === 'retry' && info?.retryAfterMs !== undefined && info.retryAfterMs > decision.delayMs) {
      log?.warn('Graph asked to wait longer than the agent does; the wait is capped', {
        id: report.id,
        retryAfterMs: info.retryAfterMs,
        waitMs: decision.delayMs,
      });
    }
    // The credentials changed while this request was out: its auth/setup failure says nothing about the new
    // ones, so try again now instead of pausing the route for the probe interval.
    if (decision.action === 'defer' && flight.epoch !== credentialsEpoch) return apply(report, { action: 'retry', delayMs: 0 }, failure);
    return apply(report, decision, failure);
  }

  /** At most RETRY_AFTER_CEILING_MS, and never past the report's expiry (so it gets one more try). */
  function retryAfterCeilingMs(report: ClaimedReport): number {
    const untilExpiryMs = report.createdAtMs + outbox.limits.maxAgeMs - now();
    return Math.min(RETRY_AFTER_CEILING_MS, Math.max(MIN_EXPIRY_CAP_MS, untilExpiryMs));
  }

  function apply(report: ClaimedReport, decision: Decision, failure: AttemptFailure): AttemptEvent {
    const nowMs = now();
    const detail = { httpStatus: failure.status, code: failure.code };
    switch (decision.action) {
      case 'failed':
        outbox.markFailed(report, failure);
        return attemptEvent(report, 'failed', detail);
      case 'retry': {
        const nextAttemptAtMs = nowMs + decision.delayMs;
        outbox.markRetry(report, nextAttemptAtMs, failure);
        if (decision.routePause?.cause === 'throttled') gate.throttled(nowMs + decision.routePause.forMs, decision.routePause.requestedMs);
        else if (decision.routePause?.cause === 'offline') gate.offline(failure.message);
        else gate.opened(); // Graph answered: the route itself works
        if (decision.routePause?.cause !== 'offline') authPauses = 0;
        return attemptEvent(report, 'retry', { ...detail, nextAttemptAtMs });
      }
      case 'defer':
        outbox.markDeferred(report, failure);
        gate.blocked(decision.cause, nowMs + deferMs(decision.cause), { permission: decision.permission, error: failure.message });
        return attemptEvent(report, 'deferred', detail);
    }
  }

  /**
   * How long a deferral pauses the route. Auth: 30 s, 60 s, … up to the probe interval; the requests that
   * were already out when the first one failed do not count, only each probe that fails again.
   */
  function deferMs(cause: 'auth' | 'missing_permission' | 'unavailable'): number {
    if (cause !== 'auth') return probeIntervalMs;
    if (gate.pause?.cause !== 'auth') authPauses += 1;
    return backoffCeilingMs(Math.max(1, authPauses), authProbe);
  }

  function attemptEvent(report: ClaimedReport, outcome: AttemptEvent['outcome'], extra: Partial<AttemptEvent>): AttemptEvent {
    const event: AttemptEvent = { reportId: report.id, attemptNo: report.attemptNo, clientRequestId: report.clientRequestId, outcome };
    for (const [key, value] of Object.entries(extra)) if (value !== undefined) Object.assign(event, { [key]: value });
    return event;
  }

  /** After the commit: listeners never see a state the database does not have yet. */
  function emitAttempt(event: AttemptEvent): void {
    emitter.emit('attempt', event, onListenerError);
    emitter.emit('reportsChanged', { ids: [event.reportId] }, onListenerError);
  }

  /** One timer: the next due report, the end of a pause, the next token, maintenance, or the poll. */
  function scheduleWake(): void {
    if (!running || stopping) return;
    const nowMs = now();
    let atMs = Math.min(nowMs + pollIntervalMs, nextMaintenanceAtMs);
    const pause = gate.pause;
    if (!pausedByOperator && pause) atMs = Math.min(atMs, pause.untilMs);
    else if (!pausedByOperator && flights.size < gate.slots(concurrency)) {
      const dueAtMs = outbox.nextDueAtMs();
      if (dueAtMs !== undefined) atMs = Math.min(atMs, Math.max(dueAtMs, nowMs + (bucket?.msUntilNext() ?? 0)));
    }
    armTimer(Math.max(0, atMs - nowMs));
  }

  function armTimer(delayMs: number): void {
    if (wakeTimer !== undefined) timers.clearTimeout(wakeTimer);
    wakeTimer = timers.setTimeout(() => {
      wakeTimer = undefined;
      pump();
    }, delayMs);
  }

  function snapshot(): SyncSnapshot {
    if (!running && lastSnapshot) return { ...lastSnapshot, state: 'stopped', reason: 'stopped', inFlight: 0 };
    lastSnapshot = buildSnapshot(
      { running, pausedByOperator, pause: gate.pause, inFlight: flights.size, nextDueAtMs: outbox.nextDueAtMs(), lastSuccessAtMs, lastError },
      outbox.stats(now()),
    );
    return lastSnapshot;
  }

  /** Many changes in one turn of the event loop make one snapshot event. */
  function queueSnapshot(): void {
    if (snapshotQueued) return;
    snapshotQueued = true;
    queueMicrotask(() => {
      snapshotQueued = false;
      try {
        emitter.emit('snapshot', snapshot(), onListenerError);
      } catch (error) {
        log?.error('could not read the outbox for a snapshot', { error: String(error) });
      }
    });
  }

  function isIdle(): boolean {
    if (!running) return true;
    if (flights.size > 0 || finished.length > 0) return false;
    if (stopping || pausedByOperator || gate.pause) return true;
    const dueAtMs = outbox.nextDueAtMs();
    return dueAtMs === undefined || dueAtMs > now();
  }

  function settleIdleWaiters(): void {
    if (idleWaiters.length === 0 || !isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function notify(reason: WakeReason = 'enqueued'): void {
    if (!running || stopping) return;
    if (reason === 'credentials') {
      credentialsEpoch += 1;
      authPauses = 0;
    }
    if (reason === 'network' || reason === 'credentials') gate.resume(reason);
    pump();
  }

  async function stop(stopOptions: { timeoutMs?: number } = {}): Promise<{ interrupted: number }> {
    if (!running || stopping) return { interrupted: 0 };
    stopping = true;
    if (wakeTimer !== undefined) timers.clearTimeout(wakeTimer);
    wakeTimer = undefined;
    let timer: unknown;
    const timedOut = await Promise.race([
      Promise.all([...flights.values()].map((flight) => flight.done)).then(() => false),
      new Promise<boolean>((resolve) => {
        timer = timers.setTimeout(() => resolve(true), stopOptions.timeoutMs ?? 10_000);
      }),
    ]);
    timers.clearTimeout(timer);
    const interrupted = timedOut ? abandonFlights() : 0;
    pump(); // records the answers that arrived while stopping (claims nothing: stopping)
    try {
      snapshot(); // kept for snapshot() after stop: the database may be closed by then
    } catch {
      // keep the previous snapshot
    }
    running = false;
    stopping = false;
    if (lastSnapshot) emitter.emit('snapshot', snapshot(), onListenerError);
    settleIdleWaiters();
    return { interrupted };
  }

  function abandonFlights(): number {
    let interrupted = 0;
    for (const flight of flights.values()) {
      flight.abandoned = true;
      flight.controller.abort();
      try {
        if (outbox.markInterrupted(flight.report)) interrupted += 1;
      } catch (error) {
        log?.error('could not put an in-flight report back to pending', { id: flight.report.id, error: String(error) });
      }
    }
    flights.clear();
    return interrupted;
  }

  return {
    start() {
      if (running) return;
      if (options.recoverOnStart ?? true) {
        const recovered = outbox.recoverInFlight();
        if (recovered > 0) log?.warn('reports found in flight at start put back to pending (may be sent twice)', { count: recovered });
      }
      running = true;
      nextMaintenanceAtMs = now();
      pump();
    },
    stop,
    notify,
    pause() {
      pausedByOperator = true;
      pump();
    },
    resume() {
      pausedByOperator = false;
      pump();
    },
    snapshot,
    on: (event, listener) => emitter.on(event, listener),
    whenIdle() {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
