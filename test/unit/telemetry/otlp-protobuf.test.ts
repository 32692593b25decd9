/**
 * The test receiver's protobuf reader (test/support/otlp-protobuf.ts) against the OpenTelemetry SDK's two
 * encodings of the same collection: whatever the http/protobuf exporter sends must read back as the
 * http/json exporter's body does, so the agent's protobuf test checks the same values as its JSON test.
 */
import { describe, expect, it } from 'vitest';
import { ValueType } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { JsonMetricsSerializer, ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { ScrapeReader } from '../../../electron/core/telemetry/prometheus-endpoint';
import { decodeMetricsRequest, readFields } from '../../support/otlp-protobuf';
import { flatten, type OtlpRequest } from '../../support/otlp-receiver';

async function collection() {
  const reader = new ScrapeReader();
  const provider = new MeterProvider({ resource: resourceFromAttributes({ 'service.name': 'vtc-quality-monitor', 'host.name': 'pc-1' }), readers: [reader] });
  const meter = provider.getMeter('vtc-quality-monitor');
  const leg = { 'vtc.room.id': 'b30-21', 'vtc.room.name': 'Building 30 / 21', 'vtc.media.channel': 1, 'vtc.media.direction': 'inbound' };
  meter.createObservableGauge('vtc.media.packet_loss', { unit: '%' }).addCallback((result) => {
    result.observe(3.125, leg);
    result.observe(0, { ...leg, 'vtc.media.channel': 2 });
  });
  meter.createObservableGauge('vtc.media.jitter', { unit: 's', description: 'last interval' }).addCallback((result) => result.observe(0.0123456789, { ...leg, 'vtc.media.channel': -7 }));
  meter.createObservableGauge('vtc.outbox.reports', { unit: '{report}', valueType: ValueType.INT }).addCallback((result) => result.observe(4_000_000_000, { 'vtc.report.state': 'pending', flagged: true }));
  meter.createCounter('vtc.sync.deliveries', { unit: '{report}' }).add(5, { outcome: 'sent' });
  const { resourceMetrics } = await reader.collect();
  await provider.shutdown();
  return resourceMetrics;
}

describe('decodeMetricsRequest', () => {
  it('reads what the protobuf serializer writes as the JSON serializer writes it: names, units, values, attributes, resource, scope', async () => {
    const metrics = await collection();
    const json = JSON.parse(new TextDecoder().decode(JsonMetricsSerializer.serializeRequest(metrics))) as OtlpRequest;
    const decoded = decodeMetricsRequest(ProtobufMetricsSerializer.serializeRequest(metrics)!);
    const fromProtobuf = flatten(decoded);
    expect(fromProtobuf).toEqual(flatten(json));

    const loss = fromProtobuf.find((point) => point.metric === 'vtc.media.packet_loss' && point.attributes['vtc.media.channel'] === 1);
    expect(loss).toMatchObject({ unit: '%', value: 3.125, scope: 'vtc-quality-monitor', resource: { 'service.name': 'vtc-quality-monitor', 'host.name': 'pc-1' } });
    expect(loss!.attributes).toEqual({ 'vtc.room.id': 'b30-21', 'vtc.room.name': 'Building 30 / 21', 'vtc.media.channel': 1, 'vtc.media.direction': 'inbound' });
    expect(fromProtobuf.find((point) => point.metric === 'vtc.media.packet_loss' && point.attributes['vtc.media.channel'] === 2)?.value).toBe(0);
    // A negative int64 attribute is ten varint bytes; an int point above 2^31 is a full sfixed64.
    expect(fromProtobuf.find((point) => point.metric === 'vtc.media.jitter')).toMatchObject({ value: 0.0123456789, attributes: { 'vtc.media.channel': -7 } });
    expect(fromProtobuf.find((point) => point.metric === 'vtc.outbox.reports')).toMatchObject({ value: 4_000_000_000, attributes: { 'vtc.report.state': 'pending', flagged: true } });
    expect(fromProtobuf.find((point) => point.metric === 'vtc.sync.deliveries')).toMatchObject({ value: 5, monotonic: true, attributes: { outcome: 'sent' } });
    expect(decoded.resourceMetrics[0]!.scopeMetrics[0]!.metrics.find((metric) => metric.name === 'vtc.media.jitter')?.description).toBe('last interval');
  });

  it('refuses a truncated body rather than reading half a message', () => {
    expect(() => readFields(Uint8Array.of(0x0a, 0x05, 0x01))).toThrow(/runs past the end/);
    expect(() => readFields(Uint8Array.of(0x08, 0x80))).toThrow(/truncated varint/);
  });
});
