/**
 * Reads the stored settings row (shared/config/stored-settings.ts) without trusting it: a row that is not
 * JSON is set aside whole, a row of an older version is migrated, and each key is checked on its own so one
 * bad value (an older version's save, a hand edit) costs only that value. Every value set aside becomes a
 * problem naming the setting; the app runs on the rest and on the defaults.
 */
import type { z } from 'zod';
import { migrateStoredSettings, STORED_SETTINGS_VERSION, storedSettingsSchema, type StoredSettings } from '../../../shared/config/stored-settings';
import { validate, type ValidationIssue } from '../../../shared/validation';

export interface StoredSettingsReading {
  settings: StoredSettings;
  problems: ValidationIssue[];
}

const IGNORED = 'the saved value is ignored until Settings is saved again';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseStoredSettings(text: string | undefined): StoredSettingsReading {
  const empty: StoredSettings = { version: STORED_SETTINGS_VERSION };
  if (text === undefined) return { settings: empty, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!isRecord(json)) return { settings: empty, problems: [{ path: 'settings', message: `the saved settings are unreadable (not a JSON object); defaults are used until Settings is saved again` }] };

  const row = migrateStoredSettings(json);
  const problems: ValidationIssue[] = [];
  if (row['version'] !== STORED_SETTINGS_VERSION) {
    problems.push({ path: 'settings.version', message: `is ${JSON.stringify(row['version'])}, written by another version of the app (this one reads ${STORED_SETTINGS_VERSION}); only the settings it understands are applied` });
  }
  const kept: Record<string, unknown> = { version: STORED_SETTINGS_VERSION };
  const shape: Record<string, z.ZodType | undefined> = storedSettingsSchema.shape;
  for (const [key, value] of Object.entries(row)) {
    if (key === 'version') continue;
    const schema = shape[key];
    if (!schema) {
      problems.push({ path: key, message: `is not a setting this version knows; ${IGNORED}` });
      continue;
    }
    const result = validate(schema, value, key);
    if (result.ok) kept[key] = result.value;
    else problems.push(...result.issues.map((issue) => ({ path: issue.path, message: `${issue.message}; ${IGNORED}` })));
  }
  // Each kept key passed its own schema, so the whole passes; parsing again gives the typed value without a cast.
  const parsed = storedSettingsSchema.safeParse(kept);
  return parsed.success ? { settings: parsed.data, problems } : { settings: empty, problems: [...problems, { path: 'settings', message: IGNORED }] };
}
