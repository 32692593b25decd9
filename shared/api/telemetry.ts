/**
 * OpenTelemetry export as the UI and `status --json` show it (../shared/design/contracts.md "Telemetry"): whether the OTLP
 * export works, when it last succeeded, the last error, how many intervals wait for the collector, and
 * the Prometheus scrape address. Endpoints are shown without user info or query (they may carry a token).
 */

export const TELEMETRY_EXPORT_STATES = ['off', 'waiting', 'ok', 'failing'] as const;
/** off: no OTLP endpoint; waiting: none sent yet; ok: the last send succeeded; failing: the last one failed. */
export type TelemetryExportState = (typeof TELEMETRY_EXPORT_STATES)[number];

export interface TelemetryStatusView {
  otlp: TelemetryExportState;
  endpoint?: string;
  intervalSeconds?: number;
  lastExportAt?: string;
  lastError?: { at: string; message: string };
  /** Intervals collected but not yet accepted by the collector (bounded). */
  bufferedIntervals: number;
  /** Intervals dropped because the collector stayed away longer than the buffer holds. */
  droppedIntervals: number;
  /** The Prometheus scrape endpoint, when on. */
  metricsUrl?: string;
}

/** Settings' "Test export": one export of the current metrics with the values being edited. */
export interface TelemetryTestView {
  ok: boolean;
  endpoint: string;
  /** The collector's answer (status and body) or why nothing was sent. */
  message: string;
  /** Data points in the export. */
  pointCount: number;
  durationMs: number;
}

export const TELEMETRY_OFF: TelemetryStatusView = { otlp: 'off', bufferedIntervals: 0, droppedIntervals: 0 };
