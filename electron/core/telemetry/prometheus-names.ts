/**
 * OpenTelemetry → Prometheus metric names, as the OpenTelemetry Collector's Prometheus exporter builds them
 * (opentelemetry-collector-contrib, pkg/translator/prometheus, normalize_name.go): the unit becomes a
 * suffix unless the name already has that word (`%` → `percent`, `s` → `seconds`, `{frame}/s` → `per_second`, a gauge
 * in `1` → `ratio`, annotations such as `{report}` dropped); counters get `_total` from the serializer.
 * @opentelemetry/exporter-prometheus 0.223 does not add unit suffixes itself, so the names are converted
 * here before its serializer runs: a dashboard then works the same against a collector or this endpoint.
 */
import { DataPointType, type MetricData, type ResourceMetrics } from '@opentelemetry/sdk-metrics';

const UNIT_NAMES: Readonly<Record<string, string>> = {
  d: 'days', h: 'hours', min: 'minutes', s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds',
  By: 'bytes', KiBy: 'kibibytes', MiBy: 'mebibytes', GiBy: 'gibibytes', KBy: 'kilobytes', MBy: 'megabytes', GBy: 'gigabytes',
  m: 'meters', V: 'volts', A: 'amperes', J: 'joules', W: 'watts', g: 'grams', Cel: 'celsius', Hz: 'hertz', '%': 'percent',
};
const PER_UNIT_NAMES: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', mo: 'month', y: 'year' };

const withoutAnnotations = (unit: string): string => unit.replace(/\{[^}]*\}/g, '').trim();

/** The name before sanitising (`.` → `_` is the serializer's job) and before `_total`. */
export function prometheusBaseName(name: string, unit: string, isGauge: boolean): string {
  const [mainPart = '', perPart = ''] = withoutAnnotations(unit).split('/', 2);
  const main = mainPart.trim();
  const per = perPart.trim();
  // Like the Collector: a unit already among the name's words is not added again (bit_rate in bit/s → _per_second).
  const words = name.split(/[^a-zA-Z0-9]+/);
  let result = name;
  const mainName = main === '1' ? (isGauge ? 'ratio' : '') : (UNIT_NAMES[main] ?? main);
  if (mainName !== '' && !words.includes(mainName)) result = `${result}_${mainName}`;
  const perName = per === '' ? '' : (PER_UNIT_NAMES[per] ?? per);
  if (perName !== '' && !words.includes(perName)) result = `${result}_per_${perName}`;
  return result;
}

/** The full Prometheus name a scrape shows for an instrument (dots → underscores, `_total` on counters). */
export function prometheusName(name: string, unit: string, kind: 'gauge' | 'counter'): string {
  const base = prometheusBaseName(name, unit, kind === 'gauge').replace(/[^a-zA-Z0-9_:]/g, '_').replace(/_+/g, '_');
  return kind === 'counter' && !base.endsWith('_total') ? `${base}_total` : base;
}

function renamed(metric: MetricData): MetricData {
  const isGauge = metric.dataPointType === DataPointType.GAUGE || (metric.dataPointType === DataPointType.SUM && !metric.isMonotonic);
  const name = prometheusBaseName(metric.descriptor.name, metric.descriptor.unit, isGauge);
  return { ...metric, descriptor: { ...metric.descriptor, name } };
}

/** A copy of a collection with every metric under its Prometheus base name. */
export function withPrometheusNames(resourceMetrics: ResourceMetrics): ResourceMetrics {
  return {
    resource: resourceMetrics.resource,
    scopeMetrics: resourceMetrics.scopeMetrics.map((scope) => ({ scope: scope.scope, metrics: scope.metrics.map(renamed) })),
  };
}
