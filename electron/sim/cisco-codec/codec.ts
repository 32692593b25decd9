/**
 * The simulated codec's state machine, driven by ticks of one Netstat interval (scenario.ts): calls start
 * and end per the script, main audio/video channels exist for the whole call, presentation channels come
 * and go, and every tick produces one interval per channel. Deterministic for a seed; no timers here (the
 * server or a test advances it).
 *
 * With `loop`, a new call script (seed + n, call keys counting up as a codec's do) follows each call, for
 * the demo's rooms.
 */
import { advanceChannel, createChannel, type Firmware, type SimChannel } from './channels';
import { createExpectedChannel, type ExpectedCall, type ExpectedChannelRecorder } from './expected';
import { createRandom } from './prng';
import { generateCallScript, type CallScript, type ChannelName, type Scenario } from './scenario';

export interface ActiveCall {
  script: CallScript;
  callId: string;
  startTick: number;
  channels: Map<ChannelName, SimChannel>;
  recorders: Map<ChannelName, ExpectedChannelRecorder>;
  /** Retired channels (presentation stopped) keep their expected figures. */
  retired: ExpectedChannelRecorder[];
}

export interface CodecOptions {
  seed: number;
  firmware: Firmware;
  scenario: Scenario;
  loop: boolean;
}

const MAIN_CHANNELS: readonly ChannelName[] = ['audio-in', 'audio-out', 'video-in', 'video-out'];

export function createSimulatedCodec(options: CodecOptions) {
  const random = createRandom(options.seed ^ 0x9e3779b9);
  let tickCount = 0;
  let scriptIndex = 0;
  let nextItem = 100;
  let active: ActiveCall | undefined;
  const finished: ExpectedCall[] = [];
  const firstScript = options.scenario.calls[0];
  let nextScript: CallScript | undefined = firstScript;
  let nextStartTick = firstScript === undefined ? Number.POSITIVE_INFINITY : firstScript.idleTicksBefore;

  const scriptAfter = (index: number): CallScript | undefined => {
    const scripted = options.scenario.calls[index];
    if (scripted !== undefined) return scripted;
    if (!options.loop || firstScript === undefined) return undefined;
    const generated = generateCallScript(options.seed + index, { durationTicks: firstScript.durationTicks });
    return { ...generated, callId: String(Number(firstScript.callId) + index), idleTicksBefore: 2 };
  };

  const addChannel = (call: ActiveCall, name: ChannelName): void => {
    const channel = createChannel(nextItem++, name);
    call.channels.set(name, channel);
    // The collector numbers channels per modality and direction in order of appearance (mapping.ts); each
    // channel name is one modality+direction, so a presentation shared twice in a call becomes index 2.
    const earlier = call.retired.filter((recorder) => recorder.name === name).length;
    call.recorders.set(name, createExpectedChannel(channel, earlier + 1));
  };

  const retireChannel = (call: ActiveCall, name: ChannelName): void => {
    const recorder = call.recorders.get(name);
    if (recorder !== undefined) call.retired.push(recorder);
    call.recorders.delete(name);
    call.channels.delete(name);
  };

  const expectedOf = (call: ActiveCall, endedAtTick: number | null): ExpectedCall => ({
    callId: call.callId,
    startedAtTick: call.startTick,
    endedAtTick,
    channels: [...call.retired, ...call.recorders.values()].map((recorder) => recorder.result()),
  });

  return {
    /** Advances one Netstat interval (5 s of codec time). */
    tick(): void {
      tickCount += 1;
      if (active !== undefined && tickCount - active.startTick >= active.script.durationTicks) {
        finished.push(expectedOf(active, tickCount));
        active = undefined;
        scriptIndex += 1;
        nextScript = scriptAfter(scriptIndex);
        nextStartTick = nextScript === undefined ? Number.POSITIVE_INFINITY : tickCount + nextScript.idleTicksBefore;
      }
      if (active === undefined && nextScript !== undefined && tickCount >= nextStartTick) {
        active = { script: nextScript, callId: nextScript.callId, startTick: tickCount, channels: new Map(), recorders: new Map(), retired: [] };
        for (const name of MAIN_CHANNELS) addChannel(active, name);
      }
      if (active === undefined) return;
      const relativeTick = tickCount - active.startTick;
      const presentation = active.script.presentation;
      if (presentation !== undefined) {
        const name: ChannelName = presentation.direction === 'in' ? 'presentation-in' : 'presentation-out';
        if (relativeTick === presentation.fromTick) addChannel(active, name);
        if (relativeTick === presentation.toTick) retireChannel(active, name);
      }
      for (const channel of active.channels.values()) {
        advanceChannel(channel, random, options.firmware, active.script.impairments, relativeTick);
        active.recorders.get(channel.name)?.record();
      }
    },
    get ticks(): number {
      return tickCount;
    },
    activeCall(): ActiveCall | undefined {
      return active;
    },
    /** Finished calls, then the call in progress (endedAtTick null). */
    expected(): ExpectedCall[] {
      return active === undefined ? [...finished] : [...finished, expectedOf(active, null)];
    },
  };
}

export type SimulatedCodec = ReturnType<typeof createSimulatedCodec>;
