import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlertPolicy } from '../../../electron/core/quality/alerts';
import { ALERT_LOG_RETENTION_MS, createAlertLog, type AlertLog } from '../../../electron/core/quality/alert-log';
import type { AlertEvent, LegKey } from '../../../shared/domain/legs';
import { tempDb, type TempDb } from '../outbox/support/temp-db';

const key = (roomId: string, direction: LegKey['direction'] = 'inbound'): LegKey => ({ roomId, deviceId: 'codec', callId: '1', modality: 'audio', direction, channelIndex: 1 });
const T0 = Date.parse('2026-01-10T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('alert log', () => {
  let temp: TempDb;
  let nowMs: number;
  let log: AlertLog;
  let notified: AlertEvent[];
  beforeEach(() => {
    temp = tempDb();
    nowMs = T0;
    log = createAlertLog(temp.db, () => nowMs);
    notified = [];
  });
  afterEach(() => temp.cleanup());

  const policy = () =>
    createAlertPolicy({
      now: () => nowMs,
      cooldownMs: 5 * 60_000,
      onAlert: (event) => notified.push(event),
      onRoomEpisode: (episode) => {
        if (episode.kind === 'poor') log.opened({ roomId: episode.leg.key.roomId, roomName: episode.leg.roomName, legKey: episode.leg.key, reason: episode.reason, atMs: Date.parse(episode.at) });
        else log.closed(episode.roomId, Date.parse(episode.at), episode.kind);
      },
    });

  it('keeps every episode of a room, even those the cooldown keeps from notifying, one per room however many legs', () => {
    const alerts = policy();
    const room = { key: key('b30'), roomName: 'B30' };
    const other = { key: key('b30', 'outbound'), roomName: 'B30' };
    alerts.legBecamePoor(room, { metric: 'lossPercent', value: 25.1, threshold: 10 }, iso(T0));
    alerts.legBecamePoor(other, { metric: 'jitterMs', value: 40, threshold: 30 }, iso(T0 + 1_000));
    alerts.legLeftPoor(room, null, iso(T0 + 5_000));
    alerts.legLeftPoor(other, null, iso(T0 + 6_000));
    // Poor again within the cooldown: notified (it recovered), and logged as a second episode.
    alerts.legBecamePoor(room, { metric: 'lossPercent', value: 14, threshold: 10 }, iso(T0 + 60_000));
    alerts.legEnded(room, { durationMs: 1, sampleCount: 1, poorMs: 1, worstClassification: 'poor', avgLossPercent: null, maxLossPercent: null, avgJitterMs: null, maxJitterMs: null, avgRoundTripMs: null, maxRoundTripMs: null }, null, true, iso(T0 + 70_000));

    expect(log.list()).toEqual([
      expect.objectContaining({ roomName: 'B30', modality: 'audio', direction: 'inbound', metric: 'lossPercent', value: 14, threshold: 10, at: iso(T0 + 60_000), endedAt: iso(T0 + 70_000), endedHow: 'call_ended' }),
      expect.objectContaining({ roomName: 'B30', metric: 'lossPercent', value: 25.1, threshold: 10, at: iso(T0), endedAt: iso(T0 + 6_000), endedHow: 'recovered' }),
    ]);
  });

  it('forgets episodes older than 30 days as new ones arrive', () => {
    log.opened({ roomId: 'old', roomName: 'Old', legKey: key('old'), reason: null, atMs: T0 });
    nowMs = T0 + ALERT_LOG_RETENTION_MS + 1;
    log.opened({ roomId: 'new', roomName: 'New', legKey: key('new'), reason: null, atMs: nowMs });
    expect(log.list().map((entry) => entry.roomName)).toEqual(['New']);
  });
});
