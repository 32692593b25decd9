/**
 * A telemetry block the agent cannot honour stops `run` at start with exit 2 and the key on stderr (the
 * contract's bad-configuration status), rather than running without the export an IT team asked for.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAgentProcess } from '../../support/agent-process';
import { makeTempDir } from '../../support/temp-dir';

const temps: Array<{ cleanup: () => void }> = [];
afterEach(() => {
  for (const temp of temps.splice(0)) temp.cleanup();
});

async function runWith(telemetry: unknown) {
  const temp = makeTempDir('vtc-telemetry-config-');
  temps.push(temp);
  const configFile = join(temp.dir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ telemetry }));
  return runAgentProcess(['run', '--data-dir', join(temp.dir, 'data'), '--config', configFile, '--ingest-port', '0']);
}

describe('run --config with a telemetry block it cannot honour', () => {
  it('refuses http/protobuf, which the shipped exporter cannot send, naming the key', async () => {
    const result = await runWith({ otlp: { endpoint: 'http://127.0.0.1:4318', protocol: 'http/protobuf' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/telemetry\.otlp\.protocol: http\/protobuf needs the package @opentelemetry\/exporter-metrics-otlp-proto.*use "http\/json"/);
  });

  it('names the header whose environment variable is not set, and a bad interval', async () => {
    const unset = await runWith({ otlp: { endpoint: 'http://127.0.0.1:4318', headers: { 'x-api-key': { env: 'VTC_TEST_UNSET_OTLP_KEY' } } } });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('telemetry.otlp.headers.x-api-key: names environment variable VTC_TEST_UNSET_OTLP_KEY, which is not set');
    const interval = await runWith({ otlp: { endpoint: 'http://127.0.0.1:4318', intervalSeconds: 0 } });
    expect(interval.code).toBe(2);
    expect(interval.stderr).toContain('telemetry.otlp.intervalSeconds: must be at least 1 second');
  });
});
