/** Recent Teams call records: time, type, modalities, participants, and the room's report when correlated. */
import { useEffect } from 'react';
import type { CallRecordSummaryView } from '../../../../shared/api/views';
import { Empty, ErrorNotice, Loading } from '../../components/status';
import { useFormat, useT } from '../../i18n';
import { SINCE_HOURS_CHOICES } from '../../stores/callRecords';
import { useCallRecordsStore, useStores } from '../../stores/provider';
import { AvailabilityNotice } from './AvailabilityNotice';
import { CallRecordDetail } from './CallRecordDetail';
import { callTypeText, modalityText } from './labels';

const MAX_NAMES = 3;

function RecordRow({ record }: { record: CallRecordSummaryView }) {
  const t = useT();
  const format = useFormat();
  const { app } = useStores();
  const names = record.participantNames.slice(0, MAX_NAMES).join(', ');
  const more = record.participantNames.length - MAX_NAMES;
  const durationMs = new Date(record.endDateTime).getTime() - new Date(record.startDateTime).getTime();
  return (
    <tr>
      <th scope="row">
        <button
          type="button"
          className="link-button"
          onClick={() => app.getState().navigate({ view: 'callRecords', recordId: record.id })}
          aria-label={t('callRecords.openRecord', { time: format.dateTime(record.startDateTime) })}
        >
          {format.dateTime(record.startDateTime)}
        </button>
      </th>
      <td>{format.span(Number.isFinite(durationMs) ? durationMs : undefined)}</td>
      <td>{callTypeText(t, record.type)}</td>
      <td>{record.modalities.map((m) => modalityText(t, m)).join(', ')}</td>
      <td>
        {names || '—'}
        {more > 0 && <span className="muted"> {t('callRecords.moreParticipants', { count: more })}</span>}
      </td>
      <td>
        {record.teamsRoomsCall !== undefined && <span className="teams-rooms-call">{t('callRecords.teamsRoomsCall', { room: record.teamsRoomsCall.roomName })} </span>}
        {record.reportIds.length === 0 ? (
          record.teamsRoomsCall === undefined && <span className="muted">{t('callRecords.noReport')}</span>
        ) : (
          record.reportIds.map((id) => (
            <button key={id} type="button" className="link-button" onClick={() => app.getState().navigate({ view: 'outbox', reportId: id })}>
              {t('callRecords.viewReport')}
            </button>
          ))
        )}
      </td>
    </tr>
  );
}

function SinceSelect() {
  const t = useT();
  const { callRecords } = useStores();
  const since = useCallRecordsStore((state) => state.sinceHours);
  return (
    <div className="field field-inline">
      <label htmlFor="call-records-since">{t('callRecords.since')}</label>
      <select id="call-records-since" value={since} onChange={(event) => callRecords.getState().setSinceHours(Number(event.target.value))}>
        {SINCE_HOURS_CHOICES.map((hours) => (
          <option key={hours} value={hours}>
            {hours < 48 ? t('callRecords.lastHours', { count: hours }) : t('callRecords.lastDays', { count: hours / 24 })}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CallRecordsView({ recordId }: { recordId?: string }) {
  const t = useT();
  const format = useFormat();
  const { callRecords } = useStores();
  const list = useCallRecordsStore((state) => state.list);

  useEffect(() => callRecords.getState().start(), [callRecords]);
  useEffect(() => {
    callRecords.getState().open(recordId);
  }, [callRecords, recordId]);

  if (recordId !== undefined) return <CallRecordDetail recordId={recordId} />;

  return (
    <section aria-labelledby="call-records-heading">
      <h1 id="call-records-heading">{t('callRecords.title')}</h1>
      <div className="toolbar">
        <SinceSelect />
        <button type="button" onClick={() => void callRecords.getState().load({ refresh: true })}>
          {t('common.refresh')}
        </button>
        {list.status === 'ready' && list.value.fetchedAt !== undefined && (
          <span className="muted list-as-of">
            {list.value.nextRefreshAt !== undefined
              ? t('callRecords.asOfNext', { time: format.time(list.value.fetchedAt), next: format.time(list.value.nextRefreshAt) })
              : t('callRecords.asOf', { time: format.time(list.value.fetchedAt) })}
          </span>
        )}
      </div>
      {(list.status === 'loading' || list.status === 'idle') && <Loading label={t('callRecords.loading')} />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={() => void callRecords.getState().load()} />}
      {list.status === 'ready' && (
        <>
          <AvailabilityNotice availability={list.value.availability} message={list.value.message} stale={list.value.stale} fetchedAt={list.value.fetchedAt} />
          {list.value.items.length === 0 && (list.value.availability === 'ok' || list.value.availability === 'offline') && <Empty>{t('callRecords.empty')}</Empty>}
          {list.value.items.length > 0 && (
            <div className="table-scroll">
              <table className="records">
                <caption className="visually-hidden">{t('callRecords.tableLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('callRecords.start')}</th>
                    <th scope="col">{t('callRecords.duration')}</th>
                    <th scope="col">{t('callRecords.type')}</th>
                    <th scope="col">{t('callRecords.modalities')}</th>
                    <th scope="col">{t('callRecords.participants')}</th>
                    <th scope="col">{t('callRecords.roomReport')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.value.items.map((record) => (
                    <RecordRow key={record.id} record={record} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
