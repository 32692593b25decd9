/**
 * The core's side of telemetry: what the instruments read (the tracker's rooms, device kinds from the
 * configuration, outbox counts, the delivery tally fed by the sync worker's attempts), and restarting the
 * service when the `telemetry` settings change. Kept out of core.ts so the composition stays one page.
 */
import { telemetryConfigSchema, type AppConfig } from '../../../shared/config/schema';
import { TELEMETRY_OFF, type TelemetryStatusView, type TelemetryTestRequest, type TelemetryTestView } from '../../../shared/api/telemetry';
import { ConfigError } from '../config/load';
import type { LegTracker } from '../legs';
import type { Logger } from '../log/logger';
import type { Outbox } from '../outbox';
import type { SyncWorker } from '../sync';
import { createDeliveryTally, metricsUrlOf, saveTelemetryStatus, startTelemetry, testTelemetryExport, type Telemetry, type TelemetrySources } from '../telemetry';
import { errorMessage } from '../../../shared/error-message';

export interface TelemetryWiring {
  readonly sources: TelemetrySources;
  readonly current: Telemetry;
  /** Restarts the service when the effective `telemetry` block changed. */
  apply(config: AppConfig): Promise<void>;
  /** Settings' "Test export". The configured headers (an API key) go only to the configured endpoint. */
  testExport(request: TelemetryTestRequest): Promise<TelemetryTestView>;
  stop(): Promise<void>;
}

export async function wireTelemetry(options: {
  config: () => AppConfig;
  managedKeys: readonly string[];
  tracker: LegTracker;
  outbox: Outbox;
  sync: SyncWorker;
  dataDir: string;
  version: string;
  log: Logger;
  now: () => number;
  onStatus: (view: TelemetryStatusView) => void;
}): Promise<TelemetryWiring> {
  const tally = createDeliveryTally();
  options.sync.on('attempt', (attempt) => tally.record(attempt.outcome));
  let kinds: { config: AppConfig; byDevice: Map<string, string> } | undefined;
  const sources: TelemetrySources = {
    rooms: () => options.tracker.snapshot(),
    deviceKind: (deviceId) => {
      const config = options.config();
      if (kinds?.config !== config) kinds = { config, byDevice: new Map(config.rooms.flatMap((room) => room.devices.map((device) => [device.id, device.kind]))) };
      return kinds.byDevice.get(deviceId);
    },
    outboxCounts: () => options.outbox.stats().counts,
    deliveries: tally.counts,
  };
  // Saved for `status` in another process (also "off", so a disabled export does not show a stale state).
  const publish = (view: TelemetryStatusView): void => {
    try {
      saveTelemetryStatus(options.dataDir, view);
    } catch (error) {
      options.log.warn('telemetry status not saved', { error: errorMessage(error) });
    }
    options.onStatus(view);
  };
  const managed = options.managedKeys.includes('telemetry');
  const start = async (config: AppConfig): Promise<Telemetry> => {
    let telemetry: Telemetry;
    try {
      telemetry = await startTelemetry({ config: config.telemetry, allowLan: managed, version: options.version, sources, log: options.log, now: options.now, onStatus: publish });
    } catch (error) {
      // A bad administrator's file stops the agent with its reason (exit 2); anything else (a port in use, a
      // value saved from Settings) must not stop monitoring: the core runs without telemetry and says why.
      if (error instanceof ConfigError && managed) throw error;
      const message = `telemetry not started: ${errorMessage(error)}`;
      options.log.error('telemetry not started', { error: errorMessage(error) });
      const failed: TelemetryStatusView = { ...TELEMETRY_OFF, lastError: { at: new Date(options.now()).toISOString(), message } };
      telemetry = { status: () => failed, stop: async () => undefined };
    }
    publish(telemetry.status());
    return telemetry;
  };

  let applied = JSON.stringify(options.config().telemetry ?? null);
  let current = await start(options.config());
  return {
    sources,
    get current() {
      return current;
    },
    async apply(config) {
      const next = JSON.stringify(config.telemetry ?? null);
      if (next === applied) return;
      await current.stop();
      applied = next;
      current = await start(config);
    },
    testExport(request) {
      const configured = options.config().telemetry?.otlp;
      const sameEndpoint = configured !== undefined && metricsUrlOf(configured.endpoint) === metricsUrlOf(request.endpoint);
      const otlp = telemetryConfigSchema.shape.otlp.unwrap().parse({
        endpoint: request.endpoint,
        protocol: request.protocol ?? 'http/json',
        headers: sameEndpoint ? configured.headers : {},
      });
      return testTelemetryExport({ otlp, version: options.version, sources, now: options.now });
    },
    stop: () => current.stop(),
  };
}
