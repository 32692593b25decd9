/**
 * The telemetry part of `status`: the export state the running agent last saved in the data directory
 * (telemetry-status.json), or what the configuration asks for when it has not exported yet.
 */
import { TELEMETRY_OFF, type TelemetryStatusView } from '../../../shared/api/telemetry';
import { displayEndpoint, readTelemetryStatus } from '../../core/telemetry';
import type { CommandContext } from '../context';

export function telemetryStatusOf(context: CommandContext): TelemetryStatusView {
  const saved = readTelemetryStatus(context.dataDir);
  if (saved) return saved;
  const otlp = context.config.telemetry?.otlp;
  if (!otlp) return TELEMETRY_OFF;
  return { ...TELEMETRY_OFF, otlp: 'waiting', endpoint: displayEndpoint(otlp.endpoint), intervalSeconds: otlp.intervalSeconds };
}

/** `key: value` fields for the human output. */
export function telemetryStatusFields(view: TelemetryStatusView | undefined): Array<[string, string | undefined]> {
  if (!view || (view.otlp === 'off' && !view.metricsUrl && !view.lastError)) return [['metrics export', 'off']];
  const fields: Array<[string, string | undefined]> = [];
  if (view.otlp === 'off' && view.lastError) fields.push(['metrics export', 'off'], ['export error', `${view.lastError.at} ${view.lastError.message}`]);
  if (view.otlp !== 'off') {
    fields.push(['metrics export', `${view.otlp} → ${view.endpoint ?? '?'} every ${view.intervalSeconds ?? '?'} s`]);
    fields.push(['last export', view.lastExportAt ?? 'never']);
    if (view.lastError) fields.push(['export error', `${view.lastError.at} ${view.lastError.message}`]);
    if (view.bufferedIntervals > 0 || view.droppedIntervals > 0) fields.push(['export buffer', `${view.bufferedIntervals} intervals waiting, ${view.droppedIntervals} dropped`]);
  }
  if (view.metricsUrl) fields.push(['metrics', view.metricsUrl]);
  return fields;
}
