/**
 * Cisco MediaChannels → live samples (../shared/reference/devices-and-thresholds.md §3.1 fields, §3.6 mapping):
 * - `Type` Audio → audio; Video → video, unless `Video ChannelRole` is Presentation → screenSharing.
 *   Audio with a Presentation role stays audio (Graph has no screen-sharing audio). Data channels are skipped.
 * - `Direction` Incoming → inbound, Outgoing → outbound.
 * - loss % = LastIntervalLost / (LastIntervalLost + LastIntervalReceived) × 100 for the last ~5 s interval;
 *   never the cumulative `Loss` counter. No packets in the interval → no loss figure (not 0 %).
 * - `Jitter` / `MaxJitter` ms, `RoundTripTime` ms (RoomOS 10+; absent on CE 9), `Packets` (cumulative),
 *   `ChannelRate` → bit rate (bits/s), `Video FrameRate` → frame rate.
 * - channelIndex: the ordinal of the channel among the call's channels of the same modality and direction,
 *   in order of first appearance (§3.6 "per type ordinal"), kept stable for the call's life.
 *
 * Netstat refreshes about every 5 s (§4.4); a poll faster than that would read the same interval twice and
 * weigh it double in the averages, so a channel whose counters did not move since the last poll is skipped.
 */
import type { Direction, Modality } from '../../../../shared/domain/legs';
import type { LiveSample } from '../../../../shared/domain/samples';
import type { CiscoChannel, CiscoMediaCall, CiscoNetstat } from './xml';

export function modalityOf(channel: CiscoChannel): Modality | undefined {
  if (channel.type === 'Audio') return 'audio';
  if (channel.type === 'Video') return channel.videoRole === 'Presentation' ? 'screenSharing' : 'video';
  return undefined;
}

export function directionOf(channel: CiscoChannel): Direction | undefined {
  if (channel.direction === 'Incoming') return 'inbound';
  if (channel.direction === 'Outgoing') return 'outbound';
  return undefined;
}

/** Per-interval loss in percent 0–100, or undefined when the interval carried no packets. */
export function lossPercentOf(netstat: CiscoNetstat): number | undefined {
  const lost = netstat.lastIntervalLost;
  const received = netstat.lastIntervalReceived;
  if (lost === undefined || received === undefined || lost + received === 0) return undefined;
  return Math.min(100, (lost / (lost + received)) * 100);
}

export interface SampleContext {
  roomId: string;
  deviceId: string;
  /** ISO 8601 time of the poll. */
  at: string;
}

export function channelToSample(context: SampleContext, callId: string, channel: CiscoChannel, channelIndex: number): LiveSample | undefined {
  const modality = modalityOf(channel);
  const direction = directionOf(channel);
  if (modality === undefined || direction === undefined) return undefined;
  const { netstat } = channel;
  const sample: LiveSample = { roomId: context.roomId, deviceId: context.deviceId, callId, modality, direction, channelIndex, at: context.at };
  const lossPercent = lossPercentOf(netstat);
  if (lossPercent !== undefined) sample.lossPercent = lossPercent;
  if (netstat.jitter !== undefined) sample.jitterMs = netstat.jitter;
  if (netstat.maxJitter !== undefined) sample.maxJitterMs = netstat.maxJitter;
  if (netstat.roundTripTime !== undefined) sample.roundTripMs = netstat.roundTripTime;
  if (netstat.packets !== undefined) sample.packets = netstat.packets;
  if (netstat.channelRate !== undefined) sample.bitRate = netstat.channelRate;
  if (modality !== 'audio' && channel.frameRate !== undefined) sample.frameRate = channel.frameRate;
  return sample;
}

const signatureOf = (netstat: CiscoNetstat): string =>
  `${netstat.packets}|${netstat.bytes}|${netstat.lastIntervalLost}|${netstat.lastIntervalReceived}|${netstat.jitter}`;

/** Stateful per device: stable channel indexes and the skip-unchanged-interval rule, per call. */
export function createSampleMapper() {
  const calls = new Map<string, { indexes: Map<number, number>; counts: Map<string, number>; signatures: Map<number, string> }>();

  const callState = (callId: string) => {
    let state = calls.get(callId);
    if (state === undefined) {
      state = { indexes: new Map(), counts: new Map(), signatures: new Map() };
      calls.set(callId, state);
    }
    return state;
  };

  return {
    map(mediaCalls: readonly CiscoMediaCall[], context: SampleContext): LiveSample[] {
      const samples: LiveSample[] = [];
      for (const call of mediaCalls) {
        const state = callState(call.callId);
        for (const channel of [...call.channels].sort((a, b) => a.item - b.item)) {
          const modality = modalityOf(channel);
          const direction = directionOf(channel);
          // Data channels have no modality; a channel whose protocol is Off carries nothing (a presentation
          // channel kept open between shares, all counters zero): judging it would report a silent leg.
          if (modality === undefined || direction === undefined || channel.protocol === 'Off') continue;
          let channelIndex = state.indexes.get(channel.item);
          if (channelIndex === undefined) {
            const group = `${modality}/${direction}`;
            channelIndex = (state.counts.get(group) ?? 0) + 1;
            state.counts.set(group, channelIndex);
            state.indexes.set(channel.item, channelIndex);
          }
          const signature = signatureOf(channel.netstat);
          if (state.signatures.get(channel.item) === signature) continue;
          state.signatures.set(channel.item, signature);
          const sample = channelToSample(context, call.callId, channel, channelIndex);
          if (sample !== undefined) samples.push(sample);
        }
      }
      return samples;
    },
    forgetCall(callId: string): void {
      calls.delete(callId);
    },
  };
}
