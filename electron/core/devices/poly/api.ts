/**
 * Shapes of the Poly VideoOS REST answers the collector reads (../shared/reference/poly-videoos.md §4) and their mapping to
 * the app's samples (§7). Parsing is lenient where the device is (unknown fields ignored, a missing number
 * is "not measured", never 0) and strict where a wrong guess would corrupt a report: a body that is not
 * the expected shape throws PolyShapeError, which the collector shows as the device state `error`.
 *
 * Mapping (§7): AUDIO → audio, VIDEO → video, CONTENT → screen sharing; RX → inbound, TX → outbound.
 * Loss per sample is `percentPacketLoss`, the device's loss over its latest ~5 s interval (the interval
 * figure, not a call-so-far average; `packetLoss` is a cumulative count and never a percentage).
 * `actualBitRate` is kbit/s (× 1000); there is no round trip, packet total or maximum jitter, so those
 * stay absent. Several entries of one modality and direction (multipoint) are kept apart as channels
 * 1, 2, … in the order the device lists them, never summed.
 */
import { z } from 'zod';
import type { Direction, Modality } from '../../../../shared/domain/legs';
import type { LiveSample } from '../../../../shared/domain/samples';

export class PolyShapeError extends Error {
  override readonly name = 'PolyShapeError';
}

const metric = z.number().finite().nonnegative().optional().catch(undefined);

const systemSchema = z.object({ model: z.string().optional(), softwareVersion: z.string().optional(), systemName: z.string().optional() });

const connectionSchema = z.object({ id: z.number().int().optional(), address: z.string().optional(), startTime: z.number().optional() });

const conferenceSchema = z.object({
  id: z.number().int().nonnegative(),
  isActive: z.boolean().optional(),
  startTime: z.number().optional(),
  connections: z.array(connectionSchema).optional().catch(undefined),
});

const mediaStatSchema = z.object({
  mediaType: z.string().optional(),
  mediaDirection: z.string().optional(),
  actualBitRate: metric,
  actualFrameRate: metric,
  jitter: metric,
  packetLoss: metric,
  percentPacketLoss: metric,
});

const contentStatsSchema = z.object({ vars: z.array(z.object({ framerate: metric, bitrate: metric })).optional().catch(undefined) });

export interface PolySystem {
  model?: string;
  softwareVersion?: string;
}

export interface PolyConference {
  id: number;
  isActive: boolean;
  /** Epoch ms of the call's start; with the id, the call's identity (ids are small and reused, §6). */
  startTime?: number;
  connections: { id?: number; address?: string; startTime?: number }[];
}

export type PolyMediaStat = z.infer<typeof mediaStatSchema>;

function parseOrThrow<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new PolyShapeError(`unexpected ${what} from the codec: ${result.error.issues[0]?.message ?? 'wrong shape'}`);
  return result.data;
}

export function parseSystem(body: unknown): PolySystem {
  const system = parseOrThrow(systemSchema, body, '/rest/system');
  return { model: system.model?.trim() || undefined, softwareVersion: system.softwareVersion?.trim() || undefined };
}

/** `GET /rest/conferences`: the calls up now (`[]` when idle, also in partner-app modes). */
export function parseConferences(body: unknown): PolyConference[] {
  const list = parseOrThrow(z.array(conferenceSchema), body, '/rest/conferences');
  return list.map((conference) => ({
    id: conference.id,
    isActive: conference.isActive ?? true,
    startTime: conference.startTime,
    connections: conference.connections ?? [],
  }));
}

export function parseMediaStats(body: unknown): PolyMediaStat[] {
  return parseOrThrow(z.array(mediaStatSchema), body, 'media statistics');
}

/** `GET /rest/mediastats`: what this room shares (encoder side); undefined when nothing is shared. */
export function parseContentStats(body: unknown): { frameRate?: number; bitRateKbps?: number } | undefined {
  const first = parseOrThrow(contentStatsSchema, body, '/rest/mediastats').vars?.[0];
  if (first === undefined) return undefined;
  return { frameRate: first.framerate, bitRateKbps: first.bitrate };
}

/** Graph's deviceName: "Poly " + the model the codec reports (`StudioX30` → "Poly StudioX30"). */
export function deviceNameOf(system: PolySystem | undefined): string {
  const model = system?.model;
  if (model === undefined) return 'Poly VideoOS codec';
  return /^poly/i.test(model) ? model : `Poly ${model}`;
}

const MODALITY: Record<string, Modality> = { AUDIO: 'audio', VIDEO: 'video', CONTENT: 'screenSharing' };
const DIRECTION: Record<string, Direction> = { RX: 'inbound', TX: 'outbound' };

export interface PolySampleContext {
  roomId: string;
  deviceId: string;
  callId: string;
  /** ISO 8601 time of the read. */
  at: string;
}

/**
 * One conference's statistics as samples. `content` (from `/rest/mediastats`) stands in for outgoing
 * screen sharing only when the conference lists no CONTENT/TX entry (§7).
 */
export function statsToSamples(context: PolySampleContext, stats: readonly PolyMediaStat[], content?: { frameRate?: number; bitRateKbps?: number }): LiveSample[] {
  const samples: LiveSample[] = [];
  const counts = new Map<string, number>();
  const base = { roomId: context.roomId, deviceId: context.deviceId, callId: context.callId, at: context.at };
  for (const stat of stats) {
    const modality = MODALITY[stat.mediaType?.toUpperCase() ?? ''];
    const direction = DIRECTION[stat.mediaDirection?.toUpperCase() ?? ''];
    if (modality === undefined || direction === undefined) continue;
    const group = `${modality}/${direction}`;
    const channelIndex = (counts.get(group) ?? 0) + 1;
    counts.set(group, channelIndex);
    const sample: LiveSample = { ...base, modality, direction, channelIndex };
    if (stat.percentPacketLoss !== undefined) sample.lossPercent = Math.min(100, stat.percentPacketLoss);
    if (stat.jitter !== undefined) sample.jitterMs = stat.jitter;
    if (stat.actualBitRate !== undefined) sample.bitRate = stat.actualBitRate * 1_000;
    if (modality !== 'audio' && stat.actualFrameRate !== undefined) sample.frameRate = stat.actualFrameRate;
    samples.push(sample);
  }
  if (content !== undefined && !counts.has('screenSharing/outbound')) {
    const sample: LiveSample = { ...base, modality: 'screenSharing', direction: 'outbound', channelIndex: 1 };
    if (content.bitRateKbps !== undefined) sample.bitRate = content.bitRateKbps * 1_000;
    if (content.frameRate !== undefined) sample.frameRate = content.frameRate;
    samples.push(sample);
  }
  return samples;
}

/** Whether the statistics list an outgoing content stream (then `/rest/mediastats` is not needed). */
export function hasOutgoingContent(stats: readonly PolyMediaStat[]): boolean {
  return stats.some((stat) => stat.mediaType?.toUpperCase() === 'CONTENT' && stat.mediaDirection?.toUpperCase() === 'TX');
}
