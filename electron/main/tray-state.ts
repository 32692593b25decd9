/**
 * What the tray shows, pure (no Electron import) so it is tested directly.
 *
 * Rooms follow the alert rule the window's overlay follows (shared/domain/room-alert.ts): a room has one
 * alert while it is poor, naming its worst leg now, updated with every push and gone when the room recovers
 * or its call ends. So the tray is poor exactly while the window shows an alert, and names the same rooms
 * and legs; the desktop notifications of those episodes are rationed by the core's cooldown, the tray and
 * the window are not (they show the state now).
 *
 * One overall state: poor > setup needed > offline or sync error > warning > ok. A poor room comes first,
 * as in the fleet overview: it is a meeting suffering now, the one thing an operator can act on at once;
 * setup and delivery problems stay in the tooltip (and in the status bar) meanwhile.
 */
import type { RoomsChange, RoomSummary } from '../../shared/domain/legs';
import { roomAlertOf, type AlertRuleRoom, type RoomAlert } from '../../shared/domain/room-alert';
import type { SyncStatusView } from '../../shared/api/views';
import { legText, metricText } from './alert-text';

export type TrayState = 'ok' | 'warning' | 'poor' | 'offline' | 'setup';

/** A room as the tray holds it: its summary and its alert now (no calls, no history). */
export interface TrayRoom extends RoomSummary {
  alert: RoomAlert | null;
}

export interface TraySummary {
  state: TrayState;
  tooltip: string;
}

/** Tray tooltips are cut at 127 characters on Windows. The status bar and the window show everything. */
export const TOOLTIP_MAX_CHARS = 127;

export function trayRoomOf(room: AlertRuleRoom): TrayRoom {
  const { roomId, roomName, devices, classification } = room;
  return { roomId, roomName, devices, classification, alert: roomAlertOf(room) };
}

/**
 * The rooms after a push: each changed room replaced, in place, the others kept. The shell applies no history
 * delta and never needs to re-read: the core is in this process and every push reaches it in order.
 */
export function mergeTrayRooms(current: readonly TrayRoom[], change: RoomsChange): TrayRoom[] {
  const byId = new Map(current.map((room) => [room.roomId, room]));
  for (const room of change.rooms) byId.set(room.roomId, trayRoomOf(room));
  return [...byId.values()];
}

/** "Boardroom poor: audio inbound, Packet loss 25.1 % (limit 10 %)" (the notification's words). */
export function alertText(alert: RoomAlert): string {
  const metric = metricText(alert);
  return `${alert.roomName} poor: ${legText(alert.legKey)}${metric === undefined ? '' : `, ${metric}`}`;
}

/** The room's line in the tray menu: its alert, or its state in a word. */
export function roomMenuLabel(room: TrayRoom): string {
  if (room.alert !== null) return alertText(room.alert);
  return `${room.roomName} — ${room.classification === 'unknown' ? 'idle' : room.classification}`;
}

const DEVICE_DOWN = new Set(['offline', 'auth_failed', 'certificate_changed', 'error']);

export function summarizeTray(rooms: readonly TrayRoom[], sync: SyncStatusView | undefined): TraySummary {
  const alerts = rooms.flatMap((room) => (room.alert === null ? [] : [room.alert]));
  const warning = rooms.find((room) => room.classification === 'warning');
  const unsent = sync ? sync.counts.pending + sync.counts.in_flight + sync.counts.needs_context + sync.counts.failed : 0;
  const deviceDown = rooms.some((room) => room.devices.some((device) => DEVICE_DOWN.has(device.state)));
  let state: TrayState;
  if (alerts.length > 0) state = 'poor';
  else if (!sync || sync.state === 'setup_needed') state = 'setup';
  else if ((sync.state === 'paused' && !sync.pausedByOperator) || sync.counts.failed > 0 || deviceDown || sync.fillRatio >= 0.9 || sync.storage !== undefined) state = 'offline';
  else if (warning !== undefined) state = 'warning';
  else state = 'ok';

  let headline = 'VTC Quality Monitor';
  if (alerts.length === 1) headline += ` — ${alertText(alerts[0]!)}`;
  else if (alerts.length > 1) headline += ` — ${alerts.length} rooms poor: ${alerts.map((alert) => alert.roomName).join(', ')}`;
  else if (warning !== undefined) headline += ` — ${warning.roomName}: warning`;
  const problems: string[] = [];
  if (!sync || sync.state === 'setup_needed') problems.push(sync?.reason ?? 'Setup needed');
  if (sync?.state === 'paused') problems.push(sync.reason ?? 'Sync paused');
  if (sync?.storage) problems.push(storageText(sync.storage));
  const problemText = problems.map((problem) => ` — ${problem}`).join('');
  const backlog = ` — ${unsent} report${unsent === 1 ? '' : 's'} waiting`;
  const whole = `${headline}${problemText}${backlog}`;
  if (whole.length <= TOOLTIP_MAX_CHARS) return { state, tooltip: whole };
  // Too long: the rooms keep up to two thirds, the backlog stays whole, the problems get what is left.
  const head = clip(headline, Math.floor((TOOLTIP_MAX_CHARS * 2) / 3));
  return { state, tooltip: `${head}${clip(problemText, TOOLTIP_MAX_CHARS - head.length - backlog.length)}${backlog}` };
}

function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(0, maxChars - 1))}…`;
}

/** Short, for the tooltip. */
function storageText(storage: NonNullable<SyncStatusView['storage']>): string {
  if (storage.kind === 'invalid_report') return 'A measured report was refused (see the status bar)';
  const why = storage.kind === 'disk_full' ? 'disk full' : storage.kind === 'busy' ? 'database locked' : storage.code;
  return `Reports cannot be stored: ${why}${storage.waitingReports > 0 ? ` (${storage.waitingReports} kept in memory)` : ''}`;
}
