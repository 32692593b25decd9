/**
 * Settings the operator changed in the UI, kept in the `settings` table: non-secret values as JSON, and
 * secrets only as ciphertext produced by the shell's SecretCipher (Electron safeStorage). The core never
 * holds a key: without a cipher (the headless agent) it refuses to store a secret rather than keep it in clear.
 */
import { z } from 'zod';
import type { Db } from '../db/database';
import type { ValidationIssue } from '../../../shared/validation';
import type { StoredSettings } from '../../../shared/config/stored-settings';

export interface SecretCipher {
  encrypt(plainText: string): Promise<Buffer>;
  decrypt(cipherText: Buffer): Promise<string>;
}

const LOCAL_KEY = 'local';
/** What the running agent found wrong with its settings when it last applied them (for `status` elsewhere). */
const PROBLEMS_KEY = 'problems';
const problemsSchema = z.array(z.object({ path: z.string(), message: z.string() }));
const SECRET_PREFIX = 'secret:';
const cipherTextSchema = z.string().min(1);

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface SettingsStore {
  /** The stored row as written, unparsed (settings/stored.ts reads it); undefined when never saved. */
  readLocalText(): string | undefined;
  writeLocal(value: StoredSettings): void;
  readProblems(): ValidationIssue[];
  writeProblems(problems: readonly ValidationIssue[]): void;
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
    readLocalText: () => get.get(LOCAL_KEY)?.value_json,
    writeLocal: (value) => {
      put.run(LOCAL_KEY, JSON.stringify(value), new Date(now()).toISOString());
    },
    readProblems: () => {
      const row = get.get(PROBLEMS_KEY);
      if (!row) return [];
      const parsed = problemsSchema.safeParse(safeJson(row.value_json));
      return parsed.success ? parsed.data : [{ path: 'settings', message: 'the saved list of settings problems is unreadable' }];
    },
    writeProblems: (problems) => {
      put.run(PROBLEMS_KEY, JSON.stringify(problems), new Date(now()).toISOString());
    },
    readSecretCipherText: (name) => {
      const row = get.get(SECRET_PREFIX + name);
      if (!row) return undefined;
      // A damaged row reads as "not set": the operator types the secret again instead of the app failing to start.
      const parsed = cipherTextSchema.safeParse(safeJson(row.value_json));
      return parsed.success ? Buffer.from(parsed.data, 'base64') : undefined;
    },
    writeSecretCipherText: (name, cipherText) => {
      put.run(SECRET_PREFIX + name, JSON.stringify(cipherText.toString('base64')), new Date(now()).toISOString());
    },
    secretNames: () => names.all(SECRET_PREFIX).map((row) => row.key.slice(SECRET_PREFIX.length)),
  };
}

