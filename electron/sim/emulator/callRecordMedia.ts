/**
 * Generated media for one callRecord segment: networks, devices and streams with the units of
 * ../shared/reference/graph-api.md §2.2 (and shared/graph/callRecords.ts): jitter and round-trip times as ISO 8601 durations,
 * packet-loss rates and *Ratio as FRACTIONS 0–1, averageVideoFrameLossPercentage in percent,
 * averageBandwidthEstimate and linkSpeed in bits/s, frame rates in fps. Ranges follow the seed example
 * (003: jitter 7–21 ms, RTT 61–106 ms, loss 0–0.037, bandwidth ~10–16 Mbit/s).
 */
import { msToIsoDuration } from '../../../shared/graph/duration';
import type {
  CallRecordDeviceInfo,
  CallRecordMedia,
  CallRecordMediaStream,
  CallRecordMediaStreamDirection,
  CallRecordNetworkInfo,
} from '../../../shared/graph/callRecords';
import type { Prng } from './prng';

export type GeneratedModality = 'audio' | 'video' | 'screenSharing';

const LABEL: Record<GeneratedModality, string> = {
  audio: 'main-audio',
  video: 'main-video',
  screenSharing: 'applicationsharing-video',
};

/** How bad this leg is, 0 (clean) to 1 (awful): drives every metric together so a record tells one story. */
export type Impairment = number;

export function generateMedia(
  prng: Prng,
  modality: GeneratedModality,
  startMs: number,
  endMs: number,
  impairment: Impairment,
): CallRecordMedia {
  const media: CallRecordMedia = {
    label: LABEL[modality],
    callerNetwork: generateNetwork(prng, impairment),
    calleeNetwork: generateNetwork(prng, impairment / 2),
    streams: (['callerToCallee', 'calleeToCaller'] as const).map((direction) =>
      generateStream(prng, modality, direction, startMs, endMs, impairment),
    ),
  };
  if (modality === 'audio') {
    media.callerDevice = generateDevice(prng, impairment);
    media.calleeDevice = generateDevice(prng, impairment / 2);
  }
  return media;
}

function generateNetwork(prng: Prng, impairment: Impairment): CallRecordNetworkInfo {
  const wifi = prng.chance(0.3);
  const subnetThird = prng.int(0, 254);
  return {
    connectionType: wifi ? 'wifi' : 'wired',
    networkTransportProtocol: prng.chance(0.9) ? 'udp' : 'tcp',
    traceRouteHops: [],
    wifiBand: wifi ? prng.pick(['frequency24GHz', 'frequency50GHz'] as const) : 'unknown',
    wifiRadioType: wifi ? prng.pick(['wifi80211n', 'wifi80211ac', 'wifi80211ax'] as const) : 'unknown',
    ipAddress: `10.${prng.int(0, 254)}.${subnetThird}.${prng.int(2, 254)}`,
    subnet: `10.0.${subnetThird}.0`,
    // bits per second (§2.2 networkInfo.linkSpeed), not bytes like the VTC report's networkLinkSpeedInBytes.
    linkSpeed: wifi ? prng.pick([54_000_000, 300_000_000, 866_700_000]) : prng.pick([100_000_000, 1_000_000_000]),
    port: prng.int(49_152, 65_535),
    reflexiveIPAddress: `203.0.113.${prng.int(1, 254)}`,
    relayIPAddress: `52.114.${prng.int(128, 255)}.${prng.int(1, 254)}`,
    relayPort: prng.int(3478, 3481),
    macAddress: '00-00-00-00-00-00',
    dnsSuffix: null,
    sentQualityEventRatio: prng.float(0, 0.4 * impairment, 2),
    receivedQualityEventRatio: prng.float(0, 0.4 * impairment, 2),
    delayEventRatio: prng.float(0, 0.2 * impairment, 2),
    bandwidthLowEventRatio: prng.float(0, 0.2 * impairment, 2),
    ...(wifi ? { wifiSignalStrength: prng.int(40, 100), wifiChannel: prng.pick([1, 6, 11, 36, 44, 149]) } : {}),
  };
}

