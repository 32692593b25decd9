/**
 * Room alerts as an overlay in a fixed place (bottom right, above the status bar), so they never shift the
 * page: one alert per poor room, updated in place with its worst leg; when a room recovers, a short
 * "recovered — was 25.1 %, now 0.2 %" that fades. A hidden live region announces a room once per change
 * (turned poor, recovered), never per sample.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { countText, useT, type Translate } from '../i18n';
import { DIRECTION_KEY, MODALITY_KEY } from '../lib/labels';
import { useRoomsStore, useStores } from '../stores/provider';
import { METRIC_KEY, useMetricText, type MetricText } from '../views/rooms/leg-texts';
import { RECOVERY_SHOWN_MS, alertsKey, poorRoomAlerts, recoveriesSince, type Recovery, type RoomAlert } from './room-alerts';

const SHOWN_POOR = 3;

function legName(t: Translate, alert: Pick<RoomAlert, 'legKey'>): string {
  return t('leg.name', { modality: t(MODALITY_KEY[alert.legKey.modality]), direction: t(DIRECTION_KEY[alert.legKey.direction]) });
}

function detailOf(t: Translate, metricText: MetricText, alert: RoomAlert): string {
  const leg = legName(t, alert);
  if (alert.metric === null || alert.value === null) return leg;
  return `${leg}: ${t('alert.metric', {
    metric: t(METRIC_KEY[alert.metric]),
    value: metricText(alert.metric, alert.value),
    threshold: metricText(alert.metric, alert.threshold),
  })}`;
}

export function AlertRegion() {
  const t = useT();
  const metricText = useMetricText();
  const { app, rooms } = useStores();
  const key = useRoomsStore((state) => alertsKey(poorRoomAlerts(state)));
  // Recomputed only when the key changed (a poor room's leg or numbers), from the store as it is now.
  const alerts = useMemo(() => (key === '' ? [] : poorRoomAlerts(rooms.getState())), [key, rooms]);
  const [recovered, setRecovered] = useState<Recovery[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<RoomAlert[]>([]);

  useEffect(() => {
    const before = previous.current;
    previous.current = alerts;
    const wasPoor = new Set(before.map((alert) => alert.roomId));
    const isPoor = new Set(alerts.map((alert) => alert.roomId));
    const turned = alerts.filter((alert) => !wasPoor.has(alert.roomId));
    const back = recoveriesSince(before, alerts, rooms.getState(), Date.now());
    if (back.length > 0) setRecovered((shown) => [...back, ...shown.filter((item) => !back.some((again) => again.roomId === item.roomId))]);
    if (turned.length > 0) setRecovered((shown) => shown.filter((item) => !isPoor.has(item.roomId)));
    // A dismissed alert comes back when its room turns poor again.
    setDismissed((hidden) => (hidden.size === 0 ? hidden : new Set([...hidden].filter((roomId) => isPoor.has(roomId)))));
    const said = [
      ...turned.map((alert) => t('alerts.announcePoor', { room: alert.roomName, detail: detailOf(t, metricText, alert) })),
      ...back.map((item) => t('alerts.announceRecovered', { room: item.roomName })),
    ];
    if (said.length > 0) setAnnouncement(said.join(' '));
    // Only a change of the set of poor rooms is announced; `t` and `metricText` change with the language only.
  }, [alerts, rooms]);

  useEffect(() => {
    if (recovered.length === 0) return;
    const oldest = Math.min(...recovered.map((item) => item.seenAtMs));
    const timer = setTimeout(() => setRecovered((shown) => shown.filter((item) => Date.now() - item.seenAtMs < RECOVERY_SHOWN_MS)), Math.max(0, oldest + RECOVERY_SHOWN_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [recovered]);

  const visible = alerts.filter((alert) => !dismissed.has(alert.roomId));
  const open = (roomId: string) => app.getState().navigate({ view: 'room', roomId });
  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {(visible.length > 0 || recovered.length > 0) && (
        <section className="alert-overlay" aria-label={t('alerts.label')}>
          <ul>
            {visible.slice(0, SHOWN_POOR).map((alert) => (
              <li key={alert.roomId} className="alert alert-poor">
                <span>
                  <strong>{t('alerts.poor', { room: alert.roomName })}</strong> {detailOf(t, metricText, alert)}
                </span>
                <button type="button" className="link-button" onClick={() => open(alert.roomId)} aria-label={`${t('alert.open')}: ${alert.roomName}`}>
                  {t('alert.open')}
                </button>
                <button type="button" className="link-button" onClick={() => setDismissed((hidden) => new Set(hidden).add(alert.roomId))} aria-label={`${t('alert.dismiss')}: ${alert.roomName}`}>
                  ×
                </button>
              </li>
            ))}
            {visible.length > SHOWN_POOR && (
              <li className="alert alert-more">
                <button type="button" className="link-button" onClick={() => app.getState().navigate({ view: 'rooms' })}>
                  {countText(t, visible.length - SHOWN_POOR, 'alerts.moreOne', 'alerts.more')}
                </button>
              </li>
            )}
            {recovered.map((item) => (
              <li key={`recovered-${item.roomId}`} className="alert alert-recovered">
                <span>
                  {t('alerts.recovered', {
                    room: item.roomName,
                    was: `${t(METRIC_KEY[item.metric])} ${metricText(item.metric, item.was)}`,
                    now: metricText(item.metric, item.now),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
