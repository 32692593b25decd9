/**
 * One room over its current call: per leg the statistics (now, average, highest) and larger charts of every
 * point seen since the call started (the store merges the snapshots' rolling histories).
 */
import { useEffect } from 'react';
import type { LegHistoryPoint, LegStatsSnapshot, MetricStats } from '../../../../shared/domain/legs';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { Sparkline, chartMax } from '../../components/Sparkline';
import { Loading } from '../../components/status';
import { useFormat, useT } from '../../i18n';
import { useRoomsStore, useStores } from '../../stores/provider';
import { LegTable } from './leg-table';
import { CHART_FLOOR, hasVideoMetrics, series, sortLegs, type ChartMetric } from './legs';
import { METRIC_KEY, useLegLabel, useMetricText } from './leg-texts';
import { CallSummary, DeviceList } from './room-parts';
import { TeamsRoomsCalls, teamsRoomsDevices } from './teams-rooms';

function Chart({ metric, history, legName, classification }: { metric: ChartMetric; history: readonly LegHistoryPoint[]; legName: string; classification: string }) {
  const t = useT();
  const format = useFormat();
  const metricText = useMetricText();
  const values = series(history, metric);
  if (!values.some((value) => value !== undefined)) return null;
  const max = chartMax(values, CHART_FLOOR[metric]);
  const latest = [...values].reverse().find((value) => value !== undefined);
  return (
    <figure className="chart">
      <figcaption>{t(METRIC_KEY[metric])}</figcaption>
      <div className="chart-body">
        <div className="chart-axis" aria-hidden="true">
          <span>{metricText(metric, max)}</span>
          <span>{metricText(metric, 0)}</span>
        </div>
        <Sparkline
          values={values}
          width={320}
          height={96}
          minimumMax={CHART_FLOOR[metric]}
          grid
          className={`trend-${classification}`}
          label={t('rooms.chartLabel', {
            leg: legName,
            metric: t(METRIC_KEY[metric]),
            from: format.time(history[0]?.at),
            to: format.time(history[history.length - 1]?.at),
            latest: metricText(metric, latest),
            highest: metricText(metric, max),
          })}
        />
      </div>
      <div className="chart-times" aria-hidden="true">
        <span>{format.time(history[0]?.at)}</span>
        <span>{format.time(history[history.length - 1]?.at)}</span>
      </div>
    </figure>
  );
}

function StatsTable({ leg }: { leg: LegStatsSnapshot }) {
  const t = useT();
  const metricText = useMetricText();
  const rows: [ChartMetric, MetricStats][] = [
    ['lossPercent', leg.lossPercent],
    ['jitterMs', leg.jitterMs],
    ['roundTripMs', leg.roundTripMs],
  ];
  if (hasVideoMetrics(leg.key.modality)) rows.push(['bitRate', leg.bitRate], ['frameRate', leg.frameRate]);
  return (
    <table className="stats">
      <thead>
        <tr>
          <th scope="col">{t('leg.metric')}</th>
          <th scope="col">{t('stats.current')}</th>
          <th scope="col">{t('stats.average')}</th>
          <th scope="col">{t('stats.highest')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([metric, stats]) => (
          <tr key={metric}>
            <th scope="row">{t(METRIC_KEY[metric])}</th>
            <td>{metricText(metric, stats.current)}</td>
            <td>{metricText(metric, stats.avg)}</td>
            <td>{metricText(metric, stats.max)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LegDetail({ leg, history }: { leg: LegStatsSnapshot; history: readonly LegHistoryPoint[] }) {
  const t = useT();
  const legLabel = useLegLabel();
  const metricText = useMetricText();
  const name = legLabel(leg);
  const reason = leg.classificationReason;
  const metrics: ChartMetric[] = hasVideoMetrics(leg.key.modality)
    ? ['lossPercent', 'jitterMs', 'roundTripMs', 'bitRate', 'frameRate']
    : ['lossPercent', 'jitterMs', 'roundTripMs'];
  return (
    <section className="card leg-detail" aria-label={name}>
      <header className="card-header">
        <h3>{name}</h3>
        <ClassificationBadge classification={leg.classification} />
      </header>
      {reason !== null && (
        <p>
          {t('leg.reason', {
            metric: t(METRIC_KEY[reason.metric]),
            value: metricText(reason.metric, reason.value),
            threshold: metricText(reason.metric, reason.threshold),
          })}
        </p>
      )}
      <StatsTable leg={leg} />
      <div className="charts">
        {metrics.map((metric) => (
          <Chart key={metric} metric={metric} history={history} legName={name} classification={leg.classification} />
        ))}
      </div>
    </section>
  );
}

export function RoomDetailView({ roomId }: { roomId: string }) {
  const t = useT();
  const stores = useStores();
  const entry = useRoomsStore((state) => state.byId[roomId]);
  const load = useRoomsStore((state) => state.load.status);
  // The room list carries only the latest points: the charts' earlier ones are read when the room opens
  // (again once the list is ready, when the detail was opened before it), and after every re-read of the list.
  useEffect(() => (load === 'ready' ? stores.rooms.getState().watchHistory(roomId) : undefined), [stores, roomId, load]);
  const back = (
    <button type="button" className="link-button" onClick={() => stores.app.getState().navigate({ view: 'rooms' })}>
      ← {t('rooms.backToRooms')}
    </button>
  );
  if (entry === undefined) {
    return (
      <section>
        {back}
        {load === 'ready' ? <p className="notice">{t('rooms.notFound')}</p> : <Loading />}
      </section>
    );
  }
  const room = entry.snapshot;
  return (
    <section aria-labelledby="room-detail-heading">
      {back}
      <header className="page-header">
        <h1 id="room-detail-heading">{room.roomName}</h1>
        <ClassificationBadge classification={room.classification} />
      </header>
      <DeviceList devices={room.devices} />
      <TeamsRoomsCalls devices={room.devices} />
      {room.activeCalls.length === 0 && teamsRoomsDevices(room.devices).length === 0 && <p className="muted">{t('rooms.idle')}</p>}
      {room.activeCalls.map((call) => (
        <section key={`${call.deviceId}:${call.callId}`} className="call" aria-label={t('rooms.callOf', { device: call.deviceId })}>
          <CallSummary call={call} />
          {call.legs.length === 0 && <p className="muted">{t('rooms.noLegsYet')}</p>}
          {call.legs.length > 0 && <LegTable legs={call.legs} caption={t('rooms.legsCaption', { room: room.roomName })} />}
          {sortLegs(call.legs).map((leg) => (
            <LegDetail key={leg.id} leg={leg} history={entry.callHistory[leg.id] ?? leg.history} />
          ))}
        </section>
      ))}
    </section>
  );
}
