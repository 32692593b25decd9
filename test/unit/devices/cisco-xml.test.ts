import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CiscoXmlError, parseCallStatus, parseMediaChannels, parseSystemUnit } from '../../../electron/core/devices/cisco/xml';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/cisco/${name}`, import.meta.url), 'utf8');

describe('Cisco getxml parsing: CE 9 and RoomOS 11 shapes (devices-and-thresholds.md §3.1)', () => {
  it.each([
    ['ce9', 'ce9-call.xml', 'ce9-mediachannels.xml', ['3'], 6, false],
    ['roomos11', 'roomos11-call.xml', 'roomos11-mediachannels.xml', ['12', '13'], 5, true],
  ] as const)('%s: calls, channels and the round trip time only from 10.x on', (_firmware, callFile, mediaFile, callIds, channelCount, hasRoundTrip) => {
    expect(parseCallStatus(fixture(callFile)).map((call) => call.callId)).toEqual(callIds);
    const [media] = parseMediaChannels(fixture(mediaFile));
    expect(media!.callId).toBe(callIds[0]);
    expect(media!.channels).toHaveLength(channelCount);
    const withRoundTrip = media!.channels.filter((channel) => channel.netstat.roundTripTime !== undefined);
    expect(withRoundTrip.length > 0).toBe(hasRoundTrip);
  });

  it('reads a CE 9 channel completely', () => {
    const channel = parseMediaChannels(fixture('ce9-mediachannels.xml'))[0]!.channels[0]!;
    expect(channel).toEqual({
      item: 327, type: 'Audio', direction: 'Incoming', audioRole: 'Main', videoRole: undefined, protocol: expect.any(String), frameRate: undefined,
      netstat: {
        bytes: 1207808, channelRate: 64000, jitter: 7, lastIntervalLost: 6, lastIntervalReceived: 244, loss: 31,
        maxJitter: 12, packets: 4712, roundTripTime: undefined, endToEndDelay: undefined,
      },
    });
  });

  it('reads RoomOS extras and leaves that carry attributes', () => {
    const channels = parseMediaChannels(fixture('roomos11-mediachannels.xml'))[0]!.channels;
    expect(channels.find((c) => c.item === 1040)!.netstat.endToEndDelay).toBe(142);
    expect(channels.find((c) => c.item === 1041)!.netstat.roundTripTime).toBe(87);
    expect(channels.find((c) => c.item === 1043)!.netstat.channelRate).toBe(2_500_000);
    expect(channels.find((c) => c.item === 1050)).toMatchObject({ videoRole: 'Presentation', frameRate: 15 });
  });

  it('reads call status and duration', () => {
    expect(parseCallStatus(fixture('ce9-call.xml'))).toEqual([{ callId: '3', status: 'Connected', durationSeconds: 95 }]);
    expect(parseCallStatus(fixture('roomos11-call.xml'))[1]).toMatchObject({ callId: '13', status: 'Ringing' });
  });

  it.each([
    ['ce9-systemunit.xml', 'Cisco TelePresence SX80', 'ce9.15.17.4.5d5fb5ea43b'],
    ['roomos11-systemunit.xml', 'Cisco Room Kit Pro', 'RoomOS 11.14.4.0 2c8d7b6ad31'],
  ])('reads the product id of %s', (file, productId, softwareVersion) => {
    expect(parseSystemUnit(fixture(file))).toEqual({ productId, softwareVersion });
  });

  it('an idle codec has no calls and no channels', () => {
    expect(parseCallStatus(fixture('idle-call.xml'))).toEqual([]);
    expect(parseMediaChannels(fixture('idle-mediachannels.xml'))).toEqual([]);
    expect(parseMediaChannels('<Status/>')).toEqual([]);
  });

  it.each([
    ['truncated XML', fixture('malformed.xml'), /malformed XML/],
    ['an HTML error page', '<html><body>Bad gateway</body></html>', /root element is not <Status>/],
    ['plain text', 'Service Unavailable', /malformed XML|root element/],
    ['a DOCTYPE (entity expansion)', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Status>&a;</Status>', /DOCTYPE/],
  ])('refuses %s with CiscoXmlError', (_name, xml, message) => {
    expect(() => parseMediaChannels(xml)).toThrow(CiscoXmlError);
    expect(() => parseMediaChannels(xml)).toThrow(message);
  });

  it('treats values that are not plain non-negative numbers as not measured', () => {
    const xml = `<Status><MediaChannels><Call item="1"><Channel item="2"><Type>Audio</Type><Direction>Incoming</Direction>
      <Netstat><Jitter>n/a</Jitter><MaxJitter>-1</MaxJitter><Packets>1e3</Packets><Bytes></Bytes><ChannelRate>64000</ChannelRate></Netstat>
      </Channel></Call></MediaChannels></Status>`;
    const netstat = parseMediaChannels(xml)[0]!.channels[0]!.netstat;
    expect(netstat).toMatchObject({ jitter: undefined, maxJitter: undefined, packets: undefined, bytes: undefined, channelRate: 64000 });
  });

  it('skips nodes without a numeric item', () => {
    expect(parseCallStatus('<Status><Call><Status>Connected</Status></Call><Call item="x"/></Status>')).toEqual([]);
  });
});
