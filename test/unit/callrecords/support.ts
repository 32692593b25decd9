/** A call-records cache over a fresh SQLite file per test (created before, removed after each). */
import { afterEach, beforeEach } from 'vitest';
import { createCallRecordCache, type CallRecordCache } from '../../../electron/core/callrecords/cache';
import type { Db } from '../../../electron/core/db/database';
import { tempDb, type TempDb } from '../outbox/support/temp-db';

export function useTempCache(): { readonly cache: CallRecordCache; readonly db: Db } {
  let temp: TempDb | undefined;
  let cache: CallRecordCache | undefined;
  beforeEach(() => {
    temp = tempDb({ synchronous: 'NORMAL' });
    cache = createCallRecordCache(temp.db);
  });
  afterEach(() => temp?.cleanup());
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the cache exists only inside a test');
    return value;
  };
  return {
    get cache() {
      return opened(cache);
    },
    get db() {
      return opened(temp).db;
    },
  };
}
