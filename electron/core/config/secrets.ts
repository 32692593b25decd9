/**
 * Registers every secret of a configuration with the log redactor, resolving `{ env }` references, so a
 * secret quoted anywhere later (an MSAL error, a URL) is masked before it reaches a log line.
 */
import type { AppConfig, SecretRef } from '../../../shared/config/schema';
import type { Redactor } from '../log/redact';

export function registerConfigSecrets(config: AppConfig, redactor: Redactor, env: NodeJS.ProcessEnv = process.env): void {
  const add = (ref: SecretRef | undefined): void => {
    if (ref === undefined) return;
    redactor.addSecret(typeof ref === 'string' ? ref : env[ref.env]);
  };
  if (config.credential?.type === 'secret') add(config.credential.secret);
  if (config.credential?.type === 'certificate') add(config.credential.privateKeyPassphrase);
  for (const room of config.rooms) for (const device of room.devices) add(device.password);
  // Collector headers usually carry an API key: every value is treated as a secret.
  for (const value of Object.values(config.telemetry?.otlp?.headers ?? {})) add(value);
}
