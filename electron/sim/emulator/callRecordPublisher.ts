/**
 * Publishes a callRecord a short while after a logTeleconferenceDeviceQuality report arrives, as Teams
 * does after a call ends (../shared/reference/graph-api.md §3.3: the record appears only after the
 * call, so a read in between is a 404). Off unless configured (`publishCallRecordsFromReports` or
 * `POST /_emulator/call-record-publishing`).
 *
 * `disagree` makes Teams' numbers disagree with the room's: for every report (`'all'`) or for the listed
 * callChainIds — the emulator's way to inject a fault into the side-by-side view.
 * A publication is due at `receivedAt + delayMs` on the real timer clock; reconfiguring re-arms pending
 * ones with the new delay (so a test can hold records back, read the 404, then release them with delay 0).
 */
import type { CallRecord } from '../../../shared/graph/callRecords';
import type { TeleconferenceDeviceQuality } from '../../../shared/graph/quality';
import { callRecordFromReport } from './callRecordFromReport';
import type { CallRecordStore } from './callRecordStore';

export interface CallRecordPublishing {
  /** How long after the report its record appears (ms, real time). */
  delayMs: number;
  /** 'all', or the callChainIds whose record disagrees with the room's report. */
  disagree?: 'all' | readonly string[];
}

interface Pending {
  quality: TeleconferenceDeviceQuality;
  receivedAtMs: number;
  receivedAtRealMs: number;
  timer?: NodeJS.Timeout;
}

export class CallRecordPublisher {
  private options: CallRecordPublishing | undefined;
  private readonly pending = new Set<Pending>();
  private readonly waiters = new Map<string, Array<(record: CallRecord) => void>>();

  constructor(
    private readonly store: CallRecordStore,
    private readonly context: { now: () => number; tenantId: string },
    private readonly initial: CallRecordPublishing | undefined,
  ) {
    this.options = initial;
  }

  configure(options: CallRecordPublishing | null): void {
    this.options = options ?? undefined;
    for (const item of this.pending) this.arm(item);
  }

  /** A report was accepted (200): its record is published after the delay. */
  reportAccepted(quality: TeleconferenceDeviceQuality): void {
    if (!this.options) return;
    const item: Pending = { quality, receivedAtMs: this.context.now(), receivedAtRealMs: Date.now() };
    this.pending.add(item);
    this.arm(item);
  }

  /** Resolves with the record once it is published for this callChainId (or at once if it already is). */
  whenPublished(callChainId: string): Promise<CallRecord> {
    const key = callChainId.toLowerCase();
    const isPending = [...this.pending].some((item) => item.quality.callChainId.toLowerCase() === key);
    const existing = this.store.get(key);
    if (existing && !isPending) return Promise.resolve(existing);
    return new Promise((resolve) => this.waiters.set(key, [...(this.waiters.get(key) ?? []), resolve]));
  }

  /** Drops pending publications and restores the start-up options (emulator reset). */
  reset(): void {
    this.dispose();
    this.options = this.initial;
  }

  dispose(): void {
    for (const item of this.pending) clearTimeout(item.timer);
    this.pending.clear();
  }

  private arm(item: Pending): void {
    clearTimeout(item.timer);
    if (!this.options) {
      item.timer = undefined;
      return;
    }
    const dueInMs = Math.max(0, item.receivedAtRealMs + this.options.delayMs - Date.now());
    item.timer = setTimeout(() => this.publish(item), dueInMs);
  }

  private publish(item: Pending): void {
    this.pending.delete(item);
    const id = item.quality.callChainId;
    const disagree = this.options?.disagree;
    const record = callRecordFromReport(item.quality, {
      receivedAtMs: item.receivedAtMs,
      publishedAtMs: this.context.now(),
      tenantId: this.context.tenantId,
      disagree: disagree === 'all' || (Array.isArray(disagree) && disagree.some((d: string) => d.toLowerCase() === id.toLowerCase())),
      existing: this.store.get(id),
    });
    this.store.upsert([record]);
    const key = id.toLowerCase();
    const stillPending = [...this.pending].some((other) => other.quality.callChainId.toLowerCase() === key);
    if (stillPending) return;
    for (const resolve of this.waiters.get(key) ?? []) resolve(record);
    this.waiters.delete(key);
  }
}
