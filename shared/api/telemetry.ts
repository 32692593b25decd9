/**
 * OpenTelemetry export as the UI and `status --json` show it (../shared/design/contracts.md "Telemetry"): whether the OTLP
 * export works, when it last succeeded, the last error, how many intervals wait for the collector, and
 * the Prometheus scrape address. Endpoints are shown without user info or query (they may carry a token).
 */
import { z } from 'zod';
import { otlpProtocolSchema, telemetryConfigSchema, type OtlpProtocol } from '../config/schema';

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

/** The `telemetry` block as Settings shows it: collector header values are secrets, so only their names. */
export interface TelemetrySettingsView {
  otlp: { endpoint: string; protocol: OtlpProtocol; intervalSeconds: number; headerNames: string[] } | null;
  prometheus: { host: string; port: number } | null;
}

const endpointSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://collector:4318' });
const otlpPatchSchema = z.strictObject({
  endpoint: endpointSchema,
  protocol: otlpProtocolSchema,
  intervalSeconds: telemetryConfigSchema.shape.otlp.unwrap().shape.intervalSeconds.unwrap(),
});

/**
 * Settings' telemetry: null turns a part off. Collector headers are not edited here (they usually hold an
 * API key): they come from the configuration file. The Prometheus endpoint stays on loopback from Settings;
 * only the administrator's file may open it to the LAN.
 */
export const telemetryPatchSchema = z.strictObject({
  otlp: otlpPatchSchema.nullable(),
  prometheus: z.strictObject({ port: z.number().int().min(1, { message: 'must be a port 1–65535' }).max(65535, { message: 'must be a port 1–65535' }) }).nullable(),
});
export type TelemetryPatch = z.infer<typeof telemetryPatchSchema>;

/** "Test export" with the values being edited; the configured headers go only to the configured endpoint. */
export const telemetryTestRequestSchema = z.strictObject({ endpoint: endpointSchema, protocol: otlpPatchSchema.shape.protocol.optional() });
export type TelemetryTestRequest = z.infer<typeof telemetryTestRequestSchema>;
