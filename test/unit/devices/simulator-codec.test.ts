/** The simulated codec without its server: deterministic scenario, call lifecycle, both XML shapes. */
import { describe, expect, it } from 'vitest';
import { parseCallStatus, parseMediaChannels, parseSystemUnit } from '../../../electron/core/devices/cisco/xml';
import { createSimulatedCodec } from '../../../electron/sim/cisco-codec/codec';
import { renderCallStatus, renderMediaChannels, renderSystemUnit } from '../../../electron/sim/cisco-codec/render';
import { generateScenario, type Scenario } from '../../../electron/sim/cisco-codec/scenario';

const script: Scenario = {
  calls: [{
    callId: '5', idleTicksBefore: 2, durationTicks: 10,
    presentation: { fromTick: 3, toTick: 6, direction: 'out' },
    impairments: [{ channel: 'audio-in', fromTick: 2, toTick: 5, lossPercent: 20 }],
  }],
};

describe('simulated codec', () => {
  it('is deterministic for a seed', () => {
    const run = (seed: number) => {
      const codec = createSimulatedCodec({ seed, firmware: 'roomos11', scenario: generateScenario(seed), loop: false });
      for (let i = 0; i < 30; i += 1) codec.tick();
      return codec.expected();
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });

  it('starts the call, adds and removes the presentation, ends the call', () => {
    const codec = createSimulatedCodec({ seed: 1, firmware: 'ce9', scenario: script, loop: false });
    const channelsAt: string[][] = [];
    for (let i = 0; i < 14; i += 1) {
      codec.tick();
      channelsAt.push([...(codec.activeCall()?.channels.keys() ?? [])]);
    }
    expect(channelsAt[0]).toEqual([]); // idle
    expect(channelsAt[1]).toEqual(['audio-in', 'audio-out', 'video-in', 'video-out']);
    expect(channelsAt[4]).toContain('presentation-out');
    expect(channelsAt[7]).not.toContain('presentation-out');
    expect(channelsAt[11]).toEqual([]);
    const [call] = codec.expected();
    expect(call).toMatchObject({ callId: '5', startedAtTick: 2, endedAtTick: 12 });
    const audioIn = call!.channels.find((c) => c.name === 'audio-in')!;
    expect(audioIn.intervals).toBe(10);
    expect(audioIn.maxLossPercent).toBeGreaterThan(19);
    expect(call!.channels.find((c) => c.name === 'presentation-out')).toMatchObject({ modality: 'screenSharing', direction: 'outbound', intervals: 3 });
  });

  it('loops calls with increasing call keys for the demo', () => {
    const codec = createSimulatedCodec({ seed: 3, firmware: 'ce9', scenario: script, loop: true });
    for (let i = 0; i < 40; i += 1) codec.tick();
    expect(codec.expected().map((call) => call.callId)).toEqual(['5', '6', '7']);
  });

  it.each([
    ['ce9', false],
    ['roomos11', true],
  ] as const)('%s XML parses back to what the codec holds', (firmware, hasRoundTrip) => {
    const codec = createSimulatedCodec({ seed: 9, firmware, scenario: script, loop: false });
    for (let i = 0; i < 6; i += 1) codec.tick();
    const call = codec.activeCall()!;
    expect(parseCallStatus(renderCallStatus(firmware, call, codec.ticks))).toEqual([{ callId: '5', status: 'Connected', durationSeconds: 20 }]);
    const parsed = parseMediaChannels(renderMediaChannels(firmware, call))[0]!;
    for (const channel of call.channels.values()) {
      const read = parsed.channels.find((c) => c.item === channel.item)!;
      expect(read.netstat).toMatchObject({
        packets: channel.netstat.packets, lastIntervalLost: channel.netstat.lastIntervalLost, jitter: channel.netstat.jitter,
      });
      if (channel.spec.direction === 'Outgoing') expect(read.netstat.roundTripTime !== undefined).toBe(hasRoundTrip);
    }
    expect(parseMediaChannels(renderMediaChannels(firmware, undefined))).toEqual([]);
    expect(parseSystemUnit(renderSystemUnit(firmware, 'Cisco SX80')).productId).toBe('Cisco SX80');
  });
});
