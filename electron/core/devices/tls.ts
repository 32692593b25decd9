/**
 * TLS choices for device connections, shared by every kind. Codecs ship with self-signed certificates
 * (../shared/reference/devices-and-thresholds.md §3.2, ../shared/reference/poly-videoos.md §1); an operator either allows any self-signed
 * certificate (`allowSelfSigned`) or pins the one the device presents (`certificateSha256`). A pin that
 * no longer matches is its own device state, `certificate_changed`: a codec reboot can replace its
 * certificate, and "offline" would send the operator looking at the network.
 *
 * With a pin, Node's chain check is off (a self-signed certificate never passes it) and the fingerprint of
 * the peer certificate is compared on `secureConnect`, before any request byte is answered.
 */
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

export class CertificateChangedError extends Error {
  override readonly name = 'CertificateChangedError';
  readonly code = 'CERT_PIN_MISMATCH';
  constructor(
    readonly presented: string,
    readonly pinned: string,
  ) {
    super(`certificate changed: the device presents SHA-256 ${presented}, the pinned one is ${pinned}`);
  }
}

export interface TlsChoice {
  allowSelfSigned?: boolean;
  certificateSha256?: string;
}

/** Agent options: verify the chain unless self-signed is allowed or a pin replaces the check. */
export function rejectUnauthorizedFor(choice: TlsChoice): boolean {
  return choice.certificateSha256 === undefined && choice.allowSelfSigned !== true;
}

/** `AB:CD:…` (Node's fingerprint256) → `abcd…`. */
export function normaliseFingerprint(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toLowerCase();
}

const verified = new WeakSet<Socket>();

/**
 * Checks the pin on the request's socket (once per connection; kept-alive sockets were checked when they
 * connected) and reports the fingerprint the device presented to `onFingerprint`.
 */
export function guardTls(request: ClientRequest, choice: TlsChoice, onFingerprint?: (sha256: string) => void): void {
  request.on('socket', (socket: Socket) => {
    if (!(socket instanceof TLSSocket)) return;
    const check = (): void => {
      const presented = normaliseFingerprint(socket.getPeerCertificate().fingerprint256 ?? '');
      onFingerprint?.(presented);
      if (choice.certificateSha256 !== undefined && presented !== choice.certificateSha256) {
        request.destroy(new CertificateChangedError(presented, choice.certificateSha256));
        return;
      }
      verified.add(socket);
    };
    if (verified.has(socket)) {
      if (onFingerprint !== undefined) onFingerprint(normaliseFingerprint(socket.getPeerCertificate().fingerprint256 ?? ''));
      return;
    }
    socket.once('secureConnect', check);
  });
}
