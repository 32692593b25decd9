/**
 * The media channels of the simulated codec and how one Netstat interval of each is produced
 * (../shared/reference/devices-and-thresholds.md §3.1 fields). Rates are typical of a room codec: Opus audio at 50 packets/s,
 * 2 Mbit/s main video at 30 fps, a 15 fps presentation. What each interval injected is also accumulated as
 * the EXPECTED figures a report should show (expected.ts), computed the way §3.6 defines them.
 */
import type { Random } from './prng';
import type { ChannelName, Impairment } from './scenario';
import { TICK_MS } from './scenario';

export type Firmware = 'ce9' | 'roomos11';

export interface ChannelSpec {
  type: 'Audio' | 'Video';
  direction: 'Incoming' | 'Outgoing';
  role: 'Main' | 'Presentation';
  protocol: string;
  packetsPerTick: number;
  bitRate: number;
  frameRate?: number;
  baseJitterMs: number;
}

export const CHANNEL_SPECS: Record<ChannelName, ChannelSpec> = {
  'audio-in': { type: 'Audio', direction: 'Incoming', role: 'Main', protocol: 'Opus', packetsPerTick: 250, bitRate: 64_000, baseJitterMs: 4 },
  'audio-out': { type: 'Audio', direction: 'Outgoing', role: 'Main', protocol: 'Opus', packetsPerTick: 250, bitRate: 64_000, baseJitterMs: 3 },
  'video-in': { type: 'Video', direction: 'Incoming', role: 'Main', protocol: 'H264', packetsPerTick: 1_000, bitRate: 2_000_000, frameRate: 30, baseJitterMs: 8 },
  'video-out': { type: 'Video', direction: 'Outgoing', role: 'Main', protocol: 'H264', packetsPerTick: 1_000, bitRate: 2_000_000, frameRate: 30, baseJitterMs: 6 },
  'presentation-in': { type: 'Video', direction: 'Incoming', role: 'Presentation', protocol: 'H264', packetsPerTick: 400, bitRate: 800_000, frameRate: 15, baseJitterMs: 6 },
  'presentation-out': { type: 'Video', direction: 'Outgoing', role: 'Presentation', protocol: 'H264', packetsPerTick: 400, bitRate: 800_000, frameRate: 15, baseJitterMs: 5 },
};

export interface Netstat {
  bytes: number;
  channelRate: number;
  jitter: number;
  lastIntervalLost: number;
  lastIntervalReceived: number;
  loss: number;
  maxJitter: number;
  packets: number;
  /** RoomOS 10+ only (R6), on outgoing channels. */
  roundTripTime?: number;
  /** RoomOS 10+ only, incoming channels. */
  endToEndDelay?: number;
}

export interface SimChannel {
  item: number;
  name: ChannelName;
  spec: ChannelSpec;
  netstat: Netstat;
  frameRate: number | undefined;
}

export function createChannel(item: number, name: ChannelName): SimChannel {
  const spec = CHANNEL_SPECS[name];
  return {
    item,
    name,
    spec,
    netstat: { bytes: 0, channelRate: 0, jitter: 0, lastIntervalLost: 0, lastIntervalReceived: 0, loss: 0, maxJitter: 0, packets: 0 },
    frameRate: spec.frameRate,
  };
}

function activeImpairment(impairments: readonly Impairment[], name: ChannelName, relativeTick: number) {
  let lossPercent: number | undefined;
  let jitterMs = 0;
  let roundTripMs = 0;
  for (const impairment of impairments) {
    if (impairment.channel !== name || relativeTick < impairment.fromTick || relativeTick >= impairment.toTick) continue;
    if (impairment.lossPercent !== undefined) lossPercent = Math.max(lossPercent ?? 0, impairment.lossPercent);
    jitterMs += impairment.jitterMs ?? 0;
    roundTripMs += impairment.roundTripMs ?? 0;
  }
  return { lossPercent, jitterMs, roundTripMs };
}

/** Produces the channel's next Netstat interval in place. */
export function advanceChannel(
  channel: SimChannel,
  random: Random,
  firmware: Firmware,
  impairments: readonly Impairment[],
  relativeTick: number,
): void {
  const { spec, netstat } = channel;
  const impairment = activeImpairment(impairments, channel.name, relativeTick);
  // Healthy networks still drop the odd packet: a little background loss in about a third of intervals.
  const lossPercent = impairment.lossPercent ?? (random.next() < 0.3 ? random.between(0, 0.4) : 0);
  const total = Math.round(spec.packetsPerTick * random.between(0.95, 1.05));
  const lost = Math.min(total, Math.round((total * lossPercent) / 100));
  const received = total - lost;
  const jitter = Math.round(spec.baseJitterMs + random.between(0, 3) + impairment.jitterMs);
  netstat.lastIntervalLost = lost;
  netstat.lastIntervalReceived = received;
  netstat.loss += lost;
  netstat.jitter = jitter;
  netstat.maxJitter = jitter + random.int(0, Math.max(2, Math.round(jitter / 2)));
  // Incoming Packets counts what arrived; outgoing counts what was sent (§3.1 "packets received or sent").
  netstat.packets += spec.direction === 'Incoming' ? received : total;
  netstat.channelRate = Math.round(spec.bitRate * (1 - lossPercent / 100) * random.between(0.97, 1.03));
  netstat.bytes += Math.round((netstat.channelRate * TICK_MS) / 1_000 / 8);
  if (spec.frameRate !== undefined) channel.frameRate = lossPercent > 5 ? Math.round(spec.frameRate / 2) : spec.frameRate;
  if (firmware === 'roomos11') {
    const roundTrip = Math.round(40 + random.between(0, 15) + impairment.roundTripMs);
    if (spec.direction === 'Outgoing') netstat.roundTripTime = roundTrip;
    else netstat.endToEndDelay = Math.round(roundTrip / 2 + 80);
  }
}