function generateDevice(prng: Prng, impairment: Impairment): CallRecordDeviceInfo {
  return {
    captureDeviceName: prng.pick(['Cisco Table Microphone 20', 'Echo Cancelling Speakerphone', 'Default input device']),
    renderDeviceName: prng.pick(['Cisco Room Speakers', 'Echo Cancelling Speakerphone', 'Default output device']),
    receivedSignalLevel: prng.int(-30, -8),
    receivedNoiseLevel: prng.int(-92, -60),
    initialSignalLevelRootMeanSquare: prng.float(20, 160, 4),
    micGlitchRate: prng.int(0, Math.round(200 * impairment)),
    speakerGlitchRate: prng.int(0, Math.round(400 * impairment)),
    lowSpeechLevelEventRatio: prng.float(0, 0.1, 3),
    deviceClippingEventRatio: prng.float(0, 0.05 * impairment, 3),
  };
}

function generateStream(
  prng: Prng,
  modality: GeneratedModality,
  direction: CallRecordMediaStreamDirection,
  startMs: number,
  endMs: number,
  impairment: Impairment,
): CallRecordMediaStream {
  const jitterMs = prng.int(3, 12) + Math.round(60 * impairment * prng.next());
  const roundTripMs = prng.int(20, 70) + Math.round(250 * impairment * prng.next());
  const lossFraction = prng.float(0, 0.01 + 0.09 * impairment, 5);
  const stream: CallRecordMediaStream = {
    streamId: String(prng.int(100_000_000, 2_147_483_647)),
    streamDirection: direction,
    startDateTime: new Date(startMs).toISOString(),
    endDateTime: new Date(endMs).toISOString(),
    averageJitter: msToIsoDuration(jitterMs),
    maxJitter: msToIsoDuration(jitterMs + prng.int(2, 30)),
    averageRoundTripTime: msToIsoDuration(roundTripMs),
    maxRoundTripTime: msToIsoDuration(roundTripMs + prng.int(10, 120)),
    averagePacketLossRate: lossFraction,
    maxPacketLossRate: Math.min(1, Math.round((lossFraction * prng.float(1.5, 4, 2)) * 1e5) / 1e5),
    packetUtilization: Math.max(1, Math.round(((endMs - startMs) / 1000) * prng.int(25, 50))),
    averageBandwidthEstimate: prng.int(1_000_000, 20_000_000),
    wasMediaBypassed: false,
  };
  if (modality === 'audio') {
    const networkJitterMs = jitterMs + prng.int(5, 40);
    Object.assign(stream, {
      audioCodec: prng.pick(['opus', 'satin', 'silkWide', 'g722'] as const),
      averageAudioDegradation: impairment > 0.1 ? prng.float(0, 2.5 * impairment, 6) : null,
      averageRatioOfConcealedSamples: prng.float(0, 0.08 * impairment, 6),
      maxRatioOfConcealedSamples: prng.float(0.08 * impairment, 0.1 + 0.2 * impairment, 6),
      averageAudioNetworkJitter: msToIsoDuration(networkJitterMs),
      maxAudioNetworkJitter: msToIsoDuration(networkJitterMs + prng.int(5, 200)),
      isAudioForwardErrorCorrectionUsed: prng.chance(0.3),
    });
  } else {
    const frameRate = prng.float(modality === 'video' ? 24 : 5, modality === 'video' ? 30 : 15, 2);
    Object.assign(stream, {
      videoCodec: prng.pick(['h264', 'h264uc', 'av1', 'h265'] as const),
      averageVideoFrameRate: frameRate,
      averageReceivedFrameRate: Math.max(0, frameRate - prng.float(0, 10 * impairment, 2)),
      averageVideoFrameLossPercentage: prng.float(0, 8 * impairment, 3),
      averageVideoPacketLossRate: lossFraction,
      postForwardErrorCorrectionPacketLossRate: Math.round(lossFraction * 0.4 * 1e5) / 1e5,
      lowFrameRateRatio: prng.float(0, 0.3 * impairment, 3),
      lowVideoProcessingCapabilityRatio: prng.float(0, 0.1 * impairment, 3),
      averageFreezeDuration: impairment > 0.3 ? msToIsoDuration(prng.int(100, 900)) : null,
      rmsFreezeDuration: impairment > 0.3 ? msToIsoDuration(prng.int(100, 1200)) : null,
    });
  }
  return stream;
}
