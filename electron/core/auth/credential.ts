/**
 * The app's Graph credential in clear, as MSAL gets it: the one type the settings resolve to, the CLI
 * builds from a configuration file and the token provider takes, so a field (the key's passphrase, say)
 * cannot be dropped between them without the compiler noticing. Also the one loader of a certificate
 * credential's files, which checks what Entra would otherwise reject later with an opaque error: both files
 * readable, the key decryptable, the key belonging to the certificate. Its errors name the setting.
 */
import { readFileSync } from 'node:fs';
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

export type ClientCredential =
  | { type: 'secret'; secret: string }
  | {
      type: 'certificate';
      certificatePem: string;
      privateKeyPem: string;
      /** Decrypts privateKeyPem when it is encrypted (PKCS#8 or traditional); used in memory only. */
      privateKeyPassphrase?: string;
      /** Hex SHA-256 thumbprint; computed from certificatePem when absent. */
      thumbprintSha256?: string;
      /** Send the certificate chain (`x5c`), needed for subject-name + issuer authentication. */
      sendX5c?: boolean;
    };

export type CertificateCredential = Extract<ClientCredential, { type: 'certificate' }>;

/** A credential setting that cannot work; `path` is the setting's name, e.g. `credential.privateKeyPath`. */
export class CredentialProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'CredentialProblem';
  }
}

export interface CertificateFiles {
  certificatePath: string;
  privateKeyPath: string;
}

function readSetting(path: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? ('code' in error && typeof error.code === 'string' ? error.code : error.message) : String(error);
    throw new CredentialProblem(path, `cannot be read (${reason}: ${file})`);
  }
}

const isEncryptedPem = (pem: string): boolean => pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || /Proc-Type:\s*4,ENCRYPTED/.test(pem);

/** The decrypted key; throws CredentialProblem naming the passphrase or the key file. */
export function readPrivateKey(privateKeyPem: string, passphrase: string | undefined): KeyObject {
  const encrypted = isEncryptedPem(privateKeyPem);
  if (encrypted && !passphrase) throw new CredentialProblem('credential.privateKeyPassphrase', 'is required: the private key is encrypted');
  try {
    return createPrivateKey({ key: privateKeyPem, format: 'pem', passphrase: encrypted ? passphrase : undefined });
  } catch {
    if (encrypted) throw new CredentialProblem('credential.privateKeyPassphrase', 'does not decrypt the private key');
    throw new CredentialProblem('credential.privateKeyPath', 'is not a PEM private key');
  }
}

/** Reads and checks a certificate credential's files; throws CredentialProblem naming the setting at fault. */
export function loadCertificateCredential(files: CertificateFiles, passphrase: string | undefined): CertificateCredential {
  const certificatePem = readSetting('credential.certificatePath', files.certificatePath);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new CredentialProblem('credential.certificatePath', `is not a PEM X.509 certificate (${files.certificatePath})`);
  }
  const privateKeyPem = readSetting('credential.privateKeyPath', files.privateKeyPath);
  const privateKey = readPrivateKey(privateKeyPem, passphrase);
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new CredentialProblem('credential.privateKeyPath', `does not belong to the certificate ${files.certificatePath}`);
  }
  return { type: 'certificate', certificatePem, privateKeyPem, privateKeyPassphrase: passphrase };
}
