/**
 * Matching a call context (`POST /api/v1/call-context`, ../shared/design/contracts.md) to live device calls. The Teams ids
 * (callChainId, participantId) are unknown to a device (../shared/design/architecture.md "Identifiers"); the gateway or bot
 * tells us, naming the device or room and either the device's call key or a time within the call.
 *
 * - deviceId/roomId + callId: the active calls with that key.
 * - deviceId/roomId + at: the active calls whose sample span, widened by a tolerance (default 15 s: three
 *   Cisco 5 s intervals, ../shared/reference/devices-and-thresholds.md §3.1), contains `at`.
 * - neither: the device's or room's only active call; nothing when there are several (guessing would
 *   attach a Teams id to the wrong call).
 * A context naming a device call that has not produced a sample yet is kept (bounded, time-limited) and
 * applied when the call's first sample arrives.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DEFAULT_MATCH_TOLERANCE_MS = 15_000;
const PENDING_MAX = 256;
const PENDING_TTL_MS = 15 * 60_000;

export interface CallContextInput {
  deviceId?: string;
  roomId?: string;
  callId?: string;
  /** ISO 8601 time within the call, when the callId is not known. */
  at?: string;
  callChainId: string;
  participantId: string;
}

export interface TeamsIds {
  callChainId: string;
  participantId: string;
}

/** What matching needs to know of an active call. */
export interface MatchableCall {
  roomId: string;
  deviceId: string;
  callId: string;
  firstAtMs: number;
  lastAtMs: number;
}

/** Throws a TypeError naming the problem; the ingest API validates first, this guards other callers. */
export function checkCallContext(input: CallContextInput): void {
  if (input.deviceId === undefined && input.roomId === undefined) throw new TypeError('call context needs a deviceId or a roomId');
  if (!GUID.test(input.callChainId)) throw new TypeError('callChainId must be a GUID');
  if (!GUID.test(input.participantId)) throw new TypeError('participantId must be a GUID');
  if (input.at !== undefined && Number.isNaN(Date.parse(input.at))) throw new TypeError('at must be an ISO 8601 date-time');
}

export function matchCalls<C extends MatchableCall>(
  calls: Iterable<C>,
  input: CallContextInput,
  toleranceMs = DEFAULT_MATCH_TOLERANCE_MS,
): C[] {
  const candidates: C[] = [];
  for (const call of calls) {
    if (input.deviceId !== undefined && call.deviceId !== input.deviceId) continue;
    if (input.roomId !== undefined && call.roomId !== input.roomId) continue;
    candidates.push(call);
  }
  if (input.callId !== undefined) return candidates.filter((call) => call.callId === input.callId);
  if (input.at !== undefined) {
    const atMs = Date.parse(input.at);
    return candidates.filter((call) => atMs >= call.firstAtMs - toleranceMs && atMs <= call.lastAtMs + toleranceMs);
  }
  return candidates.length === 1 ? candidates : [];
}

/** Contexts waiting for their device call's first sample: at most 256, each for 15 minutes. */
export function createPendingContexts(now: () => number) {
  const pending = new Map<string, { ids: TeamsIds; expiresAtMs: number }>();
  const keyOf = (deviceId: string, callId: string): string => `${deviceId}\u0000${callId}`;
  return {
    remember(deviceId: string, callId: string, ids: TeamsIds): void {
      const key = keyOf(deviceId, callId);
      pending.delete(key);
      if (pending.size >= PENDING_MAX) {
        const oldest = pending.keys().next();
        if (!oldest.done) pending.delete(oldest.value);
      }
      pending.set(key, { ids, expiresAtMs: now() + PENDING_TTL_MS });
    },
    take(deviceId: string, callId: string): TeamsIds | undefined {
      if (pending.size === 0) return undefined;
      const key = keyOf(deviceId, callId);
      const entry = pending.get(key);
      if (entry === undefined) return undefined;
      pending.delete(key);
      return entry.expiresAtMs >= now() ? entry.ids : undefined;
    },
  };
}
