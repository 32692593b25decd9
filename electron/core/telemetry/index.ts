/** OpenTelemetry metrics of the core (../shared/design/contracts.md "Telemetry"): OTLP/HTTP export and a Prometheus endpoint. */
export { startTelemetry, testTelemetryExport, type Telemetry, type TelemetryOptions } from './telemetry';
export { createDeliveryTally, type DeliveryTally, type TelemetrySources } from './sources';
export { INSTRUMENTS, METER_NAME } from './instruments';
export { prometheusName } from './prometheus-names';
export { readTelemetryStatus, saveTelemetryStatus } from './status-file';
export { metricsUrlOf, displayEndpoint } from './otlp-exporter';
export { telemetryConfigOfPatch, telemetrySettingsView } from './settings';
