/**
 * The Teams ids inside a stored body (../shared/design/architecture.md "Identifiers"). callChainId and participantId come
 * from Teams (the report, a call context, or the operator); mediaLegId is ours to assign, one GUID per
 * device media leg, so the outbox fills it in whenever it is missing.
 */
import type { TeleconferenceDeviceQuality, TeleconferenceDeviceQualityDraft } from '../../../shared/graph/quality';
import { OutboxInputError } from './errors';
import type { TeamsIds } from './types';

type AnyBody = TeleconferenceDeviceQuality | TeleconferenceDeviceQualityDraft;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BodyIds {
  callChainId?: string;
  participantId?: string;
  mediaLegId?: string;
}

export function idsOf(body: AnyBody): BodyIds {
  return {
    callChainId: nonEmpty(body.callChainId),
    participantId: nonEmpty(body.participantId),
    mediaLegId: nonEmpty(body.mediaLegId),
  };
}

/** Complete = Graph accepts it: all three ids (the schema requires them, Nullable="false"). */
export function hasAllIds(ids: BodyIds): boolean {
  return ids.callChainId !== undefined && ids.participantId !== undefined && ids.mediaLegId !== undefined;
}

/** A copy with a mediaLegId, new when the body has none. Does not touch the caller's object. */
export function withMediaLegId(body: AnyBody, newId: () => string): AnyBody {
  return nonEmpty(body.mediaLegId) === undefined ? { ...body, mediaLegId: newId() } : body;
}

/** A copy carrying the Teams ids of a call context; the mediaLegId is kept, or assigned when missing. */
export function withTeamsIds(body: AnyBody, ids: TeamsIds, newId: () => string): TeleconferenceDeviceQuality {
  assertGuid('callChainId', ids.callChainId);
  assertGuid('participantId', ids.participantId);
  const withLeg = withMediaLegId(body, newId);
  // The draft with its three Teams ids filled in is a complete teleconferenceDeviceQuality.
  return { ...withLeg, callChainId: ids.callChainId, participantId: ids.participantId } as TeleconferenceDeviceQuality;
}

export function assertGuid(name: string, value: string): void {
  if (!GUID.test(value)) throw new OutboxInputError(`${name} must be a GUID, got "${value}"`);
}

function nonEmpty(value: string | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Whether a posted body is the one already stored: equal as JSON values (key order aside). Teams ids the
 * stored copy gained later (a call context, the operator) are ignored when the posted body has none, so a
 * sender retrying its original body still matches.
 */
export function sameBody(posted: AnyBody, stored: unknown): boolean {
  if (stored === null || typeof stored !== 'object') return false;
  const comparable: Record<string, unknown> = { ...stored };
  if (posted.callChainId === undefined) delete comparable.callChainId;
  if (posted.participantId === undefined) delete comparable.participantId;
  return canonicalJson(posted) === canonicalJson(comparable);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
