/**
 * A configured credential in clear, for the token provider: the one path from a credential setting (the
 * configuration file's, or the one Settings saved) to a ClientCredential. The caller says where the
 * secret and the key's passphrase live (a `{ "env" }` reference, or the encrypted store); the key files are
 * read and checked here (auth/credential.ts). Throws CredentialProblem naming the setting at fault.
 */
import type { SecretRef } from '../../../shared/config/schema';
import { loadCertificateCredential, type CertificateFiles, type ClientCredential } from '../auth/credential';
import { resolveSecret } from './load';

/** A credential setting: the file's shape, or the stored one (whose secrets are kept apart). */
export type CredentialSetting = { type: 'secret' } | ({ type: 'certificate' } & CertificateFiles);

export interface CredentialSecrets {
  /** The client secret, or undefined when none is kept. */
  secret(): Promise<string | undefined>;
  /** The private key's passphrase, or undefined when the key has none. */
  passphrase(): Promise<string | undefined>;
}

export async function resolveCredential(setting: CredentialSetting, secrets: CredentialSecrets): Promise<ClientCredential | undefined> {
  if (setting.type === 'secret') {
    const secret = await secrets.secret();
    return secret ? { type: 'secret', secret } : undefined;
  }
  return loadCertificateCredential(setting, await secrets.passphrase());
}

/** Secrets of a configuration file: inline, or `{ "env": "NAME" }` (ConfigError naming the key when unset). */
export function configFileSecrets(credential: { secret?: SecretRef; privateKeyPassphrase?: SecretRef }, env: NodeJS.ProcessEnv): CredentialSecrets {
  const resolve = (ref: SecretRef | undefined, path: string): Promise<string | undefined> => Promise.resolve(ref === undefined ? undefined : resolveSecret(ref, path, env));
  return {
    secret: () => resolve(credential.secret, 'credential.secret'),
    passphrase: () => resolve(credential.privateKeyPassphrase, 'credential.privateKeyPassphrase'),
  };
}
