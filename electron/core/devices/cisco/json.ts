/**
 * Cisco xAPI status as JSON, the shape the WebSocket JSON-RPC API speaks (../shared/reference/devices-and-thresholds.md §3.2):
 * the same tree as the XML documents, repeated nodes as arrays of objects carrying an `id`
 * (`{ Call: [{ id: 26, Status: "Connected" }] }`), leaves as numbers or strings. Parsed into the types of
 * the XML parser (xml.ts), so both transports feed the same sample mapper and give the same numbers.
 * Numbers are read as strictly as there: a leaf that is not a plain non-negative number is not measured.
 */
import type { CiscoCall, CiscoChannel, CiscoMediaCall, CiscoNetstat, CiscoSystemUnit } from './xml';

export type JsonNode = Record<string, unknown>;

export function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function child(node: unknown, name: string): unknown {
  return isNode(node) ? node[name] : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const inner = child(value, 'Value');
  return inner === undefined ? undefined : text(inner);
}

export function metric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const raw = text(value);
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw)) return undefined;
  return Number(raw);
}

/** The `id` of a repeated node, as the call key string; undefined when absent or not a whole number. */
export function idOf(node: unknown): string | undefined {
  const id = text(child(node, 'id'));
  return id !== undefined && /^\d+$/.test(id) ? id : undefined;
}

export function items(value: unknown): JsonNode[] {
  return Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];
}

function netstatOf(node: unknown): CiscoNetstat {
  return {
    bytes: metric(child(node, 'Bytes')),
    channelRate: metric(child(node, 'ChannelRate')),
    jitter: metric(child(node, 'Jitter')),
    lastIntervalLost: metric(child(node, 'LastIntervalLost')),
    lastIntervalReceived: metric(child(node, 'LastIntervalReceived')),
    loss: metric(child(node, 'Loss')),
    maxJitter: metric(child(node, 'MaxJitter')),
    packets: metric(child(node, 'Packets')),
    roundTripTime: metric(child(node, 'RoundTripTime')),
    endToEndDelay: metric(child(node, 'EndToEndDelay')),
  };
}

export function channelOf(node: JsonNode): CiscoChannel | undefined {
  const item = idOf(node);
  if (item === undefined) return undefined;
  return {
    item: Number(item),
    type: text(node.Type),
    direction: text(node.Direction),
    audioRole: text(child(node.Audio, 'ChannelRole')),
    videoRole: text(child(node.Video, 'ChannelRole')),
    protocol: text(child(node.Audio, 'Protocol')) ?? text(child(node.Video, 'Protocol')),
    frameRate: metric(child(node.Video, 'FrameRate')),
    netstat: netstatOf(node.Netstat),
  };
}

export function callOf(node: JsonNode): CiscoCall | undefined {
  const callId = idOf(node);
  if (callId === undefined) return undefined;
  return { callId, status: text(node.Status), durationSeconds: metric(node.Duration) };
}

export function mediaCallOf(callId: string, channels: Iterable<JsonNode>): CiscoMediaCall {
  const parsed: CiscoChannel[] = [];
  for (const node of channels) {
    const channel = channelOf(node);
    if (channel !== undefined) parsed.push(channel);
  }
  return { callId, channels: parsed };
}

export function systemUnitOf(node: unknown): CiscoSystemUnit {
  const productId = text(child(node, 'ProductId'))?.trim();
  const softwareVersion = text(child(child(node, 'Software'), 'Version'))?.trim();
  return { productId: productId || undefined, softwareVersion: softwareVersion || undefined };
}

/** `ghost: "True"` marks a repeated node that no longer exists (a call ended, a channel closed). */
export function isGhost(node: JsonNode): boolean {
  return text(node.ghost)?.toLowerCase() === 'true';
}
