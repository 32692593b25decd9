/**
 * A self-signed certificate for the simulated codec's HTTPS server, like a codec's factory certificate
 * (which is why the collector has `allowSelfSigned`, ../shared/reference/devices-and-thresholds.md §3.2). EC P-256 keys are
 * generated in milliseconds; one certificate serves every simulator of the process.
 */
import { generate } from 'selfsigned';

export interface KeyAndCert {
  key: string;
  cert: string;
}

let cached: Promise<KeyAndCert> | undefined;

export function simulatorCertificate(): Promise<KeyAndCert> {
  cached ??= generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return cached;
}
