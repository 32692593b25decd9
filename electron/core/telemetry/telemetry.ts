/**
 * The telemetry service of the core: one MeterProvider (resource service.name / service.version /
 * host.name) whose instruments read the core's live state, with up to two readers: the periodic OTLP/HTTP
 * export through a bounded buffer, and the Prometheus scrape endpoint. Off by default: with no `telemetry`
 * block nothing is created but the "Test export" path.
 */
import { hostname } from 'node:os';
import { MeterProvider, PeriodicExportingMetricReader, type MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { TelemetryConfig } from '../../../shared/config/schema';
import { TELEMETRY_OFF, type TelemetryStatusView, type TelemetryTestView } from '../../../shared/api/telemetry';
import type { Logger } from '../log/logger';
import { BufferedExporter } from './buffered-exporter';
import { METER_NAME, registerInstruments } from './instruments';
import { checkOtlpConfig, createOtlpExporter, describeExportError, displayEndpoint, type OtlpConfig } from './otlp-exporter';
import { ScrapeReader, startPrometheusEndpoint, type PrometheusEndpoint } from './prometheus-endpoint';
import type { TelemetrySources } from './sources';
import { errorMessage } from '../../../shared/error-message';

export interface TelemetryOptions {
  config: TelemetryConfig | undefined;
  /** Only the administrator's file may open the Prometheus endpoint to the LAN. */
  allowLan: boolean;
  version: string;
  sources: TelemetrySources;
  log: Logger;
  now: () => number;
  env?: NodeJS.ProcessEnv;
  /** After every export attempt (the status bar, the status file). */
  onStatus?: (view: TelemetryStatusView) => void;
}

export interface Telemetry {
  /** The Prometheus scrape URL, when the endpoint is on. */
  readonly metricsUrl?: string;
  status(): TelemetryStatusView;
  /** Collects and exports now, and waits for the send (bounded): tests and the bench, not the core. */
  flush?(): Promise<void>;
  stop(): Promise<void>;
}

const TEST_EXPORT_TIMEOUT_MS = 5_000;

export function telemetryResource(version: string) {
  return resourceFromAttributes({ 'service.name': METER_NAME, 'service.version': version, 'host.name': hostname() });
}

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

export async function startTelemetry(options: TelemetryOptions): Promise<Telemetry> {
  const { config, log } = options;
  const otlp = config?.otlp;
  if (otlp === undefined && config?.prometheus === undefined) return { status: () => TELEMETRY_OFF, stop: async () => undefined };

  let attempted = false;
  let buffered: BufferedExporter | undefined;
  let metricsUrl: string | undefined;
  const status = (): TelemetryStatusView => {
    if (otlp === undefined || buffered === undefined) return { ...TELEMETRY_OFF, metricsUrl };
    const state = buffered.snapshot();
    return {
      otlp: !attempted ? 'waiting' : state.lastError ? 'failing' : 'ok',
      endpoint: displayEndpoint(otlp.endpoint),
      intervalSeconds: otlp.intervalSeconds,
      lastExportAt: iso(state.lastExportAtMs),
      lastError: state.lastError && { at: new Date(state.lastError.atMs).toISOString(), message: state.lastError.message },
      bufferedIntervals: state.bufferedIntervals,
      droppedIntervals: state.droppedIntervals,
      metricsUrl,
    };
  };

  const readers: MetricReader[] = [];
  if (otlp !== undefined) {
    const intervalMs = otlp.intervalSeconds * 1_000;
    let lastMessage: string | undefined;
    buffered = new BufferedExporter(createOtlpExporter(otlp, { timeoutMs: Math.min(10_000, intervalMs), env: options.env }), {
      maxIntervals: otlp.maxBufferedIntervals,
      maxRetryDelayMs: intervalMs,
      now: options.now,
      describeError: describeExportError,
      onOutcome: (outcome) => {
        attempted = true;
        // One log line per change of fortune, not one per interval of an outage.
        if (!outcome.ok && outcome.message !== lastMessage) log.warn('telemetry export failed', { endpoint: displayEndpoint(otlp.endpoint), error: outcome.message });
        if (outcome.ok && lastMessage !== undefined) log.info('telemetry export recovered', { endpoint: displayEndpoint(otlp.endpoint) });
        lastMessage = outcome.ok ? undefined : outcome.message;
        options.onStatus?.(status());
      },
    });
    readers.push(new PeriodicExportingMetricReader({ exporter: buffered, exportIntervalMillis: intervalMs, exportTimeoutMillis: Math.min(intervalMs, 30_000) }));
  }
  const scrape = config?.prometheus === undefined ? undefined : new ScrapeReader();
  if (scrape) readers.push(scrape);

  const provider = new MeterProvider({ resource: telemetryResource(options.version), readers });
  registerInstruments(provider.getMeter(METER_NAME), options.sources);

  let endpoint: PrometheusEndpoint | undefined;
  if (scrape && config?.prometheus) {
    try {
      endpoint = await startPrometheusEndpoint({ ...config.prometheus, reader: scrape, allowLan: options.allowLan, onError: (error) => log.warn('metrics scrape failed', { error: String(error) }) });
    } catch (error) {
      await provider.shutdown();
      throw error;
    }
    metricsUrl = endpoint.url;
    log.info('metrics endpoint listening', { url: metricsUrl });
  }
  if (otlp) log.info('telemetry export on', { endpoint: displayEndpoint(otlp.endpoint), intervalSeconds: otlp.intervalSeconds });

  return {
    metricsUrl,
    status,
    flush: () => provider.forceFlush(),
    stop: async () => {
      await endpoint?.close();
      // Sends what the buffer holds (bounded), then closes the exporter.
      await provider.shutdown().catch((error: unknown) => log.warn('telemetry shutdown', { error: String(error) }));
    },
  };
}

/** Settings' "Test export": collects the current metrics once and sends them with the values being edited. */
export async function testTelemetryExport(options: { otlp: OtlpConfig; version: string; sources: TelemetrySources; now: () => number; env?: NodeJS.ProcessEnv }): Promise<TelemetryTestView> {
  const endpoint = displayEndpoint(options.otlp.endpoint);
  const startedMs = options.now();
  const failed = (message: string, pointCount = 0): TelemetryTestView => ({ ok: false, endpoint, message, pointCount, durationMs: options.now() - startedMs });
  try {
    checkOtlpConfig(options.otlp, options.env);
  } catch (error) {
    return failed(errorMessage(error));
  }
  const reader = new ScrapeReader();
  const provider = new MeterProvider({ resource: telemetryResource(options.version), readers: [reader] });
  registerInstruments(provider.getMeter(METER_NAME), options.sources);
  const { resourceMetrics } = await reader.collect();
  await provider.shutdown();
  const pointCount = countPoints(resourceMetrics);
  const exporter = createOtlpExporter(options.otlp, { timeoutMs: TEST_EXPORT_TIMEOUT_MS, env: options.env });
  try {
    const result = await new Promise<{ ok: boolean; error?: Error }>((resolve) => exporter.export(resourceMetrics, (outcome) => resolve({ ok: outcome.code === 0, error: outcome.error })));
    if (!result.ok) return failed(describeExportError(result.error), pointCount);
    return { ok: true, endpoint, message: `the collector accepted ${pointCount} data points`, pointCount, durationMs: options.now() - startedMs };
  } finally {
    await exporter.shutdown();
  }
}

function countPoints(resourceMetrics: ResourceMetrics): number {
  let count = 0;
  for (const scope of resourceMetrics.scopeMetrics) for (const metric of scope.metrics) count += metric.dataPoints.length;
  return count;
}
