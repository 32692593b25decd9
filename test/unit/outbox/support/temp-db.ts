/** Each test gets its own data directory with a real SQLite database (../shared/design/examples-to-follow.md #9: no mocks). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db, type Synchronous } from '../../../../electron/core/db/database';

export interface TempDb {
  dir: string;
  db: Db;
  reopen(): Db;
  cleanup(): void;
}

export function tempDb(options: { synchronous?: Synchronous } = {}): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'vtc-outbox-'));
  const handle: TempDb = {
    dir,
    db: openDatabase(dir, options),
    reopen() {
      if (handle.db.open) handle.db.close();
      handle.db = openDatabase(dir, options);
      return handle.db;
    },
    cleanup() {
      if (handle.db.open) handle.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}
