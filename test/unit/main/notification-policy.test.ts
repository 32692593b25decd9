import { describe, expect, it } from 'vitest';
import { notificationForAlert } from '../../../electron/main/notification-policy';
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
    });
    expect(notificationForAlert(alert('leg_recovered'), false)).toBeUndefined();
    expect(notificationForAlert(alert('room_recovered'), true)).toBeUndefined();
  });
});
