/**
 * The OTLP/HTTP exporter from the configuration: the metrics URL (a base endpoint gets `/v1/metrics`, as
 * OTEL_EXPORTER_OTLP_ENDPOINT does), headers with `{ "env": … }` secrets resolved, and the protocol.
 * @opentelemetry/exporter-metrics-otlp-http speaks http/json only; http/protobuf needs
 * @opentelemetry/exporter-metrics-otlp-proto, which the app does not ship, so it is refused with a
 * configuration error naming the key rather than silently sent as JSON.
 */
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import type { TelemetryConfig } from '../../../shared/config/schema';
import { ConfigError, resolveSecret } from '../config/load';

export type OtlpConfig = NonNullable<TelemetryConfig['otlp']>;

const PROTO_PACKAGE = '@opentelemetry/exporter-metrics-otlp-proto';

/** `http://collector:4318` → `http://collector:4318/v1/metrics`; a URL with a path is used as given. */
export function metricsUrlOf(endpoint: string): string {
  const url = new URL(endpoint);
  if (url.pathname === '' || url.pathname === '/') url.pathname = '/v1/metrics';
  return url.toString();
}

/** The endpoint without user info or query (status and logs show it; a token may hide in either). */
export function displayEndpoint(endpoint: string): string {
  const url = new URL(metricsUrlOf(endpoint));
  return `${url.origin}${url.pathname}`;
}

/** Throws ConfigError naming the key when the protocol cannot be served or a header's variable is unset. */
export function checkOtlpConfig(config: OtlpConfig, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (config.protocol === 'http/protobuf') {
    throw new ConfigError('(telemetry)', [
      { path: 'telemetry.otlp.protocol', message: `http/protobuf needs the package ${PROTO_PACKAGE}, which this app does not include; use "http/json" (every OpenTelemetry Collector accepts it)` },
    ]);
  }
  const headers: Record<string, string> = {};
  for (const [name, ref] of Object.entries(config.headers)) headers[name] = resolveSecret(ref, `telemetry.otlp.headers.${name}`, env);
  return headers;
}

export function createOtlpExporter(config: OtlpConfig, options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): OTLPMetricExporter {
  const headers = checkOtlpConfig(config, options.env);
  return new OTLPMetricExporter({ url: metricsUrlOf(config.endpoint), headers, timeoutMillis: options.timeoutMs });
}

/** An exporter error in words: the collector's status and answer when it gave one. */
export function describeExportError(error: Error | undefined): string {
  if (error === undefined) return 'export failed';
  const status = 'code' in error && typeof error.code === 'number' ? error.code : undefined;
  const body = 'data' in error && typeof error.data === 'string' ? error.data.trim().slice(0, 300) : '';
  if (status !== undefined) return `the collector answered HTTP ${status}${body ? `: ${body}` : ''}`;
  if (error.message === 'Export failed with retryable status') return 'the collector is busy or unavailable (HTTP 429, 502, 503 or 504), retried';
  if (error.message === 'Request timed out') return 'the collector did not answer in time';
  return error.message || 'export failed';
}
