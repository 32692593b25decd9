/**
 * A failed "Test device" in plain words: what the operator can check, from the device state and the
 * network error the core passes on ("unreachable: ECONNREFUSED" becomes "Nothing answers at this address
 * and port…"). A network error's technical text stays after it, for support.
 */
import type { DeviceTestView } from '../../../../shared/api/views';
import type { MessageKey, Translate } from '../../i18n';

const BY_ERROR: [RegExp, MessageKey][] = [
  [/ECONNREFUSED/i, 'deviceError.refused'],
  [/ETIMEDOUT|timed? ?out|timeout/i, 'deviceError.timeout'],
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo/i, 'deviceError.notFound'],
  [/EHOSTUNREACH|ENETUNREACH/i, 'deviceError.noRoute'],
  [/ECONNRESET|socket hang up/i, 'deviceError.reset'],
  [/self[- ]signed|certificate|CERT_|UNABLE_TO_VERIFY/i, 'deviceError.certificate'],
];

export function deviceErrorText(t: Translate, view: DeviceTestView): string {
  const detail = view.error ?? view.state;
  // The core words these two states plainly already: the advice replaces them.
  if (view.state === 'auth_failed') return t('deviceError.auth');
  if (view.state === 'certificate_changed') return t('deviceError.certificateChanged');
  const key = BY_ERROR.find(([pattern]) => pattern.test(detail))?.[1];
  return key === undefined ? t('settings.deviceTestFailed', { reason: detail }) : `${t(key)} (${detail})`;
}
