/**
 * Alert policy: one notification when a room's leg turns poor; none again for that ROOM
 * within a cooldown (default 5 min, config `alerts.cooldownMinutes`) unless the room recovered (no poor
 * leg left) and fell again; `room_recovered` when a notified room has no poor leg left, at most once per
 * cooldown too (a flapping room stays quiet); a summary when a leg that was poor ends. The core only emits AlertEvents; the
 * Electron shell turns them into tray state and notifications (a later issue).
 *
 * The cooldown is per room, not per leg: a bad network takes audio, video and presentation down together,
 * and one notification says it. Time comes from the injected clock so tests need no sleeps.
 * Memory: one small entry per room that alerted; entries with no poor leg and an elapsed cooldown are
 * dropped on the next event of that room.
 */
import type {
  AlertEvent,
  ClassificationReason,
  LegKey,
  LegSummary,
} from '../../../shared/domain/legs';
import { legKeyId } from '../../../shared/domain/legs';

export const DEFAULT_ALERT_COOLDOWN_MS = 5 * 60_000;

export interface AlertPolicyOptions {
  /** Epoch milliseconds. */
  now: () => number;
  cooldownMs?: number;
  onAlert: (event: AlertEvent) => void;
  /**
   * A room's episode of being poor began (its first poor leg) or ended (no poor leg left), whatever the
   * cooldown: the alert log keeps every episode, notifications are rationed by the cooldown.
   */
  onRoomEpisode?: (episode: RoomEpisode) => void;
}

export type RoomEpisode =
  | { kind: 'poor'; leg: AlertLeg; reason: ClassificationReason | null; at: string }
  | { kind: 'recovered' | 'call_ended'; roomId: string; at: string };

export interface AlertLeg {
  key: LegKey;
  roomName: string;
}

export interface AlertPolicy {
  /** The leg's confirmed state became poor. Returns true when a notification was emitted. */
  legBecamePoor(leg: AlertLeg, reason: ClassificationReason | null, at: string): boolean;
  /** The leg's confirmed state left poor (to warning or good). */
  legLeftPoor(leg: AlertLeg, lastPoorReason: ClassificationReason | null, at: string): void;
  /** The leg ended; `wasEverPoor` legs get a summary. */
  legEnded(leg: AlertLeg, summary: LegSummary, worst: ClassificationReason | null, wasEverPoor: boolean, at: string): void;
}

interface RoomAlertState {
  lastPoorAlertAtMs: number | null;
  poorLegs: Set<string>;
  /** The room had no poor leg at some point since its last poor alert. */
  recoveredSinceAlert: boolean;
  /** The current episode was notified (so its recovery may be). */
  notifiedEpisode: boolean;
  lastRecoveryAlertAtMs: number | null;
}

export function createAlertPolicy(options: AlertPolicyOptions): AlertPolicy {
  const cooldownMs = options.cooldownMs ?? DEFAULT_ALERT_COOLDOWN_MS;
  if (!(cooldownMs >= 0)) throw new RangeError(`cooldownMs must be ≥ 0, got ${cooldownMs}`);
  const rooms = new Map<string, RoomAlertState>();

  const roomState = (roomId: string): RoomAlertState => {
    let state = rooms.get(roomId);
    if (state === undefined) {
      state = { lastPoorAlertAtMs: null, poorLegs: new Set(), recoveredSinceAlert: false, notifiedEpisode: false, lastRecoveryAlertAtMs: null };
      rooms.set(roomId, state);
    }
    return state;
  };

  const forgetIfIdle = (roomId: string, state: RoomAlertState): void => {
    const cooled = [state.lastPoorAlertAtMs, state.lastRecoveryAlertAtMs].every((atMs) => atMs === null || options.now() - atMs >= cooldownMs);
    if (state.poorLegs.size === 0 && cooled) rooms.delete(roomId);
  };

  const emit = (kind: AlertEvent['kind'], leg: AlertLeg, reason: ClassificationReason | null, at: string, summary?: LegSummary): void => {
    const event: AlertEvent = {
      kind,
      roomId: leg.key.roomId,
      roomName: leg.roomName,
      legKey: leg.key,
      metric: reason?.metric ?? null,
      value: reason?.value ?? null,
      threshold: reason?.threshold ?? null,
      at,
    };
    if (summary !== undefined) event.summary = summary;
    options.onAlert(event);
  };

  return {
    legBecamePoor(leg, reason, at) {
      const state = roomState(leg.key.roomId);
      if (state.poorLegs.size === 0) options.onRoomEpisode?.({ kind: 'poor', leg, reason, at });
      state.poorLegs.add(legKeyId(leg.key));
      const now = options.now();
      const cooled = state.lastPoorAlertAtMs === null || now - state.lastPoorAlertAtMs >= cooldownMs;
      if (!cooled && !state.recoveredSinceAlert) return false;
      state.lastPoorAlertAtMs = now;
      state.recoveredSinceAlert = false;
      state.notifiedEpisode = true;
      emit('leg_poor', leg, reason, at);
      return true;
    },
    legLeftPoor(leg, lastPoorReason, at) {
      const state = rooms.get(leg.key.roomId);
      if (state === undefined || !state.poorLegs.delete(legKeyId(leg.key))) return;
      emit('leg_recovered', leg, lastPoorReason, at);
      if (state.poorLegs.size === 0) {
        state.recoveredSinceAlert = true;
        options.onRoomEpisode?.({ kind: 'recovered', roomId: leg.key.roomId, at });
        const now = options.now();
        const cooled = state.lastRecoveryAlertAtMs === null || now - state.lastRecoveryAlertAtMs >= cooldownMs;
        if (state.notifiedEpisode && cooled) {
          state.lastRecoveryAlertAtMs = now;
          emit('room_recovered', leg, lastPoorReason, at);
        }
        state.notifiedEpisode = false;
      }
      forgetIfIdle(leg.key.roomId, state);
    },
    legEnded(leg, summary, worst, wasEverPoor, at) {
      const state = rooms.get(leg.key.roomId);
      // A leg that ends while poor is not a recovery: the next call in the cooldown stays quiet.
      if (state !== undefined) {
        if (state.poorLegs.delete(legKeyId(leg.key)) && state.poorLegs.size === 0) options.onRoomEpisode?.({ kind: 'call_ended', roomId: leg.key.roomId, at });
        forgetIfIdle(leg.key.roomId, state);
      }
      if (wasEverPoor) emit('leg_summary', leg, worst, at, summary);
    },
  };
}
