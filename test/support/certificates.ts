/**
 * Certificate credentials as an IT admin makes them, with openssl (installed on the build machines): a
 * self-signed certificate, its key in clear, and the same key as an encrypted PKCS#8 (AES-256-CBC).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface CertificateFiles {
  certificatePath: string;
  /** The key in clear (PKCS#8 "BEGIN PRIVATE KEY"). */
  plainKeyPath: string;
  /** The key encrypted with `passphrase` ("BEGIN ENCRYPTED PRIVATE KEY"). */
  privateKeyPath: string;
}

export function makeCertificate(dir: string, passphrase: string, name = 'vtc'): CertificateFiles {
  const files = { certificatePath: join(dir, `${name}.crt`), plainKeyPath: join(dir, `${name}.plain.key`), privateKeyPath: join(dir, `${name}.key`) };
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', files.plainKeyPath, '-out', files.certificatePath, '-days', '2', '-subj', `/CN=${name}-test`], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', files.plainKeyPath, '-out', files.privateKeyPath, '-passout', 'env:KEY_PASS'], {
    stdio: 'ignore',
    env: { ...process.env, KEY_PASS: passphrase },
  });
  return files;
}
