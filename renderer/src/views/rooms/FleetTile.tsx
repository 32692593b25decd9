/**
 * One room in the fleet overview: its state, the call, its worst leg right now (metric, value, threshold,
 * what the classifier is doing) and any device in trouble. Memoized on its room's snapshot, so a sample of
 * another room does not render it. The room's name is the button that opens the room's detail.
 */
import { memo } from 'react';
import type { RoomSnapshot } from '../../../../shared/domain/legs';
import { classificationMark } from '../../components/ClassificationBadge';
import type { Formatter } from '../../i18n';
import { DEVICE_STATE_KEY } from '../../lib/labels';
import { deviceInTrouble, troubleGroup, worstLeg } from './fleet';
import { METRIC_KEY, type LegTexts } from './leg-texts';
import { trendText } from './trend-text';
import { teamsRoomsDevices } from './teams-rooms';

/** The worst leg's words: what the classifier is doing (trend) and the numbers, value and threshold first. */
function worstLegTexts(room: RoomSnapshot, texts: LegTexts): { trend: string | null; text: string; muted: boolean } | null {
  const { t, legLabel, metricText } = texts;
  if (room.activeCalls[0] === undefined) return null;
  const leg = worstLeg(room);
  if (leg === null) return { trend: null, text: t('fleet.noLegs'), muted: true };
  const reason = leg.classificationReason ?? leg.sampleReason;
  const trend = trendText(t, leg);
  const legCount = room.activeCalls.reduce((sum, active) => sum + active.legs.length, 0);
  // A good leg's reason is a crossing on its way (the trend says so); a good leg with none needs no numbers.
  const showReason = reason !== null && (leg.classification !== 'good' || trend !== null);
  const text = showReason
    ? t('fleet.worst', {
        leg: legLabel(leg),
        metric: t(METRIC_KEY[reason.metric]),
        value: metricText(reason.metric, reason.value),
        threshold: metricText(reason.metric, reason.threshold),
      })
    : leg.classification === 'good'
      ? t('fleet.allGood', { count: String(legCount) })
      : t('fleet.worstNoReason', { leg: legLabel(leg) });
  return { trend, text, muted: false };
}

/**
 * The room, the texts and the formatter come from the overview: one subscription to the rooms and one to the
 * locale for all tiles (subscriptions are what a 64-tile first render spends most on), and the same objects
 * while nothing changed, so an unchanged room's tile bails out. `roomId` is the key the page probe of
 * bench/ui finds the tiles by.
 */
export const FleetTile = memo(function FleetTile({ room, onOpen, texts, format }: { roomId: string; room: RoomSnapshot; onOpen(roomId: string): void; texts: LegTexts; format: Formatter }) {
  const { t } = texts;
  const call = room.activeCalls[0];
  const troubled = room.devices.filter(deviceInTrouble).map((device) => ({ deviceId: device.deviceId, text: t('fleet.device', { device: device.deviceId, state: t(DEVICE_STATE_KEY[device.state]) }) }));
  const worst = worstLegTexts(room, texts);
  const callText = call !== undefined ? t('fleet.inCall', { time: format.time(call.startedAt) }) : teamsRoomsDevices(room.devices).length > 0 ? t('fleet.teamsRoomsCall') : t('fleet.idle');
  // A tile's whole text is its tooltip (a narrow tile cuts the end of its lines).
  const title = [room.roomName, callText, worst?.trend, worst?.text, ...troubled.map((device) => device.text)].filter((part) => part != null).join(' · ');
  const worstText = worst === null ? null : <span className={worst.muted ? 'fleet-worst muted' : 'fleet-worst'}>{worst.text}</span>;
  // Two lines on every tile (the list's rows never change height), laid out by one grid per tile with no
  // wrapper per line: five elements for most tiles, as 64 tiles are created at once when the window opens and
  // each element is work for React and for the first layout. Line 1: badge, name, and what the classifier is
  // doing when a leg is on its way ("turning poor 2/3"), else the call. Line 2: the worst value and its
  // threshold first, so a narrow tile cuts the leg's name, never the numbers.
  return (
    <li className={`fleet-tile fleet-${troubleGroup(room)}${worst?.trend != null ? ' fleet-trending' : ''}`} title={title} onClick={() => onOpen(room.roomId)}>
      {classificationMark(room.classification, t)}
      <button
        type="button"
        className="fleet-name link-button"
        aria-label={t('fleet.openRoom', { room: room.roomName })}
        onClick={(event) => {
          event.stopPropagation();
          onOpen(room.roomId);
        }}
      >
        {room.roomName}
      </button>
      {worst?.trend != null ? <strong className="fleet-call trend">{worst.trend}</strong> : <span className="fleet-call muted">{callText}</span>}
      {troubled.length > 0 ? (
        <span className="fleet-detail">
          {worstText}
          {troubled.map((device) => (
            <span key={device.deviceId} className="fleet-device-state">
              {device.text}
            </span>
          ))}
        </span>
      ) : (
        // No device in trouble: the worst leg alone, else (no call: worst is null only then) the devices are fine.
        (worstText ?? <span className="fleet-detail muted">{t('fleet.devicesOk')}</span>)
      )}
    </li>
  );
});
