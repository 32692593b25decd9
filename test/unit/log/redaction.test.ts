import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/core/log/logger';
import { createFileLogSink } from '../../../electron/core/log/file-sink';
import { registerConfigSecrets } from '../../../electron/core/config/secrets';
import { parseConfigText } from '../../../electron/core/config/load';
import { makeTempDir } from '../../support/temp-dir';

const SECRET = 'Zq8~s3cr3t-client-value_1234';
const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

function capture() {
  const lines: string[] = [];
  const log = createLogger({ sink: (line) => lines.push(line), level: 'debug' });
  return { lines, log };
}

describe('log redaction', () => {
  it('masks a configured secret wherever it appears, even inside an error message', () => {
    const { lines, log } = capture();
    const config = parseConfigText(JSON.stringify({ credential: { type: 'secret', secret: SECRET } }), 'c.json');
    registerConfigSecrets(config, log.redactor, {});
    log.error('token request failed', { error: new Error(`AADSTS7000215: Invalid client secret provided: ${SECRET}`), detail: `x${SECRET}y` });
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(lines[0]).toContain('AADSTS7000215');
  });

  it('masks secret-named keys, bearer headers, JWTs, ingest tokens and private keys', () => {
    const { lines, log } = capture();
    log.info('request', {
      headers: { authorization: 'Bearer abc.def.ghi', 'user-agent': 'VTCQualityMonitor/0.1.0' },
      clientSecret: 'plain',
      note: 'sent Bearer eyJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6W119.c2ln and vtcq_AbCdEfGhIjKlMnOp',
      pem: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
    });
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record['clientSecret']).toBe('[redacted]');
    expect((record['headers'] as Record<string, string>)['authorization']).toBe('[redacted]');
    expect((record['headers'] as Record<string, string>)['user-agent']).toBe('VTCQualityMonitor/0.1.0');
    expect(lines[0]).not.toMatch(/eyJhbGci|vtcq_AbCd|MIIE|plain/);
  });

  it('resolves { env } secrets for redaction too', () => {
    const { lines, log } = capture();
    const config = parseConfigText(JSON.stringify({ credential: { type: 'secret', secret: { env: 'VTC_S' } } }), 'c.json');
    registerConfigSecrets(config, log.redactor, { VTC_S: SECRET });
    log.warn(`echo ${SECRET}`);
    expect(lines[0]).not.toContain(SECRET);
  });

  it('keeps ordinary fields and drops levels below the threshold', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (line) => lines.push(line), level: 'warn' }).child({ room: 'b30' });
    log.info('hidden');
    log.warn('shown', { lossPercent: 1.5 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'shown', room: 'b30', lossPercent: 1.5 });
  });
});

describe('rotating log file', () => {
  it('rotates at the size bound and keeps a bounded number of files', () => {
    const { dir, cleanup } = makeTempDir();
    temps.push(cleanup);
    const logs = join(dir, 'logs');
    mkdirSync(logs);
    const sink = createFileLogSink({ dir: logs, maxBytes: 1000, keepFiles: 2 });
    for (let i = 0; i < 100; i += 1) sink(`line ${i} ${'x'.repeat(80)}`);
    const files = readdirSync(logs).sort();
    expect(files).toEqual(['monitor.1.log', 'monitor.2.log', 'monitor.log']);
    for (const file of files) expect(readFileSync(join(logs, file)).length).toBeLessThanOrEqual(1000);
    expect(readFileSync(join(logs, 'monitor.log'), 'utf8')).toContain('line 99');
  });
});
