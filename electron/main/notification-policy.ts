/**
 * Which core events become an OS notification, as a pure function: the core already applies the
 * per-room alert cooldown; here we add "do not disturb", one notification per room (replaced in place, taken
 * down when the room's alert ends), and turn sync-status transitions (a report failed permanently,
 * credentials or permission problem, outbox near its bound) into one notification each time they start, not
 * on every status tick.
 */
import type { AlertEvent } from '../../shared/domain/legs';
import type { SyncStatusView } from '../../shared/api/views';
import { legText, metricText } from './alert-text';
import type { TrayRoom } from './tray-state';

export interface NotificationSpec {
  title: string;
  body: string;
  /** What a click opens. */
  target: { view: 'rooms' | 'outbox' | 'settings'; id?: string };
  urgent: boolean;
  /**
   * The room it is about, as the window's alerts are: one notification per room on screen (a newer one of
   * the room replaces it), and a `poor` one is taken down when the room's alert ends (roomsWithoutAlert),
   * whether or not the cooldown lets a "recovered" one say so.
   */
  room?: { roomId: string; poor: boolean };
}

/**
 * A poor room, and the recovery of a room that was notified poor (the core rations both with the per-room
 * cooldown, so a flapping room does not notify on every change). Per-leg recoveries and summaries are for
 * the window and the log, not the desktop.
 */
export function notificationForAlert(alert: AlertEvent, doNotDisturb: boolean): NotificationSpec | undefined {
  if (doNotDisturb) return undefined;
  if (alert.kind === 'room_recovered') {
    return {
      title: `${alert.roomName} recovered`,
      body: alert.metric === null ? 'No leg is poor any more.' : `No leg is poor any more. Was: ${describeMetric(alert)}`,
      target: { view: 'rooms', id: alert.roomId },
      urgent: false,
      room: { roomId: alert.roomId, poor: false },
    };
  }
  if (alert.kind !== 'leg_poor') return undefined;
  return {
    title: `${alert.roomName}: ${legText(alert.legKey)} quality is poor`,
    body: describeMetric(alert),
    target: { view: 'rooms', id: alert.roomId },
    urgent: true,
    room: { roomId: alert.roomId, poor: true },
  };
}

/**
 * The rooms without an alert now (recovered, call ended; shared/domain/room-alert.ts, the rule the tray and
 * the window follow): a "poor" notification about one of them is out of date and goes, so it never stays up
 * after the window and the tray stopped showing the alert. Every room, not only those whose alert the tray
 * saw end: a room can turn poor and recover between two pushes, and be notified meanwhile.
 */
export function roomsWithoutAlert(rooms: readonly TrayRoom[]): string[] {
  return rooms.flatMap((room) => (room.alert === null ? [room.roomId] : []));
}

function describeMetric(alert: AlertEvent): string {
  const text = metricText(alert);
  return text === undefined ? 'Open the room for details.' : `${text}.`;
}

export function notificationsForSyncChange(previous: SyncStatusView | undefined, next: SyncStatusView, doNotDisturb: boolean): NotificationSpec[] {
  if (doNotDisturb) return [];
  const out: NotificationSpec[] = [];
  const newlyFailed = next.counts.failed - (previous?.counts.failed ?? 0);
  if (newlyFailed > 0) {
    out.push({ title: `${newlyFailed} report${newlyFailed === 1 ? '' : 's'} failed permanently`, body: next.lastError ? `${next.lastError.code}: ${next.lastError.message}` : 'Open the outbox to resubmit or discard.', target: { view: 'outbox' }, urgent: true });
  }
  const wasBlocked = previous?.state === 'paused' && !previous.pausedByOperator;
  if (next.state === 'paused' && !next.pausedByOperator && !wasBlocked) {
    out.push({ title: 'Reports are not being delivered', body: next.reason ?? 'Check the Graph credentials and permissions.', target: { view: 'settings' }, urgent: true });
  }
  if (next.fillRatio >= 0.9 && (previous?.fillRatio ?? 0) < 0.9) {
    out.push({ title: 'The outbox is almost full', body: `${Math.round(next.fillRatio * 100)} % of its bound is used; new reports will be refused when it is full.`, target: { view: 'outbox' }, urgent: true });
  }
  return out;
}
