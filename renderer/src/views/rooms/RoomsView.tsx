/** Home: a card per room, live. The list re-renders only when rooms are added, removed or reordered. */
import { Empty, ErrorNotice, Loading } from '../../components/status';
import { useT } from '../../i18n';
import { useRoomsStore, useStores } from '../../stores/provider';
import { RoomCard } from './RoomCard';

export function RoomsView() {
  const t = useT();
  const stores = useStores();
  const load = useRoomsStore((state) => state.load);
  const order = useRoomsStore((state) => state.order);
  return (
    <section aria-labelledby="rooms-heading">
      <h1 id="rooms-heading">{t('rooms.title')}</h1>
      {load.status === 'error' && <ErrorNotice error={load.error} onRetry={() => void stores.rooms.getState().reload()} />}
      {(load.status === 'loading' || load.status === 'idle') && <Loading label={t('rooms.loading')} />}
      {load.status === 'ready' && order.length === 0 && (
        <Empty>
          {t('rooms.empty')}{' '}
          <button type="button" className="link-button" onClick={() => stores.app.getState().navigate({ view: 'settings' })}>
            {t('rooms.goToSettings')}
          </button>
        </Empty>
      )}
      {load.status === 'ready' && order.length > 0 && (
        <div className="room-grid">
          {order.map((roomId) => (
            <RoomCard key={roomId} roomId={roomId} />
          ))}
        </div>
      )}
    </section>
  );
}
