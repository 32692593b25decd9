/**
 * Parses Cisco CE / RoomOS `GET /getxml?location=…` responses (../shared/reference/devices-and-thresholds.md §3.1, §3.2):
 * `/Status/Call`, `/Status/MediaChannels` and `/Status/SystemUnit`. A response is `<Status …>` holding the
 * requested branch; repeated nodes carry an `item` attribute (`<Call item="3" maxOccurrence="n">`).
 *
 * Both firmware families parse with the same code: CE 9.x has no `Netstat RoundTripTime` / `EndToEndDelay`
 * (R6, present from 10.x), so those come out undefined rather than 0. Numbers are parsed strictly: a value
 * that is not a plain non-negative number is treated as not measured.
 *
 * Hostile input: the device is on the LAN but not trusted to be well-formed. A response that is not
 * well-formed XML, has a DOCTYPE (entity expansion), or whose root is not `Status` throws CiscoXmlError,
 * which the collector shows as the device state `error`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isObject } from '../../../../shared/json';

export class CiscoXmlError extends Error {
  override readonly name = 'CiscoXmlError';
}

export interface CiscoNetstat {
  bytes?: number;
  /** bits per second */
  channelRate?: number;
  /** ms, RFC 3550 interarrival jitter "at the present moment" */
  jitter?: number;
  lastIntervalLost?: number;
  lastIntervalReceived?: number;
  /** Cumulative packets lost: NOT used for loss %. */
  loss?: number;
  /** ms, during the last ~5 s interval */
  maxJitter?: number;
  packets?: number;
  /** ms; RoomOS 10+ only */
  roundTripTime?: number;
  /** ms; RoomOS 10+ only */
  endToEndDelay?: number;
}

export interface CiscoChannel {
  /** The channel's `item` number within its call. */
  item: number;
  type: string | undefined;
  direction: string | undefined;
  audioRole: string | undefined;
  videoRole: string | undefined;
  /** `Audio Protocol` or `Video Protocol`; `Off` on a channel that carries nothing (an idle presentation). */
  protocol: string | undefined;
  frameRate: number | undefined;
  netstat: CiscoNetstat;
}

export interface CiscoMediaCall {
  /** The call's `item`: the same key as in `/Status/Call` (../shared/design/contracts.md: the device's own call key). */
  callId: string;
  channels: CiscoChannel[];
}

export interface CiscoCall {
  callId: string;
  status: string | undefined;
  durationSeconds: number | undefined;
}

export interface CiscoSystemUnit {
  productId: string | undefined;
  softwareVersion: string | undefined;
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  isArray: (name) => name === 'Call' || name === 'Channel',
});

/** The `<Status>` element of a getxml response. */
function parseStatus(xml: string): XmlNode {
  if (/<!DOCTYPE/i.test(xml)) throw new CiscoXmlError('malformed XML: a DOCTYPE is not expected from a codec');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new CiscoXmlError(`malformed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  // fast-xml-parser answers `any`: an object tree of the document, read through the guards below.
  const document = parser.parse(xml) as XmlNode;
  const status = document.Status;
  if (status === '' || status === undefined) {
    if ('Status' in document) return {}; // <Status/>: nothing in this branch right now
    throw new CiscoXmlError('unexpected XML: the root element is not <Status>');
  }
  if (!isObject(status)) throw new CiscoXmlError('unexpected XML: <Status> has no elements');
  return status;
}

function child(node: unknown, name: string): unknown {
  return isObject(node) ? node[name] : undefined;
}

/** Text of a leaf, also when the leaf carries attributes (`{ '#text': '12', '@_…': … }`). */
function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  const inner = child(node, '#text');
  return typeof inner === 'string' ? inner : undefined;
}

export function toMetric(node: unknown): number | undefined {
  const value = text(node);
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function items(node: unknown): XmlNode[] {
  return Array.isArray(node) ? node.filter((item): item is XmlNode => typeof item === 'object' && item !== null) : [];
}

function itemOf(node: XmlNode): string | undefined {
  const item = node['@_item'];
  return typeof item === 'string' && /^\d+$/.test(item) ? item : undefined;
}

function parseNetstat(node: unknown): CiscoNetstat {
  return {
    bytes: toMetric(child(node, 'Bytes')),
    channelRate: toMetric(child(node, 'ChannelRate')),
    jitter: toMetric(child(node, 'Jitter')),
    lastIntervalLost: toMetric(child(node, 'LastIntervalLost')),
    lastIntervalReceived: toMetric(child(node, 'LastIntervalReceived')),
    loss: toMetric(child(node, 'Loss')),
    maxJitter: toMetric(child(node, 'MaxJitter')),
    packets: toMetric(child(node, 'Packets')),
    roundTripTime: toMetric(child(node, 'RoundTripTime')),
    endToEndDelay: toMetric(child(node, 'EndToEndDelay')),
  };
}

/** `/Status/Call`: the calls the codec has now (an idle codec answers with an empty `<Status>`). */
export function parseCallStatus(xml: string): CiscoCall[] {
  const calls: CiscoCall[] = [];
  for (const node of items(parseStatus(xml).Call)) {
    const callId = itemOf(node);
    if (callId === undefined) continue;
    calls.push({ callId, status: text(node.Status), durationSeconds: toMetric(node.Duration) });
  }
  return calls;
}

/** `/Status/MediaChannels`: per call, its channels with Netstat. */
export function parseMediaChannels(xml: string): CiscoMediaCall[] {
  const mediaChannels = parseStatus(xml).MediaChannels;
  const calls: CiscoMediaCall[] = [];
  for (const callNode of items(child(mediaChannels, 'Call'))) {
    const callId = itemOf(callNode);
    if (callId === undefined) continue;
    const channels: CiscoChannel[] = [];
    for (const channelNode of items(callNode.Channel)) {
      const item = itemOf(channelNode);
      if (item === undefined) continue;
      channels.push({
        item: Number(item),
        type: text(channelNode.Type),
        direction: text(channelNode.Direction),
        audioRole: text(child(channelNode.Audio, 'ChannelRole')),
        videoRole: text(child(channelNode.Video, 'ChannelRole')),
        protocol: text(child(channelNode.Audio, 'Protocol')) ?? text(child(channelNode.Video, 'Protocol')),
        frameRate: toMetric(child(channelNode.Video, 'FrameRate')),
        netstat: parseNetstat(channelNode.Netstat),
      });
    }
    calls.push({ callId, channels });
  }
  return calls;
}

/** `/Status/SystemUnit`: ProductId is Graph's deviceName (§3.6), e.g. "Cisco SX80". */
export function parseSystemUnit(xml: string): CiscoSystemUnit {
  const unit = parseStatus(xml).SystemUnit;
  const productId = text(child(unit, 'ProductId'))?.trim();
  const softwareVersion = text(child(child(unit, 'Software'), 'Version'))?.trim();
  return { productId: productId || undefined, softwareVersion: softwareVersion || undefined };
}

/**
 * `/Status/MicrosoftTeams/Calling/InCall`: a codec running the native Microsoft Teams Rooms client is in a
 * Teams call (it then lists no `Call` and no `MediaChannels`). `undefined` when the codec has no such branch
 * (not in Teams Rooms mode, or a firmware without it).
 */
export function parseTeamsInCall(xml: string): boolean | undefined {
  const inCall = text(child(child(parseStatus(xml).MicrosoftTeams, 'Calling'), 'InCall'));
  if (inCall === undefined) return undefined;
  return inCall.trim().toLowerCase() === 'true';
}
