/**
 * Gauges are read with delta temporality, everything else cumulative. For an observable gauge, cumulative
 * temporality in the SDK keeps re-exporting the last value of every attribute set ever observed, so a leg
 * would outlive its call; with delta a collection carries exactly what the callback observed this time.
 * OTLP gauges have no temporality on the wire, so receivers see no difference.
 */
import { AggregationTemporality, InstrumentType } from '@opentelemetry/sdk-metrics';

export function gaugesAsDelta(instrumentType: InstrumentType): AggregationTemporality {
  return instrumentType === InstrumentType.OBSERVABLE_GAUGE || instrumentType === InstrumentType.GAUGE ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE;
}
