/** "Resubmit all failed" with a progress bar: the store resubmits in chunks and reports each one. */
import { useFormat, useT } from '../../i18n';
import { useOutboxStore, useStores } from '../../stores/provider';

export function BulkResubmit({ failedCount }: { failedCount: number }) {
  const t = useT();
  const format = useFormat();
  const { outbox } = useStores();
  const bulk = useOutboxStore((state) => state.bulk);
  return (
    <div className="bulk">
      <button
        type="button"
        disabled={failedCount === 0 || bulk.status === 'running'}
        onClick={() => void outbox.getState().resubmitAllFailed(failedCount)}
      >
        {t('outbox.resubmitAllFailed', { count: failedCount })}
      </button>
      {bulk.status === 'running' && (
        <>
          <label htmlFor="bulk-progress">{t('outbox.bulkProgress', { done: format.number(bulk.done, 0), total: format.number(bulk.total, 0) })}</label>
          <progress id="bulk-progress" value={bulk.done} max={Math.max(1, bulk.total)} />
          <button type="button" onClick={() => outbox.getState().cancelBulk()}>
            {t('common.cancel')}
          </button>
        </>
      )}
      <p role="status" className="muted">
        {bulk.status === 'done' && t('outbox.bulkDone', { count: format.number(bulk.resubmitted, 0) })}
        {bulk.status === 'cancelled' && t('outbox.bulkCancelled', { count: format.number(bulk.resubmitted, 0) })}
        {bulk.status === 'error' && `${t('outbox.bulkFailed', { count: format.number(bulk.resubmitted, 0) })} ${bulk.error.message}`}
      </p>
    </div>
  );
}
