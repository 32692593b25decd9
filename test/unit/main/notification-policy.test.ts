import { describe, expect, it } from 'vitest';
import { notificationForAlert, roomsWithoutAlert } from '../../../electron/main/notification-policy';
import type { TrayRoom } from '../../../electron/main/tray-state';
import type { AlertEvent } from '../../../shared/domain/legs';

const alert = (kind: AlertEvent['kind']): AlertEvent => ({
  kind,
  roomId: 'b30',
  roomName: 'B30',
  legKey: { roomId: 'b30', deviceId: 'codec', callId: '1', modality: 'audio', direction: 'inbound', channelIndex: 1 },
  metric: 'lossPercent',
  value: 25.1,
  threshold: 10,
  at: '2026-01-10T10:00:00Z',
});

describe('desktop notifications for room alerts', () => {
  it('notifies a poor room and its recovery, not each leg recovering, and nothing in do-not-disturb', () => {
    expect(notificationForAlert(alert('leg_poor'), false)).toMatchObject({ title: 'B30: audio inbound quality is poor', urgent: true });
    expect(notificationForAlert(alert('room_recovered'), false)).toEqual({
      title: 'B30 recovered',
      body: 'No leg is poor any more. Was: Packet loss 25.1 % (limit 10 %).',
      target: { view: 'rooms', id: 'b30' },
      urgent: false,
      room: { roomId: 'b30', poor: false },
    });
    expect(notificationForAlert(alert('leg_poor'), false)?.room).toEqual({ roomId: 'b30', poor: true });
    expect(notificationForAlert(alert('leg_recovered'), false)).toBeUndefined();
    expect(notificationForAlert(alert('room_recovered'), true)).toBeUndefined();
  });
});

describe('a room\'s poor notification ends with its alert', () => {
  const trayRoom = (roomId: string, poor: boolean): TrayRoom => ({
    roomId,
    roomName: roomId.toUpperCase(),
    devices: [],
    classification: poor ? 'poor' : 'good',
    alert: poor ? { roomId, roomName: roomId.toUpperCase(), legId: 'leg', legKey: alert('leg_poor').legKey, metric: 'lossPercent', value: 25.1, threshold: 10 } : null,
  });

  it('names the rooms without an alert now, whether or not the tray saw one', () => {
    expect(roomsWithoutAlert([trayRoom('b30', false), trayRoom('lab', true), trayRoom('h1', false)])).toEqual(['b30', 'h1']);
    expect(roomsWithoutAlert([trayRoom('lab', true)])).toEqual([]);
  });
});
