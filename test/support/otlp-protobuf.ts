/**
 * Decodes an OTLP ExportMetricsServiceRequest in the protobuf wire format into the same shape as its JSON
 * encoding (OtlpRequest), so a test receiver can check what an http/protobuf exporter sent without a
 * protobuf library. Written from the wire-format rules and the field numbers of opentelemetry-proto's
 * opentelemetry/proto/{collector/metrics/v1/metrics_service,metrics/v1/metrics,common/v1/common,
 * resource/v1/resource}.proto, independently of the exporter's own serializer, and only for what the
 * tests read: resource and scope, metric name/unit/description, gauge and sum number points. Unknown
 * fields are skipped, as protobuf requires.
 */
import type { OtlpAttribute, OtlpMetric, OtlpPoint, OtlpRequest, OtlpValue } from './otlp-receiver';

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

interface Field {
  number: number;
  wireType: number;
  /** Varint fields (unsigned, exact). */
  varint?: bigint;
  /** Fixed64 fields: the 8 little-endian bytes. */
  fixed64?: Uint8Array;
  /** Length-delimited fields: the payload. */
  bytes?: Uint8Array;
}

/** Splits one message into its fields, in order (repeated fields appear once per element). */
export function readFields(buffer: Uint8Array): Field[] {
  const fields: Field[] = [];
  let pos = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (pos >= buffer.length) throw new Error('protobuf: truncated varint');
      if (shift > 63n) throw new Error('protobuf: varint longer than 10 bytes');
      const byte = buffer[pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
  };
  const take = (length: number): Uint8Array => {
    if (pos + length > buffer.length) throw new Error(`protobuf: field runs past the end (${pos + length} > ${buffer.length})`);
    const slice = buffer.subarray(pos, pos + length);
    pos += length;
    return slice;
  };
  while (pos < buffer.length) {
    const tag = readVarint();
    const number = Number(tag >> 3n);
    const wireType = Number(tag & 7n);
    if (number === 0) throw new Error('protobuf: field number 0');
    if (wireType === VARINT) fields.push({ number, wireType, varint: readVarint() });
    else if (wireType === FIXED64) fields.push({ number, wireType, fixed64: take(8) });
    else if (wireType === LENGTH_DELIMITED) fields.push({ number, wireType, bytes: take(Number(readVarint())) });
    else if (wireType === FIXED32) take(4);
    else throw new Error(`protobuf: wire type ${wireType} (groups) is not used by OTLP`);
  }
  return fields;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const messages = (fields: Field[], number: number): Uint8Array[] =>
  fields.filter((field) => field.number === number && field.wireType === LENGTH_DELIMITED).map((field) => field.bytes!);
const message = (fields: Field[], number: number): Uint8Array | undefined => messages(fields, number).at(-1);
const string = (fields: Field[], number: number): string | undefined => {
  const bytes = message(fields, number);
  return bytes === undefined ? undefined : utf8.decode(bytes);
};
const fixed64 = (fields: Field[], number: number): Uint8Array | undefined =>
  fields.filter((field) => field.number === number && field.wireType === FIXED64).at(-1)?.fixed64;
const varint = (fields: Field[], number: number): bigint | undefined =>
  fields.filter((field) => field.number === number && field.wireType === VARINT).at(-1)?.varint;

/** AnyValue: string_value 1, bool_value 2, int_value 3 (int64 varint), double_value 4. */
function anyValue(bytes: Uint8Array): OtlpValue {
  const fields = readFields(bytes);
  const stringValue = string(fields, 1);
  if (stringValue !== undefined) return { stringValue };
  const boolValue = varint(fields, 2);
  if (boolValue !== undefined) return { boolValue: boolValue !== 0n };
  const intValue = varint(fields, 3);
  if (intValue !== undefined) return { intValue: BigInt.asIntN(64, intValue).toString() };
  const doubleValue = fixed64(fields, 4);
  if (doubleValue !== undefined) return { doubleValue: view(doubleValue).getFloat64(0, true) };
  return {};
}

/** Repeated KeyValue (key 1, value 2) at `number`. */
function attributes(fields: Field[], number: number): OtlpAttribute[] {
  return messages(fields, number).map((bytes) => {
    const keyValue = readFields(bytes);
    const value = message(keyValue, 2);
    return { key: string(keyValue, 1) ?? '', value: value === undefined ? {} : anyValue(value) };
  });
}

/** NumberDataPoint: start_time_unix_nano 2, time_unix_nano 3 (fixed64), as_double 4, as_int 6 (sfixed64), attributes 7. */
function numberDataPoint(bytes: Uint8Array): OtlpPoint {
  const fields = readFields(bytes);
  const start = fixed64(fields, 2);
  const time = fixed64(fields, 3);
  const asDouble = fixed64(fields, 4);
  const asInt = fixed64(fields, 6);
  return {
    attributes: attributes(fields, 7),
    startTimeUnixNano: start === undefined ? undefined : view(start).getBigUint64(0, true).toString(),
    timeUnixNano: time === undefined ? '0' : view(time).getBigUint64(0, true).toString(),
    ...(asDouble !== undefined ? { asDouble: view(asDouble).getFloat64(0, true) } : {}),
    ...(asInt !== undefined ? { asInt: view(asInt).getBigInt64(0, true).toString() } : {}),
  };
}

/** Metric: name 1, description 2, unit 3, gauge 5 (data_points 1), sum 7 (data_points 1, aggregation_temporality 2, is_monotonic 3). */
function metric(bytes: Uint8Array): OtlpMetric {
  const fields = readFields(bytes);
  const result: OtlpMetric = { name: string(fields, 1) ?? '', description: string(fields, 2) ?? '', unit: string(fields, 3) ?? '' };
  const gauge = message(fields, 5);
  if (gauge !== undefined) result.gauge = { dataPoints: messages(readFields(gauge), 1).map(numberDataPoint) };
  const sum = message(fields, 7);
  if (sum !== undefined) {
    const sumFields = readFields(sum);
    result.sum = {
      dataPoints: messages(sumFields, 1).map(numberDataPoint),
      aggregationTemporality: Number(varint(sumFields, 2) ?? 0n),
      isMonotonic: (varint(sumFields, 3) ?? 0n) !== 0n,
    };
  }
  return result;
}

/**
 * ExportMetricsServiceRequest: resource_metrics 1 → ResourceMetrics: resource 1 (Resource: attributes 1),
 * scope_metrics 2 → ScopeMetrics: scope 1 (InstrumentationScope: name 1), metrics 2.
 */
export function decodeMetricsRequest(body: Uint8Array): OtlpRequest {
  return {
    resourceMetrics: messages(readFields(body), 1).map((resourceMetricsBytes) => {
      const resourceMetrics = readFields(resourceMetricsBytes);
      const resource = message(resourceMetrics, 1);
      return {
        resource: { attributes: resource === undefined ? [] : attributes(readFields(resource), 1) },
        scopeMetrics: messages(resourceMetrics, 2).map((scopeMetricsBytes) => {
          const scopeMetrics = readFields(scopeMetricsBytes);
          const scope = message(scopeMetrics, 1);
          return { scope: { name: scope === undefined ? '' : (string(readFields(scope), 1) ?? '') }, metrics: messages(scopeMetrics, 2).map(metric) };
        }),
      };
    }),
  };
}
