/** Home: the fleet overview, every room on one screen with the ones in trouble first (FleetOverview). */
import { Empty, ErrorNotice, Loading } from '../../components/status';
import { useT } from '../../i18n';
import { useRoomsStore, useStores } from '../../stores/provider';
import { FleetOverview } from './FleetOverview';

export function RoomsView() {
  const t = useT();
  const stores = useStores();
  const load = useRoomsStore((state) => state.load);
  const roomCount = useRoomsStore((state) => state.order.length);
  return (
    <section aria-labelledby="rooms-heading">
      <h1 id="rooms-heading">{t('rooms.title')}</h1>
      {load.status === 'error' && <ErrorNotice error={load.error} onRetry={() => void stores.rooms.getState().reload()} />}
      {(load.status === 'loading' || load.status === 'idle') && <Loading label={t('rooms.loading')} />}
      {load.status === 'ready' && roomCount === 0 && (
        <Empty>
          {t('rooms.empty')}{' '}
          <button type="button" className="link-button" onClick={() => stores.app.getState().navigate({ view: 'settings' })}>
            {t('rooms.goToSettings')}
          </button>
        </Empty>
      )}
      {load.status === 'ready' && roomCount > 0 && <FleetOverview />}
    </section>
  );
}
