/**
 * Device request failures, for every kind: each becomes a DeviceRequestError whose `kind` is the device
 * state the UI shows. Network errors and timeouts → offline, 401/403 → auth_failed, a pinned certificate
 * that no longer matches → certificate_changed, anything else (HTTP errors, oversized bodies, a rejected
 * certificate) → error. Messages never include the credentials.
 */
import type { DeviceState } from '../../../shared/domain/legs';
import { CertificateChangedError } from './tls';
import { errorCode } from '../../../shared/error-message';

export type FailureState = Extract<DeviceState, 'offline' | 'auth_failed' | 'certificate_changed' | 'error'>;

export class DeviceRequestError extends Error {
  override readonly name = 'DeviceRequestError';
  constructor(
    readonly kind: FailureState,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED',
]);
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

export function classifyRequestError(error: unknown): DeviceRequestError {
  if (error instanceof DeviceRequestError) return error;
  if (error instanceof CertificateChangedError) return new DeviceRequestError('certificate_changed', error.message);
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && CERTIFICATE_CODES.has(code)) {
    return new DeviceRequestError('error', `certificate rejected (${code}); allow self-signed or pin its certificate (Test device shows the fingerprint) if the device uses its own certificate`);
  }
  if ((typeof code === 'string' && NETWORK_CODES.has(code)) || /socket hang up|timed out/i.test(message)) {
    return new DeviceRequestError('offline', `unreachable: ${typeof code === 'string' ? code : message}`);
  }
  return new DeviceRequestError('error', `request failed: ${message}`);
}
