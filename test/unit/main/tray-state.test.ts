// The tray follows the window's alert rule (shared/domain/room-alert.ts): poor exactly while the overlay
// shows an alert, naming the same rooms and legs, updated in place by pushes and cleared on recovery; a poor
// room is not hidden behind a setup, delivery or device problem elsewhere.
import { describe, expect, it } from 'vitest';
import { mergeTrayRooms, roomMenuLabel, summarizeTray, TOOLTIP_MAX_CHARS, trayRoomOf } from '../../../electron/main/tray-state';
import { poorRoomAlerts } from '../../../renderer/src/shell/room-alerts';
import type { RoomEntry } from '../../../renderer/src/stores/rooms';
import type { SyncStatusView } from '../../../shared/api/views';
import type { RoomSnapshot } from '../../../shared/domain/legs';
import { wholeRoomsChange } from '../../support/room-deltas';
import { leg, room } from '../../renderer/fixtures';

const idle: SyncStatusView = { state: 'idle', pausedByOperator: false, counts: { needs_context: 0, pending: 0, in_flight: 0, sent: 3, failed: 0, discarded: 0 }, fillRatio: 0 };

const poorRoom = (id: string, name: string, lossPercent = 25.1): RoomSnapshot =>
  room(id, name, {
    classification: 'poor',
    legs: [leg({ roomId: id, lossPercent: 0.4 }), leg({ roomId: id, direction: 'outbound', classification: 'poor', lossPercent })],
  });
const goodRoom = (id: string, name: string): RoomSnapshot => room(id, name, { legs: [leg({ roomId: id }), leg({ roomId: id, direction: 'outbound' })] });

/** The window's alerts for these rooms, as the overlay computes them from its store. */
function windowAlerts(rooms: RoomSnapshot[]) {
  const byId: Record<string, RoomEntry> = {};
  for (const snapshot of rooms) byId[snapshot.roomId] = { snapshot, fingerprint: '', callHistory: {} };
  return poorRoomAlerts({ order: rooms.map((snapshot) => snapshot.roomId), byId });
}

describe('tray state from the room alert rule', () => {
  it('holds the same alert per room as the window: the worst leg and the reason it is poor', () => {
    const rooms = [poorRoom('b30', 'B30'), goodRoom('lab', 'Lab'), poorRoom('h1', 'Huddle 1', 14)];
    const tray = rooms.map(trayRoomOf);
    expect(tray.flatMap((entry) => (entry.alert === null ? [] : [entry.alert]))).toEqual(windowAlerts(rooms));
    expect(tray[0]!.alert).toMatchObject({ roomId: 'b30', legKey: { direction: 'outbound' }, metric: 'lossPercent', value: 25.1, threshold: 10 });
    expect(roomMenuLabel(tray[0]!)).toBe('B30 poor: audio outbound, Packet loss 25.1 % (limit 10 %)');
    expect(roomMenuLabel(tray[1]!)).toBe('Lab — good');
  });

  it('is poor while a room has an alert, even when setup, delivery or a device elsewhere needs attention', () => {
    const offlineDevice = { ...goodRoom('lab', 'Lab'), devices: [{ deviceId: 'lab-codec', state: 'offline' as const, lastError: 'ECONNREFUSED', since: null }] };
    const rooms = [trayRoomOf(poorRoom('b30', 'B30')), trayRoomOf(offlineDevice)];
    expect(summarizeTray(rooms, { ...idle, state: 'setup_needed', reason: 'Graph is not configured' })).toEqual({
      state: 'poor',
      tooltip: 'VTC Quality Monitor — B30 poor: audio outbound, Packet loss 25.1 % (limit 10 %) — Graph is not configured — 0 reports waiting',
    });
    expect(summarizeTray(rooms, { ...idle, counts: { ...idle.counts, failed: 2 } }).state).toBe('poor');
    // Without the alert, the problems elsewhere show again.
    const recovered = [trayRoomOf(goodRoom('b30', 'B30')), trayRoomOf(offlineDevice)];
    expect(summarizeTray(recovered, idle).state).toBe('offline');
    expect(summarizeTray(recovered, { ...idle, state: 'setup_needed' }).state).toBe('setup');
  });

  it('names every poor room, within a Windows tooltip', () => {
    const names = ['Executive Boardroom North Wing', 'Huddle Room Seventeen', 'Training Centre Auditorium', 'Lab 4'];
    const rooms = names.map((name, index) => trayRoomOf(poorRoom(`r${index}`, name)));
    const { state, tooltip } = summarizeTray(rooms, idle);
    expect(state).toBe('poor');
    expect(summarizeTray(rooms.slice(3), idle).tooltip).toBe('VTC Quality Monitor — Lab 4 poor: audio outbound, Packet loss 25.1 % (limit 10 %) — 0 reports waiting');
    // Too many to name: the count and the first names, the problems shortened, the backlog whole.
    const long = summarizeTray(rooms, { ...idle, state: 'setup_needed', reason: 'setup needed: Graph credentials are not configured (tenant, client id and a secret or certificate)' }).tooltip;
    expect(long).toMatch(/^VTC Quality Monitor — 4 rooms poor: Executive Boardroom North Wing, Huddle Room .*… — setup needed: .*… — 0 reports waiting$/);
    expect(long.length).toBeLessThanOrEqual(TOOLTIP_MAX_CHARS);
    expect(tooltip.length).toBeLessThanOrEqual(TOOLTIP_MAX_CHARS);
  });

  it('updates a room\'s alert in place from pushes and clears it when the room recovers', () => {
    let rooms = [trayRoomOf(goodRoom('b30', 'B30')), trayRoomOf(goodRoom('lab', 'Lab'))];
    expect(summarizeTray(rooms, idle).state).toBe('ok');
    rooms = mergeTrayRooms(rooms, wholeRoomsChange(1, [poorRoom('b30', 'B30', 12)]));
    expect(rooms.map((entry) => entry.roomId)).toEqual(['b30', 'lab']);
    expect(summarizeTray(rooms, idle).tooltip).toContain('B30 poor: audio outbound, Packet loss 12 % (limit 10 %)');
    // The same room, worse: one alert, its numbers updated.
    rooms = mergeTrayRooms(rooms, wholeRoomsChange(2, [poorRoom('b30', 'B30', 31)]));
    expect(rooms.filter((entry) => entry.alert !== null)).toHaveLength(1);
    expect(rooms[0]!.alert).toMatchObject({ value: 31 });
    rooms = mergeTrayRooms(rooms, wholeRoomsChange(3, [goodRoom('b30', 'B30')]));
    expect(rooms[0]!.alert).toBeNull();
    expect(summarizeTray(rooms, idle)).toEqual({ state: 'ok', tooltip: 'VTC Quality Monitor — 0 reports waiting' });
  });

  it('says nothing of a room whose call ended while poor (the window drops its alert too)', () => {
    const ended = { ...poorRoom('b30', 'B30'), activeCalls: [] };
    expect(trayRoomOf(ended).alert).toBeNull();
    expect(windowAlerts([ended])).toEqual([]);
  });
});
