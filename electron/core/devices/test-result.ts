/**
 * What every kind's "Test device" shares: the certificate the device presented (remembered from the
 * connection's `onFingerprint`, so the result can offer it for pinning) and a failed read in the result's
 * words.
 */
import { classifyRequestError } from './errors';
import type { DeviceTestResult } from './types';

export interface PresentedCertificate {
  onFingerprint(sha256: string): void;
  /** `{ certificateSha256 }` once the device presented a certificate, else nothing. */
  seen(): Pick<DeviceTestResult, 'certificateSha256'>;
}

export function presentedCertificate(): PresentedCertificate {
  let certificateSha256: string | undefined;
  return {
    onFingerprint: (sha256) => {
      certificateSha256 = sha256;
    },
    seen: () => (certificateSha256 === undefined ? {} : { certificateSha256 }),
  };
}

/** A test whose read failed: the failure's state and message, with the certificate if one was presented. */
export function failedTest(error: unknown, certificate: PresentedCertificate): DeviceTestResult {
  const failure = classifyRequestError(error);
  return { ok: false, state: failure.kind, error: failure.message, ...certificate.seen() };
}
