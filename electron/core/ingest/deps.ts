/**
 * What the ingest API needs from the rest of the core. The lead wires these to the outbox, the leg tracker
 * and the health view; the ingest code never imports them, so it is tested against a small real
 * implementation (test/integration/ingest/real-deps.ts) and can be benchmarked against any tracker.
 */
import type { LiveSample } from '../../../shared/domain/samples';
import type { TeleconferenceDeviceQualityDraft } from '../../../shared/graph/quality';

export interface EnqueueReportInput {
  /** The validated `quality` object of the Graph body; Teams ids may be missing (→ needs_context). */
  quality: TeleconferenceDeviceQualityDraft;
  roomId?: string;
  deviceId?: string;
}

/**
 * A call context (contracts.md "POST /api/v1/call-context"), validated. `at` is kept as sent (the leg
 * tracker's CallContextInput takes it so) and also given as epoch ms for the outbox's time window.
 */
export interface CallContext {
  roomId?: string;
  deviceId?: string;
  /** The device's own call key (a Cisco codec: the `xStatus Call` item number, as a string). */
  callId?: string;
  /** A time within the call (ISO 8601 with offset), when callId is not known. */
  at?: string;
  atMs?: number;
  callChainId: string;
  participantId: string;
}

export interface CallContextMatch {
  matchedLegs: number;
  matchedReports: number;
}

export interface IngestHealth {
  status: 'ok' | 'degraded';
  version: string;
  /** Report counts by outbox state. */
  outbox: Record<string, number>;
}

export type IngestLogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface IngestDeps {
  /**
   * Stores the report and returns only once it is committed (the 202 promises durability).
   * Throws an error with `code: 'outbox_full'` when the outbox is at its bound (→ 507).
   */
  enqueueReport(input: EnqueueReportInput): { id: string; state: string };
  ingestSamples(samples: LiveSample[]): void;
  attachCallContext(context: CallContext): CallContextMatch;
  health(): IngestHealth;
  now(): number;
  log?: (level: IngestLogLevel, msg: string, fields?: Record<string, unknown>) => void;
}

export const OUTBOX_FULL_CODE = 'outbox_full';

export function isOutboxFullError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === OUTBOX_FULL_CODE;
}
