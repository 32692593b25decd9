// The quarantine of refused bodies (electron/core/ingest/quarantine.ts): bounded by rows and bytes, oldest out.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database';
import { createQuarantine, type QuarantineEntry } from '../../../electron/core/ingest/quarantine';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function tempDb(): Db {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(dir);
  cleanups.push(() => {
    db.close();
    cleanup();
  });
  return db;
}

const entry = (n: number, body = `{"n":${n}}`): QuarantineEntry => ({
  receivedAt: 1_000 + n,
  endpoint: 'POST /api/v1/reports',
  remoteAddress: '127.0.0.1',
  tokenName: 'gateway',
  reasonCode: 'validation_failed',
  issues: [{ path: 'quality', message: 'is required' }],
  body: Buffer.from(body),
});

describe('quarantine', () => {
  it('keeps what the operator needs', () => {
    const quarantine = createQuarantine(tempDb());
    quarantine.add(entry(1));
    expect(quarantine.list()).toEqual([
      {
        id: 1,
        receivedAt: 1_001,
        endpoint: 'POST /api/v1/reports',
        remoteAddress: '127.0.0.1',
        tokenName: 'gateway',
        reasonCode: 'validation_failed',
        issues: [{ path: 'quality', message: 'is required' }],
        bodyBytes: 7,
        bodyExcerpt: '{"n":1}',
        excerptTruncated: false,
      },
    ]);
  });

  it('keeps at most maxRows, dropping the oldest', () => {
    const quarantine = createQuarantine(tempDb(), { maxRows: 3, maxBytes: 1_000_000, excerptBytes: 1024 });
    for (let n = 1; n <= 10; n++) quarantine.add(entry(n));
    expect(quarantine.list().map((row) => row.receivedAt)).toEqual([1_010, 1_009, 1_008]);
  });

  it('keeps at most maxBytes, dropping the oldest, and cuts each body to the excerpt size', () => {
    const db = tempDb();
    const quarantine = createQuarantine(db, { maxRows: 1_000, maxBytes: 5_000, excerptBytes: 1_000 });
    for (let n = 1; n <= 20; n++) quarantine.add(entry(n, 'x'.repeat(3_000)));
    const rows = quarantine.list();
    expect(rows.every((row) => row.bodyExcerpt.length === 1_000 && row.excerptTruncated && row.bodyBytes === 3_000)).toBe(true);
    const storedBytes = db.prepare('SELECT SUM(stored_bytes) FROM quarantine').pluck().get() as number;
    expect(storedBytes).toBeLessThanOrEqual(5_000);
    expect(rows[0]!.receivedAt).toBe(1_020);
  });

  it('bounds the issues of one body', () => {
    const quarantine = createQuarantine(tempDb());
    const issues = Array.from({ length: 5_000 }, (_, i) => ({ path: `quality.mediaQualityList[${i}].channelIndex`, message: 'is required' }));
    quarantine.add({ ...entry(1), issues });
    const [row] = quarantine.list();
    expect(row!.issues.length).toBeLessThan(issues.length);
    expect(row!.issues.at(-1)!.message).toMatch(/more issues/);
  });
});
