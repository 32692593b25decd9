/**
 * What the ingest API needs from the rest of the core. The lead wires these to the outbox, the leg tracker
 * and the health view; the ingest code never imports them, so it is tested against a small real
 * implementation (test/integration/ingest/harness.ts) and can be benchmarked against any tracker.
 */
import type { LiveSample } from '../../../shared/domain/samples';
import type { TeleconferenceDeviceQualityDraft } from '../../../shared/graph/quality';
import type { ValidationIssue } from '../../../shared/validation';

export interface EnqueueReportInput {
  /** The validated `quality` object of the Graph body; Teams ids may be missing (→ needs_context). */
  quality: TeleconferenceDeviceQualityDraft;
  roomId?: string;
  deviceId?: string;
}

/**
 * A call context (../shared/design/contracts.md "POST /api/v1/call-context"), validated. `at` is kept as sent (the leg
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

/** Why a posted report (or a sample that would open a call) was not taken although its body was valid. */
export type IntakeRefusalCode = 'outbox_full' | 'storage_full' | 'storage_busy' | 'storage_unavailable';

export interface IntakeRefusal {
  code: IntakeRefusalCode;
  /** One sentence the sender can act on. */
  message: string;
  retryAfterSeconds: number;
}

export type ReportIntakeOutcome =
  | { ok: true; id: string; state: string; /** the same body was already stored under its mediaLegId */ existing: boolean }
  | { ok: false; refusal: IntakeRefusal }
  | { ok: false; duplicate: { mediaLegId: string; existingId: string; message: string } };

/** One sample the tracker did not take: its position in the posted batch, a stable code and why. */
export interface SampleDrop {
  index: number;
  code: string;
  message: string;
}

export type SamplesOutcome =
  | { ok: true; accepted: number; drops: SampleDrop[] }
  /** Samples naming a room or device this agent does not have: nothing was taken. */
  | { ok: false; notConfigured: ValidationIssue[] }
  /** Samples that would open a new call while reports cannot be taken: nothing was taken. */
  | { ok: false; refusal: IntakeRefusal; issues: ValidationIssue[] };

export interface IngestDeps {
  /**
   * Stores the report and returns only once it is committed (the 202 promises durability); or says why it
   * was not stored (outbox or disk full, database busy → 507/503) or that its mediaLegId is taken (→ 409).
   */
  enqueueReport(input: EnqueueReportInput): ReportIntakeOutcome;
  ingestSamples(samples: LiveSample[]): SamplesOutcome;
  attachCallContext(context: CallContext): CallContextMatch;
  health(): IngestHealth;
  now(): number;
  log?: (level: IngestLogLevel, msg: string, fields?: Record<string, unknown>) => void;
}
