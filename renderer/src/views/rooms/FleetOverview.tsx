/**
 * The Rooms view's first screen: every room as a compact tile, the ones in trouble first (poor, a device in
 * trouble, fair, good, idle; the configured order inside a group), under a one-line summary naming the
 * rooms in trouble. The list subscribes to the rooms once and renders on every change; a tile renders only
 * when its own room's snapshot changed (the store keeps an unchanged room's object), so a sample of one room
 * renders one tile.
 */
import { Fragment, memo, useCallback, useMemo } from 'react';
import { countText, useFormat, useT } from '../../i18n';
import type { RoomsState } from '../../stores/rooms';
import { useRoomsStore, useStores } from '../../stores/provider';
import { fleetOrder, TROUBLE_GROUPS, troubleGroup, type TroubleGroup } from './fleet';
import { FleetTile } from './FleetTile';
import { useLegTexts } from './leg-texts';

const SEPARATOR = '\u0001';
/** The summary stays one line: the first rooms of a group by name, then a count (the tiles show them all). */
const NAMED_PER_GROUP = 4;

/** The grouped order as one string ("poor:id…"), so the selector's answer is equal while no group changes. */
function layoutKey(state: RoomsState): string {
  const groupOf = (roomId: string) => {
    const entry = state.byId[roomId];
    return entry === undefined ? undefined : troubleGroup(entry.snapshot);
  };
  return fleetOrder(state.order, groupOf)
    .map((roomId) => `${groupOf(roomId)}:${roomId}`)
    .join(SEPARATOR);
}

interface Placed {
  roomId: string;
  group: TroubleGroup;
}

function parseLayout(key: string): Placed[] {
  if (key === '') return [];
  return key.split(SEPARATOR).map((part) => {
    const colon = part.indexOf(':');
    const group = part.slice(0, colon);
    return { roomId: part.slice(colon + 1), group: group === 'poor' || group === 'device' || group === 'warning' || group === 'good' ? group : 'idle' };
  });
}

const Summary = memo(function Summary({ placed, onOpen }: { placed: readonly Placed[]; onOpen(roomId: string): void }) {
  const t = useT();
  // Names only (a string, equal while unchanged): a sample does not render the summary again.
  const namesKey = useRoomsStore((state) => placed.map((room) => state.byId[room.roomId]?.snapshot.roomName ?? room.roomId).join(SEPARATOR));
  const names = namesKey.split(SEPARATOR);
  const groups: { group: TroubleGroup; label: string }[] = [];
  const count = (group: TroubleGroup) => placed.filter((room) => room.group === group).length;
  const poor = count('poor');
  if (poor > 0) groups.push({ group: 'poor', label: countText(t, poor, 'fleet.summaryPoorOne', 'fleet.summaryPoor') });
  if (count('device') > 0) groups.push({ group: 'device', label: t('fleet.summaryDevices', { count: String(count('device')) }) });
  if (count('warning') > 0) groups.push({ group: 'warning', label: t('fleet.summaryWarning', { count: String(count('warning')) }) });
  const named = (group: TroubleGroup) => placed.map((room, index) => ({ ...room, name: names[index] ?? room.roomId })).filter((room) => room.group === group);
  if (groups.length === 0) return <p className="fleet-summary muted">{t('fleet.allWell')}</p>;
  return (
    <p className="fleet-summary">
      {groups.map(({ group, label }, index) => (
        <span key={group} className={`fleet-summary-${group}`}>
          {index > 0 && ' · '}
          <strong>{label}</strong>{' '}
          {named(group)
            .slice(0, NAMED_PER_GROUP)
            .map((room, position) => (
              <span key={room.roomId}>
                {position > 0 && ', '}
                <button type="button" className="link-button" onClick={() => onOpen(room.roomId)}>
                  {room.name}
                </button>
              </span>
            ))}
          {named(group).length > NAMED_PER_GROUP && <span className="muted"> {t('fleet.andMore', { count: String(named(group).length - NAMED_PER_GROUP) })}</span>}
        </span>
      ))}
    </p>
  );
});

export function FleetOverview() {
  const t = useT();
  const { app } = useStores();
  const key = useRoomsStore(layoutKey);
  const byId = useRoomsStore((state) => state.byId);
  const placed = useMemo(() => parseLayout(key), [key]);
  const open = useCallback((roomId: string) => app.getState().navigate({ view: 'room', roomId }), [app]);
  const texts = useLegTexts();
  const format = useFormat();
  return (
    <>
      <Summary placed={placed} onOpen={open} />
      <ul className="fleet" aria-label={t('fleet.listLabel')}>
        {/*
          One keyed fragment per group: a room that changes group leaves one fragment and joins another, and
          the tiles around it keep their DOM nodes in place. In one flat list React would move every tile
          placed after it (a room going poor jumps to the front: 63 DOM moves and a relayout of the whole grid).
        */}
        {TROUBLE_GROUPS.map((group) => (
          <Fragment key={group}>
            {placed
              .filter((room) => room.group === group)
              .map(({ roomId }) => {
                const room = byId[roomId]?.snapshot;
                return room === undefined ? null : <FleetTile key={roomId} roomId={roomId} room={room} onOpen={open} texts={texts} format={format} />;
              })}
          </Fragment>
        ))}
      </ul>
    </>
  );
}
