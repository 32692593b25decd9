/**
 * Reads and validates the agent's configuration file (../shared/design/contracts.md "Configuration file"). Errors name
 * the key and the reason; nothing is half-applied. `{ "env": "NAME" }` secrets are resolved here, so the
 * rest of the core only ever sees plain values, and every resolved secret is registered with the log
 * redactor before anything can print it.
 */
import { readFileSync } from 'node:fs';
import { appConfigSchema, type AppConfig, type SecretRef } from '../../../shared/config/schema';
import { validate, formatIssues, type ValidationIssue } from '../../../shared/validation';
import { errorCode, errorMessage } from '../../../shared/error-message';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ValidationIssue[],
  ) {
    super(`Invalid configuration ${file}:\n${formatIssues(issues)}`);
    this.name = 'ConfigError';
  }
}

export function parseConfigText(text: string, file: string): AppConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [{ path: '(file)', message: `is not valid JSON: ${errorMessage(error)}` }]);
  }
  const result = validate(appConfigSchema, json);
  if (!result.ok) throw new ConfigError(file, result.issues);
  return result.value;
}

export function loadConfigFile(file: string): AppConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [{ path: '(file)', message: `cannot be read: ${errorCode(error) ?? errorMessage(error)}` }]);
  }
  return parseConfigText(text, file);
}

/** Resolves a secret reference; `path` names the key for the error when the variable is unset. */
export function resolveSecret(ref: SecretRef, path: string, env: NodeJS.ProcessEnv = process.env): string {
  if (typeof ref === 'string') return ref;
  const value = env[ref.env];
  if (value === undefined || value === '') {
    throw new ConfigError('(environment)', [{ path, message: `names environment variable ${ref.env}, which is not set` }]);
  }
  return value;
}

/** The configuration and the top-level keys the file itself sets: those are locked in the UI. */
export interface ManagedConfig {
  config: AppConfig;
  /** Dotted keys the fleet file sets; the operator cannot change them. */
  managedKeys: string[];
}

export function loadManagedConfig(file: string): ManagedConfig {
  const config = loadConfigFile(file);
  // Only read for its top-level keys; the whole object is then validated with the config schema.
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return { config, managedKeys: Object.keys(raw).filter((key) => key !== '$schema') };
}
