/**
 * What the instruments read, and nothing more: the tracker's rooms (the same snapshot the UI gets), each
 * configured device's kind, the outbox counts and the delivery tally. Read only when a reader collects (an
 * OTLP interval or a Prometheus scrape), so an agent with telemetry off pays nothing.
 */
import type { RoomSnapshot } from '../../../shared/domain/legs';

export const DELIVERY_OUTCOMES = ['sent', 'failed', 'retried'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export interface TelemetrySources {
  rooms(): readonly RoomSnapshot[];
  /** The configured kind (`cisco-xapi`, …); devices known only from ingested samples have none. */
  deviceKind(deviceId: string): string | undefined;
  /** Reports per outbox state. */
  outboxCounts(): Readonly<Record<string, number>>;
  /** Delivery attempts per outcome since the agent started (a cumulative counter). */
  deliveries(): Readonly<Record<DeliveryOutcome, number>>;
}

/** Counts the sync worker's attempts by the contract's outcome names (a retryable answer is `retried`). */
export function createDeliveryTally() {
  const counts: Record<DeliveryOutcome, number> = { sent: 0, failed: 0, retried: 0 };
  return {
    record(outcome: string): void {
      if (outcome === 'sent') counts.sent += 1;
      else if (outcome === 'failed') counts.failed += 1;
      else if (outcome === 'retry') counts.retried += 1;
      // deferred (a paused route) and interrupted (the agent stopped) were never answered: not deliveries.
    },
    counts: (): Readonly<Record<DeliveryOutcome, number>> => counts,
  };
}

export type DeliveryTally = ReturnType<typeof createDeliveryTally>;
