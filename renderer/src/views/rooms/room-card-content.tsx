/**
 * What a room card shows. Rendered by the memoized RoomCard only when that room's snapshot changed; within
 * it, a live update (new samples) re-renders the legs that changed, not the header, devices or call line,
 * which are memoized on the fields they show.
 */
import { memo } from 'react';
import type { CallSnapshot, DeviceSnapshot, LegClassification, RoomSnapshot } from '../../../../shared/domain/legs';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { useT } from '../../i18n';
import { LegTable } from './leg-table';
import { CallSummary, DeviceList } from './room-parts';

interface RoomHeaderProps {
  roomId: string;
  roomName: string;
  classification: LegClassification;
  headingId: string;
  onOpen(roomId: string): void;
}

const RoomHeader = memo(function RoomHeader({ roomId, roomName, classification, headingId, onOpen }: RoomHeaderProps) {
  const t = useT();
  return (
    <header className="card-header">
      <h2 id={headingId}>{roomName}</h2>
      <ClassificationBadge classification={classification} />
      <button type="button" className="link-button" onClick={() => onOpen(roomId)} aria-label={t('rooms.openDetailFor', { room: roomName })}>
        {t('rooms.openDetail')}
      </button>
    </header>
  );
});

/** Each push carries the devices anew (fresh objects): equal when every shown field is equal. */
function sameDevices(previous: { devices: readonly DeviceSnapshot[] }, next: { devices: readonly DeviceSnapshot[] }): boolean {
  const a = previous.devices;
  const b = next.devices;
  return (
    a.length === b.length &&
    a.every((device, index) => {
      const other = b[index]!;
      return device.deviceId === other.deviceId && device.state === other.state && device.since === other.since && device.lastError === other.lastError;
    })
  );
}

const Devices = memo(DeviceList, sameDevices);

/** The call line shows when, on which device, and the Teams id: a new sample changes none of them. */
function sameCallLine(previous: { call: CallSnapshot }, next: { call: CallSnapshot }): boolean {
  const a = previous.call;
  const b = next.call;
  return a.startedAt === b.startedAt && a.deviceId === b.deviceId && a.callChainId === b.callChainId;
}

const CallLine = memo(CallSummary, sameCallLine);

export function RoomCardContent({ room, onOpen }: { room: RoomSnapshot; onOpen(roomId: string): void }) {
  const t = useT();
  const headingId = `room-${room.roomId}-heading`;
  const call = room.activeCalls[0] ?? null; // newest first: the room's current call
  return (
    <article className={`card room-card room-${room.classification}`} aria-labelledby={headingId}>
      <RoomHeader roomId={room.roomId} roomName={room.roomName} classification={room.classification} headingId={headingId} onOpen={onOpen} />
      <Devices devices={room.devices} />
      {call === null ? (
        <p className="muted">{t('rooms.idle')}</p>
      ) : (
        <>
          <CallLine call={call} />
          {call.legs.length === 0 ? (
            <p className="muted">{t('rooms.noLegsYet')}</p>
          ) : (
            <LegTable legs={call.legs} caption={t('rooms.legsCaption', { room: room.roomName })} />
          )}
        </>
      )}
    </article>
  );
}
