/**
 * Renders the simulated codec's state as Cisco `getxml` responses (../shared/reference/devices-and-thresholds.md §3.1, §3.2):
 * `<Status product="Cisco Codec" version=… apiVersion="4">` holding the requested branch, repeated nodes
 * with `item`/`maxOccurrence` attributes, leaves in the schema's (alphabetical) order.
 * CE 9.x Netstat has exactly Bytes, ChannelRate, Jitter, LastIntervalLost, LastIntervalReceived, Loss,
 * MaxJitter, Packets (R6); RoomOS 11 adds RoundTripTime (outgoing) and EndToEndDelay (incoming).
 */
import type { Firmware, SimChannel } from './channels';
import type { ActiveCall } from './codec';
import { TICK_MS } from './scenario';

const VERSION: Record<Firmware, string> = {
  ce9: 'ce9.15.17.4.5d5fb5ea43b',
  roomos11: 'RoomOS 11.14.4.0 2c8d7b6ad31',
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const leaf = (name: string, value: string | number | undefined, indent: string): string =>
  value === undefined ? '' : `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`;

function wrap(firmware: Firmware, body: string): string {
  return `<?xml version="1.0"?>\n<Status product="Cisco Codec" version="${VERSION[firmware]}" apiVersion="4">\n${body}</Status>\n`;
}

export function renderCallStatus(firmware: Firmware, call: ActiveCall | undefined, ticks: number): string {
  if (call === undefined) return wrap(firmware, '');
  const i = '    ';
  const durationSeconds = ((ticks - call.startTick) * TICK_MS) / 1_000;
  const body =
    `  <Call item="${escapeXml(call.callId)}" maxOccurrence="n">\n` +
    leaf('AnswerState', 'Answered', i) +
    leaf('CallType', 'Video', i) +
    leaf('CallbackNumber', 'sip:weekly-sync@meet.example.com', i) +
    leaf('DeviceType', 'MCU', i) +
    leaf('Direction', 'Outgoing', i) +
    leaf('DisplayName', 'Weekly sync', i) +
    leaf('Duration', durationSeconds, i) +
    `${i}<Encryption>\n${leaf('Type', 'Aes-128', `${i}  `)}${i}</Encryption>\n` +
    leaf('FacilityServiceId', 0, i) +
    leaf('HoldReason', 'None', i) +
    (firmware === 'roomos11' ? leaf('Ice', 'Disabled', i) : '') +
    leaf('PlacedOnHold', 'False', i) +
    leaf('Protocol', 'Sip', i) +
    leaf('ReceiveCallRate', 6000, i) +
    leaf('RemoteNumber', 'weekly-sync@meet.example.com', i) +
    leaf('Status', 'Connected', i) +
    leaf('TransmitCallRate', 6000, i) +
    '  </Call>\n';
  return wrap(firmware, body);
}

function renderChannel(channel: SimChannel): string {
  const i = '        ';
  const { spec, netstat } = channel;
  const media =
    spec.type === 'Audio'
      ? `      <Audio>\n${leaf('ChannelRole', spec.role, i)}${leaf('Channels', 1, i)}${leaf('Mute', 'False', i)}${leaf('Protocol', spec.protocol, i)}      </Audio>\n`
      : `      <Video>\n${leaf('ChannelRole', spec.role, i)}${leaf('FrameRate', channel.frameRate, i)}${leaf('Protocol', spec.protocol, i)}` +
        `${leaf('ResolutionX', spec.role === 'Main' ? 1920 : 1280, i)}${leaf('ResolutionY', spec.role === 'Main' ? 1080 : 720, i)}      </Video>\n`;
  return (
    `    <Channel item="${channel.item}" maxOccurrence="n">\n` +
    media +
    leaf('Direction', spec.direction, '      ') +
    leaf('Encryption', 'On', '      ') +
    '      <Netstat>\n' +
    leaf('Bytes', netstat.bytes, i) +
    leaf('ChannelRate', netstat.channelRate, i) +
    leaf('EndToEndDelay', netstat.endToEndDelay, i) +
    leaf('Jitter', netstat.jitter, i) +
    leaf('LastIntervalLost', netstat.lastIntervalLost, i) +
    leaf('LastIntervalReceived', netstat.lastIntervalReceived, i) +
    leaf('Loss', netstat.loss, i) +
    leaf('MaxJitter', netstat.maxJitter, i) +
    leaf('Packets', netstat.packets, i) +
    leaf('RoundTripTime', netstat.roundTripTime, i) +
    '      </Netstat>\n' +
    leaf('Type', spec.type, '      ') +
    '    </Channel>\n'
  );
}

export function renderMediaChannels(firmware: Firmware, call: ActiveCall | undefined): string {
  if (call === undefined) return wrap(firmware, '  <MediaChannels/>\n');
  const channels = [...call.channels.values()].sort((a, b) => a.item - b.item).map(renderChannel).join('');
  return wrap(firmware, `  <MediaChannels>\n    <Call item="${escapeXml(call.callId)}" maxOccurrence="n">\n${channels.replace(/^(?=.)/gm, '  ')}    </Call>\n  </MediaChannels>\n`);
}

export function renderSystemUnit(firmware: Firmware, productId: string): string {
  const i = '    ';
  const platform = productId.replace(/^Cisco (TelePresence )?/, '');
  return wrap(
    firmware,
    `  <SystemUnit>\n${leaf('ProductId', productId, i)}${leaf('ProductPlatform', platform, i)}${leaf('ProductType', 'Cisco Codec', i)}` +
      `${i}<Software>\n${leaf('DisplayName', VERSION[firmware], `${i}  `)}${leaf('Version', VERSION[firmware], `${i}  `)}${i}</Software>\n` +
      `${leaf('Uptime', 86_400, i)}  </SystemUnit>\n`,
  );
}
