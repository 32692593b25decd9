/**
 * Settings the operator changed in the UI, kept in the `settings` table: non-secret values as JSON, and
 * secrets only as ciphertext produced by the shell's SecretCipher (Electron safeStorage). The core never
 * holds a key: without a cipher (the headless agent) it refuses to store a secret rather than keep it in clear.
 */
import type { Db } from '../db/database';

export interface SecretCipher {
  encrypt(plainText: string): Promise<Buffer>;
  decrypt(cipherText: Buffer): Promise<string>;
}

const LOCAL_KEY = 'local';
const SECRET_PREFIX = 'secret:';

export interface SettingsStore {
  readLocal(): Record<string, unknown>;
  writeLocal(value: Record<string, unknown>): void;
  readSecretCipherText(name: string): Buffer | undefined;
  writeSecretCipherText(name: string, cipherText: Buffer): void;
  secretNames(): string[];
}

export function createSettingsStore(db: Db, now: () => number = Date.now): SettingsStore {
  const get = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?');
  const put = db.prepare(
    'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
  );
  const names = db.prepare<[string], { key: string }>("SELECT key FROM settings WHERE key LIKE ? || '%'");
  return {
    readLocal: () => {
      const row = get.get(LOCAL_KEY);
      return row ? (JSON.parse(row.value_json) as Record<string, unknown>) : {};
    },
    writeLocal: (value) => {
      put.run(LOCAL_KEY, JSON.stringify(value), new Date(now()).toISOString());
    },
    readSecretCipherText: (name) => {
      const row = get.get(SECRET_PREFIX + name);
      return row ? Buffer.from(JSON.parse(row.value_json) as string, 'base64') : undefined;
    },
    writeSecretCipherText: (name, cipherText) => {
      put.run(SECRET_PREFIX + name, JSON.stringify(cipherText.toString('base64')), new Date(now()).toISOString());
    },
    secretNames: () => names.all(SECRET_PREFIX).map((row) => row.key.slice(SECRET_PREFIX.length)),
  };
}
