/** The Prometheus names of the contract's instruments, as the OpenTelemetry Collector would write them. */
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, prometheusName } from '../../../electron/core/telemetry';

describe('prometheusName', () => {
  it('gives every instrument of the contract its unit suffix (and _total for the counter)', () => {
    const names = Object.values(INSTRUMENTS).map((spec) => prometheusName(spec.name, spec.unit, spec === INSTRUMENTS.deliveries ? 'counter' : 'gauge'));
    expect(names).toEqual([
      'vtc_media_packet_loss_percent',
      'vtc_media_jitter_seconds',
      'vtc_media_round_trip_seconds',
      'vtc_media_bit_rate_per_second',
      'vtc_media_frame_rate_per_second',
      'vtc_media_poor_ratio',
      'vtc_device_up_ratio',
      'vtc_outbox_reports',
      'vtc_sync_deliveries_total',
    ]);
  });

  it('does not repeat a unit the name already ends with, and adds ratio only to gauges', () => {
    expect(prometheusName('http.duration_seconds', 's', 'gauge')).toBe('http_duration_seconds');
    expect(prometheusName('vtc.x', '1', 'counter')).toBe('vtc_x_total');
    expect(prometheusName('vtc.received.bytes', 'By', 'counter')).toBe('vtc_received_bytes_total');
  });
});
