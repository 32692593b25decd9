/**
 * The `telemetry` block between Settings and the configuration: what the operator saved (a patch with
 * parts on or off, no headers) as the configuration the service runs on, and the configuration as Settings
 * shows it (header names only: their values are secrets).
 */
import { telemetryConfigSchema, type TelemetryConfig } from '../../../shared/config/schema';
import type { TelemetryPatch, TelemetrySettingsView } from '../../../shared/api/telemetry';

export function telemetryConfigOfPatch(patch: TelemetryPatch): TelemetryConfig {
  return telemetryConfigSchema.parse({
    ...(patch.otlp && { otlp: { ...patch.otlp } }),
    ...(patch.prometheus && { prometheus: { port: patch.prometheus.port } }),
  });
}

export function telemetrySettingsView(config: TelemetryConfig | undefined): TelemetrySettingsView {
  const otlp = config?.otlp;
  return {
    otlp: otlp ? { endpoint: otlp.endpoint, protocol: otlp.protocol, intervalSeconds: otlp.intervalSeconds, headerNames: Object.keys(otlp.headers) } : null,
    prometheus: config?.prometheus ? { ...config.prometheus } : null,
  };
}
