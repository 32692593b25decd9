/**
 * One room's card, subscribed to that room only: the selector returns the store's entry snapshot, which keeps
 * its identity while the room is unchanged, so an update of another room does not render this one.
 */
import { memo, useCallback } from 'react';
import { useRoomsStore, useStores } from '../../stores/provider';
import { RoomCardContent } from './room-card-content';

export const RoomCard = memo(function RoomCard({ roomId }: { roomId: string }) {
  const snapshot = useRoomsStore((state) => state.byId[roomId]?.snapshot);
  const app = useStores().app;
  const open = useCallback((id: string) => app.getState().navigate({ view: 'room', roomId: id }), [app]);
  if (snapshot === undefined) return null;
  return <RoomCardContent room={snapshot} onOpen={open} />;
});
