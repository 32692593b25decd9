/**
 * The emulator's tenant directory: app registrations with their secrets, certificates and granted
 * application permissions (what admin consent would grant in Entra ID). Certificates are identified the
 * way Entra does for client assertions: by the `x5t#S256` (SHA-256) or legacy `x5t` (SHA-1) thumbprint of
 * the DER certificate, base64url-encoded (RFC 7515 §4.1.7–4.1.8; MSAL header choice in ../shared/reference/graph-api.md §6.2).
 */
import { createHash, timingSafeEqual, X509Certificate, type KeyObject } from 'node:crypto';

export interface RegisteredCertificate {
  pem: string;
  /** base64url SHA-256 of the DER certificate: the `x5t#S256` header value. */
  x5tS256: string;
  /** base64url SHA-1 of the DER certificate: the legacy `x5t` header value. */
  x5t: string;
  /** Hex SHA-256 thumbprint, as the Azure portal shows it (and MSAL's `thumbprintSha256` takes). */
  thumbprintSha256Hex: string;
  publicKey: KeyObject;
  notAfterMs: number;
}

export interface AppRegistration {
  clientId: string;
  displayName: string;
  secrets: string[];
  certificates: RegisteredCertificate[];
  /** Granted application permissions, e.g. Calls.AccessMedia.All; become the token's `roles`. */
  roles: string[];
}

/** Parses a PEM certificate; throws a plain-words error when it is not one. */
export function certificateFromPem(pem: string): RegisteredCertificate {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(pem);
  } catch (error) {
    throw new Error(`not a PEM X.509 certificate: ${(error as Error).message}`, { cause: error });
  }
  return {
    pem,
    x5tS256: createHash('sha256').update(x509.raw).digest('base64url'),
    x5t: createHash('sha1').update(x509.raw).digest('base64url'),
    thumbprintSha256Hex: createHash('sha256').update(x509.raw).digest('hex').toUpperCase(),
    publicKey: x509.publicKey,
    notAfterMs: Date.parse(x509.validTo),
  };
}

export class AppDirectory {
  private readonly apps = new Map<string, AppRegistration>();

  register(app: AppRegistration): AppRegistration {
    this.apps.set(app.clientId.toLowerCase(), app);
    return app;
  }

  find(clientId: string): AppRegistration | undefined {
    return this.apps.get(clientId.toLowerCase());
  }

  require(clientId: string): AppRegistration {
    const app = this.find(clientId);
    if (!app) throw new Error(`no app registration with client id ${clientId}`);
    return app;
  }

  clear(): void {
    this.apps.clear();
  }
}

/** Constant-time comparison, so the emulator does not model a timing oracle on secrets. */
export function secretMatches(app: AppRegistration, presented: string): boolean {
  const presentedBytes = Buffer.from(presented);
  return app.secrets.some((secret) => {
    const secretBytes = Buffer.from(secret);
    return secretBytes.length === presentedBytes.length && timingSafeEqual(secretBytes, presentedBytes);
  });
}

/** The certificate named by an assertion's `x5t#S256` or `x5t` header, if registered on the app. */
export function findCertificate(app: AppRegistration, header: Record<string, unknown>): RegisteredCertificate | undefined {
  const s256 = header['x5t#S256'];
  const sha1 = header['x5t'];
  return app.certificates.find(
    (cert) => (typeof s256 === 'string' && cert.x5tS256 === s256) || (typeof sha1 === 'string' && cert.x5t === sha1),
  );
}
