/**
 * What a scenario injected, per call and channel, in the units of the report:
 * the figures a teleconferenceDeviceQuality built from a collector that read every interval must show.
 * Loss is computed as the collector does (LastIntervalLost / (lost + received) × 100 per interval,
 * ../shared/reference/devices-and-thresholds.md §3.6); raw lost/received totals are kept too.
 */
import type { Direction, Modality } from '../../../shared/domain/legs';
import type { SimChannel } from './channels';
import type { ChannelName } from './scenario';

export interface ExpectedChannel {
  name: ChannelName;
  modality: Modality;
  direction: Direction;
  /** Ordinal among the call's channels of the same modality and direction (what the collector assigns). */
  channelIndex: number;
  intervals: number;
  lostPackets: number;
  receivedPackets: number;
  /** Netstat `Packets` at the last interval. */
  packets: number;
  avgLossPercent: number;
  maxLossPercent: number;
  avgJitterMs: number;
  /** Max of MaxJitter (and Jitter). */
  maxJitterMs: number;
  avgRoundTripMs: number | null;
  maxRoundTripMs: number | null;
  avgBitRate: number;
  avgFrameRate: number | null;
}

export interface ExpectedCall {
  callId: string;
  startedAtTick: number;
  endedAtTick: number | null;
  channels: ExpectedChannel[];
}

interface Totals {
  intervals: number;
  lost: number;
  received: number;
  lossSum: number;
  lossCount: number;
  lossMax: number;
  jitterSum: number;
  jitterMax: number;
  rttSum: number;
  rttCount: number;
  rttMax: number;
  bitRateSum: number;
  frameRateSum: number;
  frameRateCount: number;
}

export function createExpectedChannel(channel: SimChannel, channelIndex: number) {
  const modality: Modality = channel.spec.type === 'Audio' ? 'audio' : channel.spec.role === 'Presentation' ? 'screenSharing' : 'video';
  const direction: Direction = channel.spec.direction === 'Incoming' ? 'inbound' : 'outbound';
  const totals: Totals = {
    intervals: 0, lost: 0, received: 0, lossSum: 0, lossCount: 0, lossMax: 0, jitterSum: 0, jitterMax: 0,
    rttSum: 0, rttCount: 0, rttMax: 0, bitRateSum: 0, frameRateSum: 0, frameRateCount: 0,
  };
  return {
    name: channel.name,
    /** Call after each advanceChannel: records the interval the codec now shows. */
    record(): void {
      const { netstat } = channel;
      totals.intervals += 1;
      totals.lost += netstat.lastIntervalLost;
      totals.received += netstat.lastIntervalReceived;
      const packets = netstat.lastIntervalLost + netstat.lastIntervalReceived;
      if (packets > 0) {
        const loss = (netstat.lastIntervalLost / packets) * 100;
        totals.lossSum += loss;
        totals.lossCount += 1;
        totals.lossMax = Math.max(totals.lossMax, loss);
      }
      totals.jitterSum += netstat.jitter;
      totals.jitterMax = Math.max(totals.jitterMax, netstat.maxJitter, netstat.jitter);
      if (netstat.roundTripTime !== undefined) {
        totals.rttSum += netstat.roundTripTime;
        totals.rttCount += 1;
        totals.rttMax = Math.max(totals.rttMax, netstat.roundTripTime);
      }
      totals.bitRateSum += netstat.channelRate;
      if (modality !== 'audio' && channel.frameRate !== undefined) {
        totals.frameRateSum += channel.frameRate;
        totals.frameRateCount += 1;
      }
    },
    result(): ExpectedChannel {
      const perInterval = (sum: number, count: number): number => (count === 0 ? 0 : sum / count);
      return {
        name: channel.name,
        modality,
        direction,
        channelIndex,
        intervals: totals.intervals,
        lostPackets: totals.lost,
        receivedPackets: totals.received,
        packets: channel.netstat.packets,
        avgLossPercent: perInterval(totals.lossSum, totals.lossCount),
        maxLossPercent: totals.lossMax,
        avgJitterMs: perInterval(totals.jitterSum, totals.intervals),
        maxJitterMs: totals.jitterMax,
        avgRoundTripMs: totals.rttCount === 0 ? null : totals.rttSum / totals.rttCount,
        maxRoundTripMs: totals.rttCount === 0 ? null : totals.rttMax,
        avgBitRate: perInterval(totals.bitRateSum, totals.intervals),
        avgFrameRate: totals.frameRateCount === 0 ? null : totals.frameRateSum / totals.frameRateCount,
      };
    },
  };
}

export type ExpectedChannelRecorder = ReturnType<typeof createExpectedChannel>;
