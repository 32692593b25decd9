/**
 * Filters of the outbox table: state, room, and a time window. Times are entered in the operator's local
 * time (datetime-local) and sent as ISO 8601 with offset, as listReports requires.
 */
import { useState } from 'react';
import { REPORT_STATES, type ReportState, type RoomSettingsView } from '../../../../shared/api/views';
import { useT } from '../../i18n';
import { OUTBOX_STATE_KEY } from '../../lib/labels';
import type { OutboxFilter } from '../../stores/outbox';

function isReportState(value: string): value is ReportState {
  return REPORT_STATES.some((state) => state === value);
}

/** datetime-local value ("2025-01-31T14:05") → ISO with offset; undefined when empty or invalid. */
export function localInputToIso(value: string): string | undefined {
  if (value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function isoToLocalInput(iso: string | undefined): string {
  if (iso === undefined) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function OutboxFilters({ filter, rooms, onChange }: { filter: OutboxFilter; rooms: readonly RoomSettingsView[]; onChange(filter: OutboxFilter): void }) {
  const t = useT();
  const [from, setFrom] = useState(isoToLocalInput(filter.from));
  const [to, setTo] = useState(isoToLocalInput(filter.to));
  const rangeInvalid = from !== '' && to !== '' && new Date(from) > new Date(to);

  const applyTimes = (nextFrom: string, nextTo: string) => {
    if (nextFrom !== '' && nextTo !== '' && new Date(nextFrom) > new Date(nextTo)) return;
    onChange({ ...filter, from: localInputToIso(nextFrom), to: localInputToIso(nextTo) });
  };

  return (
    <form className="filters" aria-label={t('outbox.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="outbox-filter-state">{t('outbox.filterState')}</label>
        <select
          id="outbox-filter-state"
          value={filter.state ?? ''}
          onChange={(event) => onChange({ ...filter, state: isReportState(event.target.value) ? event.target.value : undefined })}
        >
          <option value="">{t('outbox.allStates')}</option>
          {REPORT_STATES.map((state) => (
            <option key={state} value={state}>
              {t(OUTBOX_STATE_KEY[state])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="outbox-filter-room">{t('outbox.filterRoom')}</label>
        <select id="outbox-filter-room" value={filter.roomId ?? ''} onChange={(event) => onChange({ ...filter, roomId: event.target.value === '' ? undefined : event.target.value })}>
          <option value="">{t('outbox.allRooms')}</option>
          {rooms.map((room) => (
            <option key={room.id} value={room.id}>
              {room.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="outbox-filter-from">{t('outbox.filterFrom')}</label>
        <input
          id="outbox-filter-from"
          type="datetime-local"
          value={from}
          aria-invalid={rangeInvalid || undefined}
          aria-describedby={rangeInvalid ? 'outbox-filter-range-error' : undefined}
          onChange={(event) => {
            setFrom(event.target.value);
            applyTimes(event.target.value, to);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="outbox-filter-to">{t('outbox.filterTo')}</label>
        <input
          id="outbox-filter-to"
          type="datetime-local"
          value={to}
          aria-invalid={rangeInvalid || undefined}
          aria-describedby={rangeInvalid ? 'outbox-filter-range-error' : undefined}
          onChange={(event) => {
            setTo(event.target.value);
            applyTimes(from, event.target.value);
          }}
        />
      </div>
      {rangeInvalid && (
        <p id="outbox-filter-range-error" className="field-error">
          {t('outbox.rangeInvalid')}
        </p>
      )}
      <button
        type="button"
        onClick={() => {
          setFrom('');
          setTo('');
          onChange({});
        }}
      >
        {t('outbox.clearFilters')}
      </button>
    </form>
  );
}
