/**
 * What "Test connection" tests: the values on screen over the saved ones. A secret kept by the app (stored
 * encrypted, or the configuration file's) is used only when none is typed AND the cloud, tenant and client
 * are the saved ones: a typed tenant or authority never receives the saved secret. A certificate's key never
 * leaves the machine (MSAL signs an assertion with it), so the saved passphrase may unlock a typed key path.
 */
import type { ConnectionTestRequest } from '../../../shared/api/requests';
import type { AppConfig, CloudName } from '../../../shared/config/schema';
import type { ValidationIssue } from '../../../shared/validation';
import { CredentialProblem, loadCertificateCredential, type ClientCredential } from '../auth/credential';
import { resolveCredential, type CredentialSecrets } from '../config/credential';

export interface ConnectionCandidate {
  cloud: CloudName;
  tenantId: string;
  clientId: string;
  credential: ClientCredential;
  endpoints?: { login?: string };
}

export type CandidateResult = { ok: true; candidate: ConnectionCandidate } | { ok: false; problem: ValidationIssue };

export async function connectionCandidate(request: ConnectionTestRequest, saved: AppConfig, savedSecrets: CredentialSecrets, isLocked: (key: string) => boolean): Promise<CandidateResult> {
  const pick = <K extends 'cloud' | 'tenantId' | 'clientId'>(key: K): AppConfig[K] | ConnectionTestRequest[K] => (isLocked(key) ? saved[key] : (request[key] ?? saved[key]));
  const cloud = pick('cloud') ?? saved.cloud;
  const tenantId = pick('tenantId');
  const clientId = pick('clientId');
  if (!tenantId) return problem('tenantId', 'is required to test the connection');
  if (!clientId) return problem('clientId', 'is required to test the connection');
  const sameAuthority = cloud === saved.cloud && tenantId === saved.tenantId && clientId === saved.clientId;
  const typed = isLocked('credential') ? undefined : request.credential;

  let credential: ClientCredential | undefined;
  try {
    if (typed?.type === 'secret') {
      const secret = typed.secret ?? (sameAuthority && saved.credential?.type === 'secret' ? await savedSecrets.secret() : undefined);
      if (!secret) return problem('credential.secret', sameAuthority ? 'is required to test the connection' : 'must be typed to test another cloud, tenant or client id (the saved secret is only sent where it was saved for)');
      credential = { type: 'secret', secret };
    } else if (typed?.type === 'certificate') {
      credential = loadCertificateCredential(typed, typed.privateKeyPassphrase ?? (await savedSecrets.passphrase()));
    } else if (saved.credential) {
      if (saved.credential.type === 'secret' && !sameAuthority) {
        return problem('credential.secret', 'must be typed to test another cloud, tenant or client id (the saved secret is only sent where it was saved for)');
      }
      credential = await resolveCredential(saved.credential, savedSecrets);
    }
  } catch (error) {
    if (error instanceof CredentialProblem) return problem(error.path, error.message);
    throw error;
  }
  if (!credential) return problem('credential', 'a client secret or a certificate is required to test the connection');
  return { ok: true, candidate: { cloud, tenantId, clientId, credential, endpoints: saved.endpoints } };
}

function problem(path: string, message: string): CandidateResult {
  return { ok: false, problem: { path, message } };
}
