/** What a room card shows. Rendered by the memoized RoomCard only when that room's snapshot changed. */
import type { RoomSnapshot } from '../../../../shared/domain/legs';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { useT } from '../../i18n';
import { LegTable } from './leg-table';
import { CallSummary, DeviceList } from './room-parts';

export function RoomCardContent({ room, onOpen }: { room: RoomSnapshot; onOpen(roomId: string): void }) {
  const t = useT();
  const headingId = `room-${room.roomId}-heading`;
  const call = room.activeCalls[0] ?? null; // newest first: the room's current call
  return (
    <article className={`card room-card room-${room.classification}`} aria-labelledby={headingId}>
      <header className="card-header">
        <h2 id={headingId}>{room.roomName}</h2>
        <ClassificationBadge classification={room.classification} />
        <button type="button" className="link-button" onClick={() => onOpen(room.roomId)} aria-label={t('rooms.openDetailFor', { room: room.roomName })}>
          {t('rooms.openDetail')}
        </button>
      </header>
      <DeviceList devices={room.devices} />
      {call === null ? (
        <p className="muted">{t('rooms.idle')}</p>
      ) : (
        <>
          <CallSummary call={call} />
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
