/**
 * The codec's call and media-channel status as the WebSocket feedback builds it up: a full read (xGet)
 * replaces it, each `xFeedback/Event` merges into it. Events carry only what changed (a repeated node by its
 * `id`, leaves by name); a node marked `ghost: "True"` is gone (a call ended, a channel closed).
 */
import { callOf, child, idOf, isGhost, isNode, items, mediaCallOf, type JsonNode } from './json';
import type { CiscoCall, CiscoMediaCall } from './xml';

function merge(target: JsonNode, patch: JsonNode): JsonNode {
  const out: JsonNode = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const existing = out[key];
    out[key] = isNode(value) && isNode(existing) ? merge(existing, value) : value;
  }
  return out;
}

export function createFeedbackState() {
  let calls = new Map<string, JsonNode>();
  let media = new Map<string, Map<string, JsonNode>>();

  const mergeCalls = (nodes: JsonNode[]): void => {
    for (const node of nodes) {
      const id = idOf(node);
      if (id === undefined) continue;
      if (isGhost(node)) {
        calls.delete(id);
        continue;
      }
      calls.set(id, merge(calls.get(id) ?? {}, node));
    }
  };

  const mergeMedia = (nodes: JsonNode[]): void => {
    for (const callNode of nodes) {
      const callId = idOf(callNode);
      if (callId === undefined) continue;
      if (isGhost(callNode)) {
        media.delete(callId);
        continue;
      }
      const channels = media.get(callId) ?? new Map<string, JsonNode>();
      media.set(callId, channels);
      for (const channel of items(callNode.Channel)) {
        const channelId = idOf(channel);
        if (channelId === undefined) continue;
        if (isGhost(channel)) channels.delete(channelId);
        else channels.set(channelId, merge(channels.get(channelId) ?? {}, channel));
      }
    }
  };

  return {
    /** A full read of `Status/Call` (the value at that path: an array of calls, or nothing when idle). */
    replaceCalls(value: unknown): void {
      calls = new Map();
      mergeCalls(items(child(child(value, 'Status'), 'Call') ?? value));
    },
    /** A full read of `Status/MediaChannels`. */
    replaceMedia(value: unknown): void {
      media = new Map();
      const root = child(value, 'Status') !== undefined ? child(child(value, 'Status'), 'MediaChannels') : value;
      mergeMedia(items(child(root, 'Call')));
    },
    /** An `xFeedback/Event` payload (without its Id). */
    apply(payload: JsonNode): void {
      const status = payload.Status;
      mergeCalls(items(child(status, 'Call')));
      mergeMedia(items(child(child(status, 'MediaChannels'), 'Call')));
    },
    calls(): CiscoCall[] {
      return [...calls.values()].map(callOf).filter((call): call is CiscoCall => call !== undefined);
    },
    media(): CiscoMediaCall[] {
      return [...media].map(([callId, channels]) => mediaCallOf(callId, channels.values()));
    },
  };
}

export type FeedbackState = ReturnType<typeof createFeedbackState>;

/** Whether a payload ends something (a ghost node or a CallDisconnect event): samples are taken first. */
export function endsSomething(payload: JsonNode): boolean {
  if (child(payload.Event, 'CallDisconnect') !== undefined) return true;
  const status = payload.Status;
  const ghostIn = (nodes: JsonNode[]): boolean => nodes.some((node) => isGhost(node) || items(node.Channel).some(isGhost));
  return ghostIn(items(child(status, 'Call'))) || ghostIn(items(child(child(status, 'MediaChannels'), 'Call')));
}
