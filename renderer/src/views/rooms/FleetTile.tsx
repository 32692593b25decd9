/**
 * One room in the fleet overview: its state, the call, its worst leg right now (metric, value, threshold,
 * what the classifier is doing) and any device in trouble. Subscribed to that room only, so a sample of
 * another room does not render it. The room's name is the button that opens the room's detail.
 */
import { memo } from 'react';
import type { RoomSnapshot } from '../../../../shared/domain/legs';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import type { Formatter } from '../../i18n';
import { DEVICE_STATE_KEY } from '../../lib/labels';
import { useRoomsStore } from '../../stores/provider';
import { deviceInTrouble, troubleGroup, worstLeg } from './fleet';
import { METRIC_KEY, type LegTexts } from './leg-texts';
import { trendText } from './trend-text';
import { teamsRoomsDevices } from './teams-rooms';

function WorstLegLine({ room, texts }: { room: RoomSnapshot; texts: LegTexts }) {
  const { t, legLabel, metricText } = texts;
  const call = room.activeCalls[0];
  if (call === undefined) return null;
  const leg = worstLeg(room);
  if (leg === null) return <span className="muted">{t('fleet.noLegs')}</span>;
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
  return (
    <span className="fleet-worst">
      {text}
      {trend !== null && <strong className="trend"> · {trend}</strong>}
    </span>
  );
}

/**
 * The texts and the formatter come from the overview (one subscription to the locale for all tiles, the same
 * objects until the language changes), so a tile's render reads the locale store not at all.
 */
export const FleetTile = memo(function FleetTile({ roomId, onOpen, texts, format }: { roomId: string; onOpen(roomId: string): void; texts: LegTexts; format: Formatter }) {
  const room = useRoomsStore((state) => state.byId[roomId]?.snapshot);
  const { t } = texts;
  if (room === undefined) return null;
  const call = room.activeCalls[0];
  const troubled = room.devices.filter(deviceInTrouble);
  return (
    <li className={`fleet-tile fleet-${troubleGroup(room)}`} onClick={() => onOpen(room.roomId)}>
      <div className="fleet-line">
        <ClassificationBadge classification={room.classification} />
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
        <span className="fleet-call muted">{call !== undefined ? t('fleet.inCall', { time: format.time(call.startedAt) }) : teamsRoomsDevices(room.devices).length > 0 ? t('fleet.teamsRoomsCall') : t('fleet.idle')}</span>
      </div>
      <div className="fleet-line fleet-detail">
        <WorstLegLine room={room} texts={texts} />
        {troubled.map((device) => (
          <span key={device.deviceId} className="fleet-device-state">
            {t('fleet.device', { device: device.deviceId, state: t(DEVICE_STATE_KEY[device.state]) })}
          </span>
        ))}
        {call === undefined && troubled.length === 0 && <span className="muted">{t('fleet.devicesOk')}</span>}
      </div>
    </li>
  );
});
