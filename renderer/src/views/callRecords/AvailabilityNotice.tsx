/**
 * Why call records are (partly) missing, in words an operator can act on: not yet created, past Graph's
 * 30 days, the CallRecords.Read.All consent missing, offline with a stale cache, China cloud, not set up.
 */
import type { CallRecordsAvailability } from '../../../../shared/api/views';
import { useFormat, useT } from '../../i18n';
import { AVAILABILITY_KEY } from '../../lib/labels';
import { useStores } from '../../stores/provider';

export function AvailabilityNotice({ availability, message, stale, fetchedAt }: { availability: CallRecordsAvailability; message?: string; stale: boolean; fetchedAt?: string }) {
  const t = useT();
  const format = useFormat();
  const { app } = useStores();
  if (availability === 'ok' && !stale) return null;
  const tone = availability === 'missing_permission' || availability === 'unavailable_in_cloud' ? 'notice-error' : 'notice-warning';
  return (
    <div className={`notice ${tone}`} role="status">
      {availability !== 'ok' && (
        <p>
          <strong>{t(AVAILABILITY_KEY[availability])}</strong>
        </p>
      )}
      {stale && <p>{fetchedAt !== undefined ? t('callRecords.staleSince', { time: format.dateTime(fetchedAt) }) : t('callRecords.stale')}</p>}
      {message !== undefined && <p className="muted">{message}</p>}
      {availability === 'not_configured' && (
        <button type="button" onClick={() => app.getState().navigate({ view: 'settings' })}>
          {t('rooms.goToSettings')}
        </button>
      )}
    </div>
  );
}
