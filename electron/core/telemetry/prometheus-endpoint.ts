/**
 * The Prometheus scrape endpoint (`telemetry.prometheus`): GET /metrics answers with the instruments in the
 * Prometheus text format, serialized by @opentelemetry/exporter-prometheus under the names of
 * prometheus-names.ts. Loopback only unless the administrator's file opens it to the LAN, and the same Host
 * guard as the ingest API (a DNS-rebinding page must not read the room list from the operator's browser).
 * Its own reader collects on each scrape; nothing is computed between scrapes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { MetricReader } from '@opentelemetry/sdk-metrics';
import { isLoopbackHost } from '../../../shared/config/hosts';
import { checkHost, type HostPolicy } from '../ingest/guards/host';
import { closeGracefully, listenOn } from '../http-lifecycle';
import { errorBody } from '../ingest/errors';
import { gaugesAsDelta } from './temporality';
import { withPrometheusNames } from './prometheus-names';

export const METRICS_PATH = '/metrics';
const CLOSE_GRACE_MS = 1_000;

/** Collects on demand (each scrape). */
export class ScrapeReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: gaugesAsDelta });
  }
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

export interface PrometheusEndpoint {
  /** e.g. http://127.0.0.1:9464/metrics */
  url: string;
  close(): Promise<void>;
}

export async function startPrometheusEndpoint(options: { host: string; port: number; reader: ScrapeReader; allowLan: boolean; onError?: (error: unknown) => void }): Promise<PrometheusEndpoint> {
  const { host, reader } = options;
  if (!options.allowLan && !isLoopbackHost(host)) {
    throw new Error(`Refusing to serve metrics on ${host}: telemetry.prometheus.host may name a LAN address only in the administrator's configuration file`);
  }
  const serializer = new PrometheusSerializer(undefined, false);
  let policy: HostPolicy = { bindHost: host, port: options.port };

  const answer = (response: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
    response.end(body);
  };
  const refuse = (response: ServerResponse, status: number, code: string, message: string, headers?: Record<string, string>): void =>
    answer(response, status, 'application/json; charset=utf-8', JSON.stringify(errorBody({ status, code, message, details: [] })), headers);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const hostCheck = checkHost(request.headers.host, policy);
    if (!hostCheck.ok) return refuse(response, hostCheck.error.status, hostCheck.error.code, hostCheck.error.message);
    const path = (request.url ?? '/').split('?', 1)[0];
    if (path !== METRICS_PATH) return refuse(response, 404, 'not_found', `Metrics are served at ${METRICS_PATH}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'method_not_allowed', 'Use GET', { allow: 'GET, HEAD' });
    const { resourceMetrics, errors } = await reader.collect();
    for (const error of errors) options.onError?.(error);
    answer(response, 200, 'text/plain; version=0.0.4; charset=utf-8', request.method === 'HEAD' ? '' : serializer.serialize(withPrometheusNames(resourceMetrics)));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onError?.(error);
      if (!response.headersSent) refuse(response, 500, 'internal', 'The metrics could not be collected');
      else response.destroy();
    });
  });
  const port = await listenOn(server, host, options.port);
  policy = { ...policy, port };
  const urlHost = isIP(host) === 6 ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}${METRICS_PATH}`,
    close: () => closeGracefully(server, CLOSE_GRACE_MS),
  };
}
