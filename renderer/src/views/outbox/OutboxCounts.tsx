/** Counts by outbox state (from the pushed sync status); each one filters the table to that state. */
import { REPORT_STATES, type OutboxCounts as Counts, type ReportState } from '../../../../shared/api/views';
import { useFormat, useT } from '../../i18n';
import { OUTBOX_STATE_KEY } from '../../lib/labels';

export function OutboxCounts({ counts, active, onPick }: { counts: Counts | undefined; active?: ReportState; onPick(state: ReportState | undefined): void }) {
  const t = useT();
  const format = useFormat();
  return (
    <ul className="counts" aria-label={t('outbox.countsLabel')}>
      {REPORT_STATES.map((state) => (
        <li key={state}>
          <button
            type="button"
            className={`count count-${state}`}
            aria-pressed={active === state}
            onClick={() => onPick(active === state ? undefined : state)}
          >
            <span className="count-value">{counts === undefined ? '—' : format.number(counts[state], 0)}</span>{' '}
            <span className="count-label">{t(OUTBOX_STATE_KEY[state])}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
