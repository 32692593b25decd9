/** Collector header values (an API key, inline or from the environment) are secrets: masked in every log line and bundle. */
import { describe, expect, it } from 'vitest';
import { registerConfigSecrets } from '../../../electron/core/config/secrets';
import { Redactor } from '../../../electron/core/log/redact';
import { appConfigSchema } from '../../../shared/config/schema';

describe('telemetry header secrets', () => {
  it('are registered with the redactor, inline or as { env }', () => {
    const config = appConfigSchema.parse({
      telemetry: { otlp: { endpoint: 'http://collector:4318', headers: { 'x-api-key': { env: 'OTLP_KEY' }, authorization: 'Bearer inline-token-8c1d' } } },
    });
    const redactor = new Redactor();
    registerConfigSecrets(config, redactor, { OTLP_KEY: 'env-key-51f3a9' });
    const text = redactor.redactText('sent with env-key-51f3a9 and Bearer inline-token-8c1d');
    expect(text).not.toContain('env-key-51f3a9');
    expect(text).not.toContain('inline-token-8c1d');
  });
});
