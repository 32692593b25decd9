/**
 * Checks a Settings change before it is saved, for the mistakes that would otherwise surface only at the
 * next start: an ingest bind address the operator may not choose, certificate files that cannot be read,
 * a key that its passphrase does not open or that does not belong to the certificate. Also the start-time
 * twin for the ingest host of a row saved before these checks existed. Each problem names the setting.
 */
import type { SettingsPatch } from '../../../shared/api/requests';
import { isLoopbackHost } from '../../../shared/config/hosts';
import type { ValidationIssue } from '../../../shared/validation';
import { CredentialProblem, loadCertificateCredential } from '../auth/credential';

/** Why an operator-chosen ingest host is refused; undefined when it is loopback. */
export function ingestHostProblem(host: string): ValidationIssue | undefined {
  if (isLoopbackHost(host)) return undefined;
  return {
    path: 'ingest.host',
    message: `${JSON.stringify(host)} is not a loopback address: only the administrator's configuration file may open the ingest API to the network (the ingest API serves on 127.0.0.1)`,
  };
}

export async function checkSettingsPatch(patch: SettingsPatch, savedPassphrase: () => Promise<string | undefined>): Promise<ValidationIssue[]> {
  const problems: ValidationIssue[] = [];
  const host = patch.ingest && ingestHostProblem(patch.ingest.host);
  if (host) problems.push(host);
  if (patch.credential?.type === 'certificate') {
    try {
      loadCertificateCredential(patch.credential, patch.credential.privateKeyPassphrase ?? (await savedPassphrase()));
    } catch (error) {
      if (!(error instanceof CredentialProblem)) throw error;
      problems.push({ path: error.path, message: error.message });
    }
  }
  return problems;
}
