/**
 * One call record beside the room's report(s) for the same call, with units on every column: Graph's
 * sessions → segments → media → streams on the left (loss converted from a fraction to %), the VTC report's
 * media items on the right (loss already in %), so the two views of one call can be compared line by line.
 */
import type { ReportDetail } from '../../../../shared/api/views';
import { ErrorNotice, Loading } from '../../components/status';
import { useFormat, useT } from '../../i18n';
import { readCallRecord, type MediaView, type SegmentView, type SessionView } from '../../lib/call-record';
import { OUTBOX_STATE_KEY } from '../../lib/labels';
import { readQualityReport, type DirectionView } from '../../lib/quality-report';
import { useCallRecordsStore, useStores } from '../../stores/provider';
import { SideBySide } from './SideBySide';
import { AvailabilityNotice } from './AvailabilityNotice';
import { callTypeText, modalityText } from './labels';

function MediaTable({ media }: { media: MediaView }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="streams">
        <caption>{t('callRecords.media', { label: media.label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('callRecords.direction')}</th>
            <th scope="col">{t('callRecords.codec')}</th>
            <th scope="col">{t('units.lossAvgMax')}</th>
            <th scope="col">{t('units.jitterAvgMax')}</th>
            <th scope="col">{t('units.roundTripAvgMax')}</th>
            <th scope="col">{t('units.frameRate')}</th>
          </tr>
        </thead>
        <tbody>
          {media.streams.map((stream) => (
            <tr key={stream.id}>
              <th scope="row">{stream.direction === 'callerToCallee' ? t('callRecords.callerToCallee') : stream.direction === 'calleeToCaller' ? t('callRecords.calleeToCaller') : '—'}</th>
              <td>{stream.codec ?? '—'}</td>
              <td>
                {format.percent(stream.averageLossPercent)} / {format.percent(stream.maxLossPercent)}
              </td>
              <td>
                {format.milliseconds(stream.averageJitterMs)} / {format.milliseconds(stream.maxJitterMs)}
              </td>
              <td>
                {format.milliseconds(stream.averageRoundTripMs)} / {format.milliseconds(stream.maxRoundTripMs)}
              </td>
              <td>{format.frameRate(stream.averageFrameRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Segment({ segment, index }: { segment: SegmentView; index: number }) {
  const t = useT();
  const format = useFormat();
  return (
    <li className="segment">
      <p>
        <strong>{t('callRecords.segment', { n: index + 1 })}</strong> {segment.caller} → {segment.callee} · {format.time(segment.start)}–{format.time(segment.end)}
        {segment.failure !== undefined && <span className="field-error"> · {t('callRecords.failure', { reason: segment.failure })}</span>}
      </p>
      {segment.media.length === 0 ? <p className="muted">{t('callRecords.noMedia')}</p> : segment.media.map((media, i) => <MediaTable key={`${media.label}-${i}`} media={media} />)}
    </li>
  );
}

function Session({ session, index }: { session: SessionView; index: number }) {
  const t = useT();
  const format = useFormat();
  return (
    <li>
      <details open={index === 0}>
        <summary>
          {t('callRecords.session', { n: index + 1 })}: {session.caller} → {session.callee} · {session.modalities.map((m) => modalityText(t, m)).join(', ')} ·{' '}
          {format.time(session.start)}–{format.time(session.end)}
        </summary>
        {session.failure !== undefined && <p className="field-error">{t('callRecords.failure', { reason: session.failure })}</p>}
        <ol className="segments">
          {session.segments.map((segment, i) => (
            <Segment key={segment.id} segment={segment} index={i} />
          ))}
        </ol>
      </details>
    </li>
  );
}

function DirectionCells({ side }: { side: DirectionView }) {
  const format = useFormat();
  return (
    <>
      <td>
        {format.percent(side.averageLossPercent)} / {format.percent(side.maxLossPercent)}
      </td>
      <td>
        {format.milliseconds(side.averageJitterMs)} / {format.milliseconds(side.maxJitterMs)}
      </td>
      <td>
        {format.milliseconds(side.averageRoundTripMs)} / {format.milliseconds(side.maxRoundTripMs)}
      </td>
      <td>{format.frameRate(side.averageFrameRate)}</td>
    </>
  );
}

function RoomReport({ report }: { report: ReportDetail }) {
  const t = useT();
  const format = useFormat();
  const { app } = useStores();
  const quality = readQualityReport(report.body);
  return (
    <article className="card">
      <header className="card-header">
        <h3>{quality?.deviceDescription ?? report.roomId ?? t('callRecords.roomReport')}</h3>
        <span>{t(OUTBOX_STATE_KEY[report.state])}</span>
        <button type="button" className="link-button" onClick={() => app.getState().navigate({ view: 'outbox', reportId: report.id })}>
          {t('callRecords.openInOutbox')}
        </button>
      </header>
      <p className="muted">
        {quality?.deviceName ?? ''} · {format.dateTime(report.createdAt)}
      </p>
      <div className="table-scroll">
        <table className="streams">
          <caption>{t('callRecords.reportMedia')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('callRecords.reportItem')}</th>
              <th scope="col">{t('units.lossAvgMax')}</th>
              <th scope="col">{t('units.jitterAvgMax')}</th>
              <th scope="col">{t('units.roundTripAvgMax')}</th>
              <th scope="col">{t('units.frameRate')}</th>
            </tr>
          </thead>
          <tbody>
            {(quality?.items ?? []).flatMap((item, i) => {
              const name = `${modalityText(t, item.modality)} ${item.channelIndex ?? ''}`.trim();
              return [
                <tr key={`${i}-in`}>
                  <th scope="row">
                    {name} · {t('direction.inbound')}
                  </th>
                  <DirectionCells side={item.inbound} />
                </tr>,
                <tr key={`${i}-out`}>
                  <th scope="row">
                    {name} · {t('direction.outbound')}
                  </th>
                  <DirectionCells side={item.outbound} />
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
    </article>
  );
}

const NO_NAMES: string[] = [];

export function CallRecordDetail({ recordId }: { recordId: string }) {
  const t = useT();
  const format = useFormat();
  const { app, callRecords } = useStores();
  const detail = useCallRecordsStore((state) => state.detail);
  const back = (
    <button type="button" className="link-button" onClick={() => app.getState().navigate({ view: 'callRecords' })}>
      ← {t('callRecords.backToList')}
    </button>
  );
  const record = detail.status === 'ready' ? readCallRecord(detail.value.record) : undefined;
  // The list reads names from every identity Graph may use (associatedIdentity, organizer_v2…): the detail
  // shows the same ones when the record's own participant identities carry none.
  const listedNames = useCallRecordsStore((state) => (state.list.status === 'ready' ? state.list.value.items.find((item) => item.id === recordId)?.participantNames : undefined)) ?? NO_NAMES;
  return (
    <section aria-labelledby="call-record-heading">
      {back}
      <header className="page-header">
        <h1 id="call-record-heading">{t('callRecords.detailTitle')}</h1>
        <code className="id">{recordId}</code>
        <button type="button" onClick={() => callRecords.getState().open(recordId, { refresh: true })}>
          {t('common.refresh')}
        </button>
      </header>
      {(detail.status === 'loading' || detail.status === 'idle') && <Loading label={t('callRecords.loadingDetail')} />}
      {detail.status === 'error' && <ErrorNotice error={detail.error} onRetry={() => callRecords.getState().open(recordId)} />}
      {detail.status === 'ready' && (
        <>
          <AvailabilityNotice availability={detail.value.availability} message={detail.value.message} stale={detail.value.stale} fetchedAt={detail.value.fetchedAt} />
          <p className="muted">{t('callRecords.unitsNote')}</p>
          {detail.value.comparison !== undefined && <SideBySide comparison={detail.value.comparison} />}
          <div className="side-by-side">
            <div>
              <h2>{t('callRecords.graphSide')}</h2>
              {record === undefined ? (
                <p className="muted">{t('callRecords.noRecord')}</p>
              ) : (
                <>
                  <dl className="summary">
                    <div>
                      <dt>{t('callRecords.start')}</dt>
                      <dd>
                        {format.dateTime(record.start)} – {format.time(record.end)}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('callRecords.type')}</dt>
                      <dd>{callTypeText(t, record.type)}</dd>
                    </div>
                    <div>
                      <dt>{t('callRecords.modalities')}</dt>
                      <dd>{record.modalities.map((m) => modalityText(t, m)).join(', ') || '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('callRecords.organizer')}</dt>
                      <dd>{record.organizer ?? '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('callRecords.participants')}</dt>
                      <dd>{(record.participants.length > 0 ? record.participants : listedNames).join(', ') || '—'}</dd>
                    </div>
                  </dl>
                  <h3>{t('callRecords.sessions', { count: record.sessions.length })}</h3>
                  <ol className="sessions">
                    {record.sessions.map((session, i) => (
                      <Session key={session.id} session={session} index={i} />
                    ))}
                  </ol>
                  {record.moreSessions && <p className="muted">{t('callRecords.moreSessions')}</p>}
                </>
              )}
            </div>
            <div>
              <h2>{t('callRecords.reportSide')}</h2>
              {detail.value.reports.length === 0 ? (
                <p className="muted">{t('callRecords.noReport')}</p>
              ) : (
                detail.value.reports.map((report) => <RoomReport key={report.id} report={report} />)
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
