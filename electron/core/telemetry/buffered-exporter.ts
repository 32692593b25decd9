/**
 * Wraps the OTLP exporter so a collector that is down never blocks the core and never grows memory without
 * bound: each interval's collection is queued and acknowledged at once to the periodic reader, then sent
 * oldest first, one request at a time. A failed send stays at the head of the queue and is retried with
 * backoff (and at the next interval); beyond `maxIntervals` the oldest unsent interval is dropped and
 * counted. So a collector that answers 503 for a while and then recovers gets every interval back, in order,
 * as long as the outage lasted less than `maxIntervals` intervals.
 */
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { AggregationTemporality, InstrumentType, PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { gaugesAsDelta } from './temporality';

export interface ExportOutcome {
  ok: boolean;
  atMs: number;
  /** Why it failed, in words an operator can act on (no header values). */
  message?: string;
}

export interface BufferState {
  bufferedIntervals: number;
  droppedIntervals: number;
  lastExportAtMs?: number;
  lastError?: { atMs: number; message: string };
}

export interface BufferedExporterOptions {
  maxIntervals: number;
  /** Upper bound of the retry backoff (an interval: the next collection retries anyway). */
  maxRetryDelayMs: number;
  now: () => number;
  describeError: (error: Error | undefined) => string;
  onOutcome?: (outcome: ExportOutcome) => void;
}

const FIRST_RETRY_DELAY_MS = 500;

export class BufferedExporter implements PushMetricExporter {
  private readonly queue: ResourceMetrics[] = [];
  private inFlight: ResourceMetrics | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private readonly state: BufferState = { bufferedIntervals: 0, droppedIntervals: 0 };

  constructor(
    private readonly inner: PushMetricExporter,
    private readonly options: BufferedExporterOptions,
  ) {}

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    if (this.closed) return resultCallback({ code: ExportResultCode.FAILED, error: new Error('telemetry export stopped') });
    this.queue.push(metrics);
    if (this.queue.length > this.options.maxIntervals) {
      // Drop the oldest interval not being sent right now.
      this.queue.splice(this.queue[0] === this.inFlight ? 1 : 0, 1);
      this.state.droppedIntervals += 1;
    }
    this.state.bufferedIntervals = this.queue.length;
    resultCallback({ code: ExportResultCode.SUCCESS });
    this.drain();
  }

  selectAggregationTemporality(instrumentType: InstrumentType): AggregationTemporality {
    return gaugesAsDelta(instrumentType);
  }

  snapshot(): BufferState {
    return { ...this.state, bufferedIntervals: this.queue.length };
  }

  /** Resolves once the queue is empty or `timeoutMs` passed (shutdown, tests). */
  async forceFlush(timeoutMs = 2_000): Promise<void> {
    if (this.queue.length === 0) return;
    this.drain();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async shutdown(): Promise<void> {
    await this.forceFlush();
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.queue.length = 0;
    await this.inner.shutdown();
  }

  private drain(): void {
    if (this.inFlight !== undefined || this.closed) return;
    const next = this.queue[0];
    if (next === undefined) {
      for (const wake of this.idleWaiters.splice(0)) wake();
      return;
    }
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.inFlight = next;
    this.inner.export(next, (result) => {
      this.inFlight = undefined;
      const atMs = this.options.now();
      if (result.code === ExportResultCode.SUCCESS) {
        const index = this.queue.indexOf(next);
        if (index >= 0) this.queue.splice(index, 1);
        this.failures = 0;
        this.state.lastExportAtMs = atMs;
        this.state.lastError = undefined;
        this.options.onOutcome?.({ ok: true, atMs });
        this.drain();
        return;
      }
      const message = this.options.describeError(result.error);
      this.failures += 1;
      this.state.lastError = { atMs, message };
      this.options.onOutcome?.({ ok: false, atMs, message });
      if (this.closed) return;
      const delayMs = Math.min(this.options.maxRetryDelayMs, FIRST_RETRY_DELAY_MS * 2 ** Math.min(this.failures - 1, 10));
      this.retryTimer = setTimeout(() => this.drain(), delayMs);
      this.retryTimer.unref();
      for (const wake of this.idleWaiters.splice(0)) wake();
    });
  }
}
