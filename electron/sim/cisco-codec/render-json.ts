/**
 * The simulated codec's state as xAPI JSON, the shape the WebSocket JSON-RPC API returns and pushes
 * (../shared/reference/devices-and-thresholds.md §3.2): the same tree as render.ts's XML, repeated nodes as arrays of objects
 * with an `id`, Integer leaves as numbers, literals as strings.
 */
import type { Firmware, SimChannel } from './channels';
import type { ActiveCall } from './codec';
import { TICK_MS } from './scenario';

export type JsonTree = Record<string, unknown>;

const VERSION: Record<Firmware, string> = {
  ce9: 'ce9.15.17.4.5d5fb5ea43b',
  roomos11: 'RoomOS 11.14.4.0 2c8d7b6ad31',
};

/** Drops undefined leaves, as the codec omits the ones its firmware does not have. */
function defined(node: Record<string, unknown>): JsonTree {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined));
}

export function callJson(firmware: Firmware, call: ActiveCall, ticks: number): JsonTree {
  return defined({
    id: Number(call.callId),
    AnswerState: 'Answered',
    CallType: 'Video',
    CallbackNumber: 'sip:weekly-sync@meet.example.com',
    DeviceType: 'MCU',
    Direction: 'Outgoing',
    DisplayName: 'Weekly sync',
    Duration: ((ticks - call.startTick) * TICK_MS) / 1_000,
    Encryption: { Type: 'Aes-128' },
    Ice: firmware === 'roomos11' ? 'Disabled' : undefined,
    Protocol: 'Sip',
    ReceiveCallRate: 6000,
    RemoteNumber: 'weekly-sync@meet.example.com',
    Status: 'Connected',
    TransmitCallRate: 6000,
  });
}

export function channelJson(channel: SimChannel): JsonTree {
  const { spec, netstat } = channel;
  const media =
    spec.type === 'Audio'
      ? { Audio: { ChannelRole: spec.role, Channels: 1, Mute: 'False', Protocol: spec.protocol } }
      : { Video: defined({ ChannelRole: spec.role, FrameRate: channel.frameRate, Protocol: spec.protocol, ResolutionX: spec.role === 'Main' ? 1920 : 1280, ResolutionY: spec.role === 'Main' ? 1080 : 720 }) };
  return {
    id: channel.item,
    ...media,
    Direction: spec.direction,
    Encryption: 'On',
    Netstat: defined({
      Bytes: netstat.bytes,
      ChannelRate: netstat.channelRate,
      EndToEndDelay: netstat.endToEndDelay,
      Jitter: netstat.jitter,
      LastIntervalLost: netstat.lastIntervalLost,
      LastIntervalReceived: netstat.lastIntervalReceived,
      Loss: netstat.loss,
      MaxJitter: netstat.maxJitter,
      Packets: netstat.packets,
      RoundTripTime: netstat.roundTripTime,
    }),
    Type: spec.type,
  };
}

/** The whole status tree the WebSocket `xGet` digs into. */
export function statusTree(firmware: Firmware, call: ActiveCall | undefined, ticks: number, productId: string, teams?: { inCall: boolean }): JsonTree {
  const channels = call === undefined ? [] : [...call.channels.values()].sort((a, b) => a.item - b.item).map(channelJson);
  return {
    Status: {
      ...(call !== undefined && { Call: [callJson(firmware, call, ticks)] }),
      MediaChannels: call === undefined ? {} : { Call: [{ id: Number(call.callId), Channel: channels }] },
      ...(teams !== undefined && { MicrosoftTeams: { Calling: { InCall: teams.inCall ? 'True' : 'False' } } }),
      SystemUnit: { State: { NumberOfActiveCalls: teams?.inCall === true ? 1 : call === undefined ? 0 : 1 }, ProductId: productId, ProductPlatform: productId.replace(/^Cisco (TelePresence )?/, ''), ProductType: 'Cisco Codec', Software: { DisplayName: VERSION[firmware], Version: VERSION[firmware] }, Uptime: 86_400 },
    },
  };
}
