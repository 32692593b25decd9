/**
 * A stand-in OpenTelemetry Collector for tests: an OTLP/HTTP receiver on 127.0.0.1 that takes
 * `POST /v1/metrics` (or any path the exporter was given), decodes the ExportMetricsServiceRequest by its
 * content type, as a collector does (`application/json`, or `application/x-protobuf` through
 * ./otlp-protobuf.ts), answers 415 to any other, and keeps every request with its headers. It can answer
 * a status (503) for a while, the way a collector restarting behind a load balancer does.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeMetricsRequest } from './otlp-protobuf';

export interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
}
export interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
export interface OtlpPoint {
  attributes?: OtlpAttribute[];
  timeUnixNano: string;
  startTimeUnixNano?: string;
  asDouble?: number;
  asInt?: number | string;
}
export interface OtlpMetric {
  name: string;
  unit?: string;
  description?: string;
  gauge?: { dataPoints: OtlpPoint[] };
  sum?: { dataPoints: OtlpPoint[]; isMonotonic?: boolean; aggregationTemporality?: number };
}
export interface OtlpRequest {
  resourceMetrics: Array<{ resource: { attributes: OtlpAttribute[] }; scopeMetrics: Array<{ scope: { name: string }; metrics: OtlpMetric[] }> }>;
}

export interface ReceivedExport {
  atMs: number;
  headers: IncomingHttpHeaders;
  path: string;
  body: OtlpRequest;
  /** The status this receiver answered. */
  status: number;
}

/** A flat data point with its metric and attributes as a plain object. */
export interface FlatPoint {
  metric: string;
  unit?: string;
  value: number;
  timeUnixNano: bigint;
  attributes: Record<string, string | number | boolean>;
  resource: Record<string, string | number | boolean>;
  scope: string;
  monotonic?: boolean;
}

export function attributesOf(list: readonly OtlpAttribute[] | undefined): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const { key, value } of list ?? []) {
    if (value.stringValue !== undefined) result[key] = value.stringValue;
    else if (value.intValue !== undefined) result[key] = Number(value.intValue);
    else if (value.doubleValue !== undefined) result[key] = value.doubleValue;
    else if (value.boolValue !== undefined) result[key] = value.boolValue;
  }
  return result;
}

export function flatten(body: OtlpRequest): FlatPoint[] {
  const points: FlatPoint[] = [];
  for (const resourceMetrics of body.resourceMetrics) {
    const resource = attributesOf(resourceMetrics.resource.attributes);
    for (const scopeMetrics of resourceMetrics.scopeMetrics) {
      for (const metric of scopeMetrics.metrics) {
        const dataPoints = metric.gauge?.dataPoints ?? metric.sum?.dataPoints ?? [];
        for (const point of dataPoints) {
          points.push({
            metric: metric.name,
            unit: metric.unit,
            value: point.asDouble ?? Number(point.asInt),
            timeUnixNano: BigInt(point.timeUnixNano),
            attributes: attributesOf(point.attributes),
            resource,
            scope: scopeMetrics.scope.name,
            monotonic: metric.sum?.isMonotonic,
          });
        }
      }
    }
  }
  return points;
}

export type ReceivedPoint = FlatPoint & { atMs: number };

export interface OtlpReceiver {
  url: string;
  received: ReceivedExport[];
  /** Accepted exports, flattened, with the time each arrived. */
  points(): ReceivedPoint[];
  /** Answer `status` to every request until `clear()`. */
  fail(status: number): void;
  clear(): void;
  /** Resolves with the first accepted point matching, as soon as it arrives (rejects after timeoutMs). */
  waitForPoint(match: (point: ReceivedPoint) => boolean, timeoutMs?: number): Promise<ReceivedPoint>;
  /** Resolves once `check()` holds, checked on every request received (rejects after timeoutMs). */
  waitUntil(check: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: ReceivedExport[] = [];
  const watchers = new Set<() => void>();
  let failStatus: number | undefined;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = failStatus ?? 200;
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (request.method !== 'POST' || (mediaType !== 'application/json' && mediaType !== 'application/x-protobuf')) {
        response.writeHead(request.method === 'POST' ? 415 : 405).end(`expected POST with application/json or application/x-protobuf, got ${request.method} ${mediaType}`);
        return;
      }
      let body: OtlpRequest;
      try {
        const bytes = Buffer.concat(chunks);
        body = mediaType === 'application/x-protobuf' ? decodeMetricsRequest(bytes) : (JSON.parse(bytes.toString('utf8')) as OtlpRequest);
      } catch (error) {
        response.writeHead(400).end(`undecodable ${mediaType}: ${String(error)}`);
        return;
      }
      received.push({ atMs: Date.now(), headers: request.headers, path: request.url ?? '', body, status });
      // A success answers an empty ExportMetricsServiceResponse in the request's encoding (zero bytes in protobuf).
      const answer = status === 200 ? (mediaType === 'application/json' ? '{}' : '') : '{"code":14,"message":"collector unavailable"}';
      response.writeHead(status, { 'content-type': status === 200 ? mediaType : 'application/json' }).end(answer);
      for (const watch of [...watchers]) watch();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const accepted = () => received.filter((entry) => entry.status === 200);
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    points: () => accepted().flatMap((entry) => flatten(entry.body).map((point) => ({ ...point, atMs: entry.atMs }))),
    fail: (status) => {
      failStatus = status;
    },
    clear: () => {
      failStatus = undefined;
    },
    waitForPoint: (match, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const look = (): boolean => {
          for (const entry of accepted()) {
            const point = flatten(entry.body)
              .map((flat) => ({ ...flat, atMs: entry.atMs }))
              .find(match);
            if (point) {
              resolve(point);
              return true;
            }
          }
          return false;
        };
        if (look()) return;
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error(`no matching point within ${timeoutMs} ms (${received.length} requests received)`));
        }, timeoutMs);
        const watch = (): void => {
          if (!look()) return;
          clearTimeout(timer);
          watchers.delete(watch);
        };
        watchers.add(watch);
      }),
    waitUntil: (check, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        if (check()) return resolve();
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error(`condition not met within ${timeoutMs} ms (${received.length} requests received)`));
        }, timeoutMs);
        const watch = (): void => {
          if (!check()) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve();
        };
        watchers.add(watch);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
