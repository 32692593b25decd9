/**
 * The export buffer: the periodic reader is answered at once (a down collector never blocks the core),
 * unsent intervals wait in order and are all delivered after a recovery, and beyond the bound the oldest
 * is dropped and counted (memory never grows without bound).
 */
import { describe, expect, it } from 'vitest';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BufferedExporter } from '../../../electron/core/telemetry/buffered-exporter';

/** A collector stand-in: answers each export with what the test says, when the test says. */
function fakeCollector() {
  const pending: Array<{ metrics: ResourceMetrics; done: (result: ExportResult) => void }> = [];
  const accepted: ResourceMetrics[] = [];
  const exporter: PushMetricExporter = {
    export: (metrics, done) => void pending.push({ metrics, done }),
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
  return {
    exporter,
    accepted,
    get waiting() {
      return pending.length;
    },
    answer(ok: boolean) {
      const next = pending.shift();
      if (!next) throw new Error('no export in flight');
      if (ok) accepted.push(next.metrics);
      next.done(ok ? { code: ExportResultCode.SUCCESS } : { code: ExportResultCode.FAILED, error: new Error('HTTP 503') });
    },
  };
}

const interval = (n: number): ResourceMetrics => ({ resource: resourceFromAttributes({ n }), scopeMetrics: [] });
const numberOf = (metrics: ResourceMetrics): unknown => metrics.resource.attributes['n'];

function setup(maxIntervals: number) {
  const collector = fakeCollector();
  const outcomes: boolean[] = [];
  const buffered = new BufferedExporter(collector.exporter, {
    maxIntervals,
    maxRetryDelayMs: 60_000, // retries come from the next interval in these tests
    now: () => 0,
    describeError: (error) => error?.message ?? 'failed',
    onOutcome: (outcome) => outcomes.push(outcome.ok),
  });
  const exportNow = (n: number): ExportResult => {
    let result: ExportResult | undefined;
    buffered.export(interval(n), (answer) => (result = answer));
    if (!result) throw new Error('the reader was not answered at once');
    return result;
  };
  return { collector, buffered, outcomes, exportNow };
}

describe('BufferedExporter', () => {
  it('answers the reader at once, and after an outage delivers every buffered interval in order', () => {
    const { collector, buffered, exportNow } = setup(10);
    expect(exportNow(1).code).toBe(ExportResultCode.SUCCESS);
    collector.answer(false); // collector down
    for (const n of [2, 3, 4]) expect(exportNow(n).code).toBe(ExportResultCode.SUCCESS);
    // One request at a time: the failed head is retried first.
    expect(collector.waiting).toBe(1);
    collector.answer(false);
    exportNow(5);
    expect(buffered.snapshot()).toMatchObject({ bufferedIntervals: 5, droppedIntervals: 0, lastError: { message: 'HTTP 503' } });
    for (let i = 0; i < 5; i += 1) collector.answer(true); // recovered: the queue drains
    expect(collector.accepted.map(numberOf)).toEqual([1, 2, 3, 4, 5]);
    expect(buffered.snapshot()).toMatchObject({ bufferedIntervals: 0, droppedIntervals: 0 });
    expect(buffered.snapshot().lastError).toBeUndefined();
  });

  it('keeps at most maxIntervals: beyond it the oldest unsent interval is dropped and counted', () => {
    const { collector, buffered, exportNow } = setup(3);
    exportNow(1); // in flight, no answer yet
    for (const n of [2, 3, 4, 5, 6]) exportNow(n);
    expect(buffered.snapshot()).toMatchObject({ bufferedIntervals: 3, droppedIntervals: 3 });
    collector.answer(true); // the one in flight is never dropped under it
    collector.answer(true);
    collector.answer(true);
    expect(collector.accepted.map(numberOf)).toEqual([1, 5, 6]);
  });
});
