/**
 * The one overall state the tray shows: setup needed > offline or sync error > poor > warning > ok.
 * Pure (no Electron import) so it is tested directly. The tooltip names the worst room and the backlog.
 */
import type { RoomSummary } from '../../shared/domain/legs';
import type { SyncStatusView } from '../../shared/api/views';

export type TrayState = 'ok' | 'warning' | 'poor' | 'offline' | 'setup';

export interface TraySummary {
  state: TrayState;
  tooltip: string;
  worstRoom?: { roomId: string; roomName: string };
}

const RANK = { unknown: 0, good: 1, warning: 2, poor: 3 } as const;

export function summarizeTray(rooms: readonly RoomSummary[], sync: SyncStatusView | undefined): TraySummary {
  const worst = rooms.reduce<RoomSummary | undefined>((acc, room) => (!acc || RANK[room.classification] > RANK[acc.classification] ? room : acc), undefined);
  const unsent = sync ? sync.counts.pending + sync.counts.in_flight + sync.counts.needs_context + sync.counts.failed : 0;
  const backlog = `${unsent} report${unsent === 1 ? '' : 's'} waiting`;
  const deviceDown = rooms.some((room) => room.devices.some((device) => device.state === 'offline' || device.state === 'auth_failed' || device.state === 'certificate_changed' || device.state === 'error'));
  let state: TrayState;
  if (!sync || sync.state === 'setup_needed') state = 'setup';
  else if ((sync.state === 'paused' && !sync.pausedByOperator) || sync.counts.failed > 0 || deviceDown || sync.fillRatio >= 0.9 || sync.storage !== undefined) state = 'offline';
  else if (worst?.classification === 'poor') state = 'poor';
  else if (worst?.classification === 'warning') state = 'warning';
  else state = 'ok';
  const parts = ['VTC Quality Monitor'];
  if (state === 'setup') parts.push(sync?.reason ?? 'Setup needed');
  if (worst && (worst.classification === 'poor' || worst.classification === 'warning')) parts.push(`${worst.roomName}: ${worst.classification}`);
  if (sync?.state === 'paused') parts.push(sync.reason ?? 'Sync paused');
  if (sync?.storage) parts.push(storageText(sync.storage));
  parts.push(backlog);
  return { state, tooltip: parts.join(' — '), worstRoom: worst ? { roomId: worst.roomId, roomName: worst.roomName } : undefined };
}

/** Short: tray tooltips are cut at 127 characters on Windows. The status bar shows the whole message. */
function storageText(storage: NonNullable<SyncStatusView['storage']>): string {
  if (storage.kind === 'invalid_report') return 'A measured report was refused (see the status bar)';
  const why = storage.kind === 'disk_full' ? 'disk full' : storage.kind === 'busy' ? 'database locked' : storage.code;
  return `Reports cannot be stored: ${why}${storage.waitingReports > 0 ? ` (${storage.waitingReports} kept in memory)` : ''}`;
}
