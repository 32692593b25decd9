/**
 * The outbox: counts by state, a virtualized table of reports (paged from the core as it scrolls), filters,
 * bulk resubmit, and the selected report's detail in a drawer over the table (ReportDetailPanel).
 */
import { useCallback, useEffect, useMemo } from 'react';
import type { ReportSummary } from '../../../../shared/api/views';
import { Empty, ErrorNotice, Loading } from '../../components/status';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFormat, useT } from '../../i18n';
import { OUTBOX_STATE_KEY } from '../../lib/labels';
import { useAppStore, useOutboxStore, useSettingsStore, useStores } from '../../stores/provider';
import { BulkResubmit } from './BulkResubmit';
import { OutboxCounts } from './OutboxCounts';
import { OutboxFilters } from './OutboxFilters';
import { ReportDetailPanel } from './ReportDetailPanel';

const ROW_HEIGHT = 36;
const NO_ROOMS: never[] = [];

/** A cell value that the column may cut with an ellipsis: the whole text on hover. */
function WithTitle({ text, className }: { text: string; className?: string }) {
  return (
    <span className={className} title={text}>
      {text}
    </span>
  );
}

export function OutboxView({ reportId }: { reportId?: string }) {
  const t = useT();
  const format = useFormat();
  const { outbox } = useStores();
  const counts = useAppStore((state) => (state.sync.status === 'ready' ? state.sync.value.counts : undefined));
  const rooms = useSettingsStore((state) => (state.settings.status === 'ready' ? state.settings.value.rooms : NO_ROOMS));
  const filter = useOutboxStore((state) => state.filter);
  const list = useOutboxStore((state) => state.list);
  const selectedId = useOutboxStore((state) => state.selectedId);

  useEffect(() => outbox.getState().start(), [outbox]);
  useEffect(() => {
    if (reportId !== undefined) outbox.getState().select(reportId);
  }, [outbox, reportId]);

  // Operators know rooms by name; the id stays for rooms no longer configured.
  const roomNames = useMemo(() => new Map(rooms.map((room) => [room.id, room.name])), [rooms]);
  const columns = useMemo<Column<ReportSummary>[]>(
    () => [
      // At 1440 px the list is ~46 rem wide: the date, the count and the next time get the width of their
      // longest English value; state, room and error share the rest and show a cut value whole in a tooltip.
      // Headers may wrap to a second line (app.css), never get cut.
      { key: 'created', header: t('outbox.created'), width: '11.5rem', render: (row) => format.dateTimeShort(row.createdAt) },
      { key: 'state', header: t('outbox.state'), width: 'minmax(6.5rem, 1fr)', render: (row) => <WithTitle className={`state state-${row.state}`} text={t(OUTBOX_STATE_KEY[row.state])} /> },
      { key: 'room', header: t('outbox.room'), width: 'minmax(6rem, 1fr)', render: (row) => <WithTitle text={row.roomId !== undefined ? (roomNames.get(row.roomId) ?? row.roomId) : '—'} /> },
      { key: 'attempts', header: t('outbox.attemptCount'), width: '6.75rem', render: (row) => format.number(row.attemptCount, 0) },
      { key: 'error', header: t('outbox.lastError'), width: 'minmax(7rem, 1.2fr)', render: (row) => <WithTitle text={row.lastError !== undefined ? `${row.lastError.httpStatus ?? ''} ${row.lastError.code}`.trim() : '—'} /> },
      { key: 'next', header: t('outbox.nextAttempt'), width: '6.75rem', render: (row) => (row.nextAttemptAt !== undefined ? format.time(row.nextAttemptAt) : '—') },
    ],
    [t, format, roomNames],
  );
  const onSelect = useCallback((row: ReportSummary) => outbox.getState().select(row.id), [outbox]);
  const onEndReached = useCallback(() => void outbox.getState().loadMore(), [outbox]);
  const total = counts !== undefined && filter.state !== undefined && filter.roomId === undefined && filter.from === undefined && filter.to === undefined ? counts[filter.state] : undefined;

  return (
    <section className="outbox" aria-labelledby="outbox-heading">
      <h1 id="outbox-heading">{t('outbox.title')}</h1>
      <OutboxCounts counts={counts} active={filter.state} onPick={(state) => outbox.getState().setFilter({ ...filter, state })} />
      <BulkResubmit failedCount={counts?.failed ?? 0} />
      <OutboxFilters filter={filter} rooms={rooms} onChange={(next) => outbox.getState().setFilter(next)} />
      <div className="outbox-list">
        <div>
          {(list.status === 'loading' || list.status === 'idle') && <Loading label={t('outbox.loading')} />}
          {list.status === 'error' && <ErrorNotice error={list.error} onRetry={() => void outbox.getState().reload()} />}
          {list.status === 'ready' && list.items.length === 0 && <Empty>{t('outbox.empty')}</Empty>}
          {list.status === 'ready' && list.outdated && (
            <p className="notice">
              {t('outbox.outdated')}{' '}
              <button type="button" onClick={() => void outbox.getState().reload()}>
                {t('common.refresh')}
              </button>
            </p>
          )}
          {list.status === 'ready' && list.items.length > 0 && (
            <>
              <VirtualTable
                rows={list.items}
                columns={columns}
                rowHeight={ROW_HEIGHT}
                getRowId={(row) => row.id}
                label={t('outbox.tableLabel')}
                selectedId={selectedId}
                onSelect={onSelect}
                onEndReached={list.nextCursor !== undefined ? onEndReached : undefined}
                totalCount={total !== undefined && total > list.items.length ? total : undefined}
              />
              <p className="muted" role="status">
                {list.more.status === 'loading'
                  ? t('outbox.loadingMore')
                  : t('outbox.shown', { count: format.number(list.items.length, 0) })}
              </p>
              {list.more.status === 'error' && <ErrorNotice error={list.more.error} onRetry={() => void outbox.getState().loadMore()} />}
            </>
          )}
        </div>
      </div>
      <ReportDetailPanel />
    </section>
  );
}
