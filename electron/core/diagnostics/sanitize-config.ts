/**
 * The configuration as it goes into a diagnostics bundle: every secret value removed, everything a support
 * engineer needs kept. Secret fields are found by name (so a secret field added to the schema later is
 * covered too); `{ "env": "NAME" }` references stay, since a variable's name is not the secret. Paths to
 * the certificate and key stay (the files themselves never enter the bundle); credentials written into a
 * URL (https://user:pass@host) are cut out.
 */
import type { AppConfig } from '../../../shared/config/schema';
import { isObject } from '../../../shared/json';

export const REMOVED = '[removed]';

// `privateKeyPath` / `certificatePath` are locations, not secrets: a key ending in Path is kept.
const SECRET_FIELD = /secret|password|passphrase|token|authorization|assertion|cookie|private.?key(?!.*path)/i;

function withoutUrlCredentials(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  try {
    const url = new URL(value);
    if (url.username === '' && url.password === '') return value;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return value;
  }
}

function isEnvReference(value: unknown): value is { env: string } {
  return isObject(value) && Object.keys(value).length === 1 && typeof value.env === 'string';
}

function sanitize(value: unknown, key: string): unknown {
  if (SECRET_FIELD.test(key)) {
    if (value === undefined || value === null || typeof value === 'boolean') return value;
    return isEnvReference(value) ? { env: value.env } : REMOVED;
  }
  if (typeof value === 'string') return withoutUrlCredentials(value);
  if (Array.isArray(value)) return value.map((item) => sanitize(item, ''));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([childKey, child]) => [childKey, sanitize(child, childKey)]));
  }
  return value;
}

export function configForDiagnostics(config: AppConfig): unknown {
  return sanitize(config, '');
}
