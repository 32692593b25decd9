/** The sync worker's saved status (migration 002 `sync_status`, one row): what `status` shows from a shell. */
import type { OutboxContext } from './context';
import type { SyncStatusRecord } from './types';

export interface SyncStatusStore {
  /** Saves the worker's status; call inside the worker's own transaction. */
  saveSyncStatus(record: Omit<SyncStatusRecord, 'updatedAtMs'>): void;
  /** The last saved status, or undefined when no worker ever ran on this database. */
  syncStatus(): SyncStatusRecord | undefined;
}

export function createSyncStatusStore(ctx: OutboxContext): SyncStatusStore {
  const upsert = ctx.db.prepare(`INSERT INTO sync_status (id, status_json, updated_at) VALUES (1, ?, ?)
    ON CONFLICT (id) DO UPDATE SET status_json = excluded.status_json, updated_at = excluded.updated_at`);
  const select = ctx.db.prepare<[], { status_json: string; updated_at: number }>('SELECT status_json, updated_at FROM sync_status WHERE id = 1');
  return {
    saveSyncStatus(record) {
      upsert.run(JSON.stringify(record), ctx.now());
    },
    syncStatus() {
      const row = select.get();
      if (!row) return undefined;
      // status_json is written only by saveSyncStatus, from this type.
      return { ...(JSON.parse(row.status_json) as Omit<SyncStatusRecord, 'updatedAtMs'>), updatedAtMs: row.updated_at };
    },
  };
}
