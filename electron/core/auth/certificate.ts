/**
 * Certificate credentials for MSAL (../shared/reference/graph-api.md §6.2): MSAL wants the SHA-256 thumbprint in hex
 * (`thumbprintSha256`, sent as the assertion's `x5t#S256`, alg PS256) and an unencrypted PKCS#8 PEM
 * private key ("-----BEGIN PRIVATE KEY-----"). Both are derived here from what an operator has: the
 * certificate PEM and a private key PEM in any format node:crypto reads (PKCS#1 or PKCS#8, optionally
 * encrypted with a passphrase). Also checks that the key belongs to the certificate, which otherwise only
 * shows up as an opaque signature failure at Entra.
 */
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';

export interface PreparedCertificate {
  /** Hex SHA-256 of the DER certificate (upper case, as the Azure portal shows thumbprints). */
  thumbprintSha256: string;
  privateKeyPkcs8Pem: string;
  certificatePem: string;
  notAfter: Date;
}

export function sha256ThumbprintFromPem(certificatePem: string): string {
  return createHash('sha256').update(new X509Certificate(certificatePem).raw).digest('hex').toUpperCase();
}

/** @throws Error with a plain-words reason (not a certificate, key unreadable, key does not match). */
export function prepareCertificate(certificatePem: string, privateKeyPem: string, passphrase?: string): PreparedCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch (error) {
    throw new Error('the certificate is not a PEM X.509 certificate', { cause: error });
  }
  let privateKey;
  try {
    privateKey = createPrivateKey({ key: privateKeyPem, format: 'pem', passphrase });
  } catch (error) {
    throw new Error(`the private key cannot be read${passphrase ? ' (wrong passphrase?)' : ' (encrypted? give its passphrase)'}`, { cause: error });
  }
  const fromKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const fromCertificate = certificate.publicKey.export({ type: 'spki', format: 'der' });
  if (!fromKey.equals(fromCertificate)) throw new Error('the private key does not belong to the certificate');
  return {
    thumbprintSha256: createHash('sha256').update(certificate.raw).digest('hex').toUpperCase(),
    privateKeyPkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem,
    notAfter: new Date(certificate.validTo),
  };
}
