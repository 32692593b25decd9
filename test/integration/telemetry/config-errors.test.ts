/**
 * A telemetry block the agent cannot honour stops `run` at start with exit 2 and the key on stderr (the
 * contract's bad-configuration status), rather than running without the export an IT team asked for.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { runAgentProcess, startAgentProcess } from '../../support/agent-process';
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
  it('refuses a protocol other than http/json and http/protobuf, naming the key and the two accepted', async () => {
    const result = await runWith({ otlp: { endpoint: 'http://127.0.0.1:4318', protocol: 'grpc' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('telemetry.otlp.protocol: must be "http/json" or "http/protobuf"');
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

describe('run --config when the Prometheus port is taken', () => {
  it('keeps monitoring without the endpoint, logs why, and status shows it', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const address = squatter.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const temp = makeTempDir('vtc-telemetry-port-');
      temps.push(temp);
      const configFile = join(temp.dir, 'config.json');
      const dataDir = join(temp.dir, 'data');
      writeFileSync(configFile, JSON.stringify({ telemetry: { prometheus: { port } } }));
      const agent = await startAgentProcess(['run', '--data-dir', dataDir, '--config', configFile, '--ingest-port', '0'], ['data-dir', 'ingest']);
      try {
        expect(agent.lines.has('metrics')).toBe(false);
        expect(agent.stderr()).toMatch(/"msg":"telemetry not started".*EADDRINUSE/);
        const status = await runAgentProcess(['status', '--json', '--data-dir', dataDir]);
        expect(JSON.parse(status.stdout)).toMatchObject({ telemetry: { otlp: 'off', lastError: { message: expect.stringContaining('EADDRINUSE') } } });
      } finally {
        expect(await agent.stop()).toBe(0);
      }
    } finally {
      squatter.close();
    }
  });
});
