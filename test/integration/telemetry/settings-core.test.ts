/**
 * Telemetry through the AppApi of a running core (real SQLite, real HTTP): Settings turns the Prometheus
 * endpoint on without a restart, "Test export" reaches a real receiver and shows its answer (including a
 * 503, a collector that is not there, and http/protobuf), and a `telemetry` block in the administrator's file is locked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/app/core';
import { createLogger } from '../../../electron/core/log/logger';
import type { TelemetryTestView } from '../../../shared/api/telemetry';
import { appConfigSchema } from '../../../shared/config/schema';
import type { Result } from '../../../shared/api/result';
import type { SettingsView, SyncStatusView } from '../../../shared/api/views';
import { startOtlpReceiver } from '../../support/otlp-receiver';
import { freePort } from '../../support/prometheus';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function core(managed?: { config: unknown; managedKeys: string[] }): Promise<Core> {
  const temp = makeTempDir('vtc-telemetry-core-');
  cleanups.push(temp.cleanup);
  const log = createLogger({ sink: () => undefined });
  const started = await startCore({
    log,
    transport: 'web',
    version: '0.0.0-test',
    dataDir: temp.dir,
    ingest: { enabled: false },
    ...(managed && { managed: { config: appConfigSchema.parse(managed.config), managedKeys: managed.managedKeys } }),
  });
  cleanups.push(() => started.stop({ timeoutMs: 2_000 }));
  return started;
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('telemetry settings in a running core', () => {
  it('turns the Prometheus endpoint on from Settings, without a restart, on loopback', async () => {
    const running = await core();
    expect(running.metricsUrl).toBeUndefined();
    expect(value<SyncStatusView>(await running.dispatch('getSyncStatus', undefined)).telemetry).toMatchObject({ otlp: 'off' });
    const port = await freePort();
    const view = value<SettingsView>(await running.dispatch('updateSettings', { telemetry: { otlp: null, prometheus: { port } } }));
    expect(view.telemetry).toEqual({ otlp: null, prometheus: { host: '127.0.0.1', port } });
    // updateSettings applied the settings: the endpoint answers now.
    expect(running.metricsUrl).toBe(`http://127.0.0.1:${port}/metrics`);
    const scrape = await fetch(running.metricsUrl!);
    expect(await scrape.text()).toMatch(/^vtc_outbox_reports\{vtc_report_state="pending"/m);
  });

  it('Test export shows the collector’s answer: accepted, busy (503), or nobody listening', async () => {
    const receiver = await startOtlpReceiver();
    cleanups.push(() => receiver.close());
    const running = await core();
    const accepted = value<TelemetryTestView>(await running.dispatch('testTelemetryExport', { endpoint: receiver.url }));
    expect(accepted).toMatchObject({ ok: true, endpoint: `${receiver.url}/v1/metrics` });
    expect(accepted.message).toMatch(/^the collector accepted \d+ data points$/);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.points().map((point) => point.metric)).toContain('vtc.outbox.reports');

    receiver.fail(503);
    const busy = value<TelemetryTestView>(await running.dispatch('testTelemetryExport', { endpoint: receiver.url }));
    expect(busy).toMatchObject({ ok: false, message: 'the collector is busy or unavailable (HTTP 429, 502, 503 or 504), retried' });

    receiver.fail(400);
    const refused = value<TelemetryTestView>(await running.dispatch('testTelemetryExport', { endpoint: receiver.url }));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^the collector answered HTTP 400: .*collector unavailable/) });

    const nobody = value<TelemetryTestView>(await running.dispatch('testTelemetryExport', { endpoint: 'http://127.0.0.1:9/' }));
    expect(nobody).toMatchObject({ ok: false, message: expect.stringContaining('ECONNREFUSED') });

    receiver.clear();
    const protobuf = value<TelemetryTestView>(await running.dispatch('testTelemetryExport', { endpoint: receiver.url, protocol: 'http/protobuf' }));
    expect(protobuf).toMatchObject({ ok: true, message: expect.stringMatching(/^the collector accepted \d+ data points$/) });
    expect(receiver.received.at(-1)?.headers['content-type']).toBe('application/x-protobuf');
  });

  it('locks telemetry set by the administrator’s file and sends its headers only to its own endpoint', async () => {
    const receiver = await startOtlpReceiver();
    cleanups.push(() => receiver.close());
    const running = await core({ config: { telemetry: { otlp: { endpoint: receiver.url, headers: { 'x-api-key': 'fleet-key-0d2c' }, intervalSeconds: 3600 } } }, managedKeys: ['telemetry'] });
    const refused = await running.dispatch('updateSettings', { telemetry: { otlp: null, prometheus: null } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });
    const view = value<SettingsView>(await running.dispatch('getSettings', undefined));
    expect(view.telemetry).toEqual({ otlp: { endpoint: receiver.url, protocol: 'http/json', intervalSeconds: 3600, headerNames: ['x-api-key'] }, prometheus: null });
    expect(JSON.stringify(view)).not.toContain('fleet-key-0d2c');

    await running.dispatch('testTelemetryExport', { endpoint: `${receiver.url}/` });
    expect(receiver.received.at(-1)?.headers['x-api-key']).toBe('fleet-key-0d2c');
    const other = await startOtlpReceiver();
    cleanups.push(() => other.close());
    await running.dispatch('testTelemetryExport', { endpoint: other.url });
    expect(other.received).toHaveLength(1);
    expect(other.received[0]!.headers['x-api-key']).toBeUndefined();
  });
});
