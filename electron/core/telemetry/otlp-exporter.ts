/**
 * The OTLP/HTTP exporter from the configuration: the metrics URL (a base endpoint gets `/v1/metrics`, as
 * OTEL_EXPORTER_OTLP_ENDPOINT does), headers with `{ "env": … }` secrets resolved, and the encoding the
 * protocol names: http/json through @opentelemetry/exporter-metrics-otlp-http, http/protobuf through
 * @opentelemetry/exporter-metrics-otlp-proto. Both share the same HTTP delegate, so the bounded buffer,
 * retries, timeout and error answers (describeExportError) behave the same whichever is chosen.
 */
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtobufMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { TelemetryConfig } from '../../../shared/config/schema';
import { resolveSecret } from '../config/load';

export type OtlpConfig = NonNullable<TelemetryConfig['otlp']>;

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

/** The resolved headers; throws ConfigError naming the key when a header's environment variable is unset. */
export function checkOtlpConfig(config: OtlpConfig, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, ref] of Object.entries(config.headers)) headers[name] = resolveSecret(ref, `telemetry.otlp.headers.${name}`, env);
  return headers;
}

/** The protocol is one of the schema's two names (any other value is refused when the file is read). */
export function createOtlpExporter(config: OtlpConfig, options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): PushMetricExporter {
  const headers = checkOtlpConfig(config, options.env);
  const exporterConfig = { url: metricsUrlOf(config.endpoint), headers, timeoutMillis: options.timeoutMs };
  return config.protocol === 'http/protobuf' ? new ProtobufMetricExporter(exporterConfig) : new JsonMetricExporter(exporterConfig);
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
