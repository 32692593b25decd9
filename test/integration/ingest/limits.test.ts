// Ingest limits that need their own server: outbox full (507), slow headers, huge streamed bodies, binding.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorResponseBody } from '../../../electron/core/ingest/errors';
import { startIngestServer } from '../../../electron/core/ingest/server';
import { seedBody } from './fixtures';
import { startHarness, type Harness } from './harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});
async function harness(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const h = await startHarness(options);
  harnesses.push(h);
  return h;
}

/** Writes raw bytes on a fresh connection and collects everything the server sends until it closes. */
function rawExchange(port: number, chunks: string[], gapMs = 0): Promise<{ text: string; elapsedMs: number; written: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let written = 0;
    socket.on('data', (data) => (text += data.toString('utf8')));
    socket.on('close', () => resolve({ text, elapsedMs: Date.now() - started, written }));
    socket.on('error', reject);
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) break;
        socket.write(chunk);
        written += 1;
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
  });
}

describe('ingest limits', () => {
  it('answers 507 when the outbox is full, stores nothing, and says the sender keeps the report', async () => {
    const h = await harness({ outboxLimits: { maxUnsentRows: 1 } });
    expect((await h.send({ path: '/api/v1/reports', body: JSON.stringify(seedBody()) })).status).toBe(202);
    const another = seedBody();
    another.quality.mediaLegId = 'c0ffee00-0000-4000-8000-000000000507';
    const reply = await h.send({ path: '/api/v1/reports', body: JSON.stringify(another) });
    expect(reply.status).toBe(507);
    expect((reply.json as ErrorResponseBody).error).toMatchObject({ code: 'outbox_full', details: [] });
    expect((reply.json as ErrorResponseBody).error.message).toMatch(/NOT stored.*retry/);
    expect(reply.headers['retry-after']).toBe('60');
    expect(h.reportCount()).toBe(1);
    expect(h.quarantine.list()).toEqual([]);
  });

  it('closes a connection whose headers do not arrive within headersTimeoutMs, with a JSON 408', async () => {
    const h = await harness({ server: { headersTimeoutMs: 400 } });
    const port = h.server.port;
    // A slowloris client: one header line every 100 ms, never the blank line that ends the headers.
    const lines = ['POST /api/v1/reports HTTP/1.1\r\n', `Host: 127.0.0.1:${port}\r\n`, ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: 1\r\n`)];
    const { text, elapsedMs, written } = await rawExchange(port, lines, 100);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain('"code":"request_timeout"');
    expect(elapsedMs).toBeGreaterThanOrEqual(350);
    // The server hung up while the client was still dribbling headers (it would need 40 × 100 ms): counted in
    // lines written, not in a wall-clock bound a loaded machine can miss.
    expect(written).toBeLessThan(lines.length);
  });

  it('answers malformed HTTP with a JSON 400', async () => {
    const h = await harness();
    const { text } = await rawExchange(h.server.port, ['NOT HTTP AT ALL\r\n\r\n']);
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toContain('"code":"bad_request"');
  });

  it('stops reading a huge chunked body at the limit and stays healthy', async () => {
    const h = await harness();
    const port = h.server.port;
    const head = `POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${h.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const chunk = 'x'.repeat(64 * 1024);
    const body = Array.from({ length: 160 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`); // 10 MiB, never finished
    const { text } = await rawExchange(port, [head, ...body]).catch((error: Error) => ({ text: String(error), elapsedMs: 0, written: 0 }));
    expect(text).toMatch(/HTTP\/1\.1 413 |ECONNRESET|EPIPE/);
    expect(h.reportCount()).toBe(0);
    const health = await h.send({ method: 'GET', path: '/api/v1/health' });
    expect(health.status).toBe(200);
  });

  it('refuses to bind a LAN address unless allowLan is set', async () => {
    const deps = { enqueueReport: () => ({ ok: true as const, id: '', state: '', existing: false }), ingestSamples: () => ({ ok: true as const, accepted: 0, drops: [] }), attachCallContext: () => ({ matchedLegs: 0, matchedReports: 0 }), health: () => ({ status: 'ok' as const, version: '', outbox: {} }), now: Date.now };
    await expect(startIngestServer({ host: '0.0.0.0', port: 0, deps, tokens: { verify: () => undefined } })).rejects.toThrow(/LAN bind/);
    const lan = await startIngestServer({ host: '0.0.0.0', port: 0, deps, tokens: { verify: () => undefined }, allowLan: true });
    await lan.close();
  });

  it('keeps at most 16 KiB of a refused body and never its Authorization header', async () => {
    const h = await harness();
    const body = JSON.stringify({ quality: { deviceName: 'y'.repeat(100 * 1024) } });
    const reply = await h.send({ path: '/api/v1/reports', body });
    expect(reply.status).toBe(400);
    const [kept] = h.quarantine.list();
    expect(kept).toMatchObject({ bodyBytes: Buffer.byteLength(body), excerptTruncated: true, reasonCode: 'validation_failed' });
    expect(kept!.bodyExcerpt.length).toBe(16 * 1024);
    const everything = JSON.stringify(h.db.prepare('SELECT * FROM quarantine').all());
    expect(everything).not.toContain(h.token);
    expect(everything).not.toMatch(/authorization/i);
  });
});
