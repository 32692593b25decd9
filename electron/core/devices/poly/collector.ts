/**
 * Reads one Poly VideoOS codec (G7500, Studio X) through its local REST API (../shared/reference/poly-videoos.md):
 * `/rest/system` once per session for the product and version, then every `pollSeconds` (at least the
 * codec's ~5 s statistics interval, §6) `/rest/conferences` and, per active conference,
 * `/rest/conferences/{id}/mediastats` (+ `/rest/mediastats` for this room's shared content when the
 * conference lists none). One request at a time.
 *
 * Calls: the call key is the conference id as a string (`"0"` is a call, §4) and its identity the id plus
 * the start time, since ids are reused (§6). A conference that leaves the list, or whose statistics answer
 * 404 right after the list showed it (the two race at hang-up), has ended: it is reported once, with the
 * samples already taken. A codec restart mid-call (sessions lost, a few failed reads) keeps the call: the
 * session logs in again, the conference is the same, nothing is split.
 */
import { DeviceRequestError } from '../errors';
import { createPollLoop, type LiveCall, type ReadResult } from '../poll-loop';
import type { CollectorContext, CollectorDeviceConfig, DeviceCollector, DeviceStatus } from '../types';
import { deviceNameOf, hasOutgoingContent, parseConferences, parseContentStats, parseMediaStats, parseSystem, PolyShapeError, statsToSamples, type PolySystem } from './api';
import { createJsonClient, type JsonClient } from './http';
import { createPolySession, type PolySession } from './session';

/** §6: the statistics window is about 5 s; polling faster gains nothing and loads the codec. */
export const POLY_MIN_POLL_SECONDS = 5;

export interface PolyCollectorOptions {
  /** For tests: a faster poll than the codec's interval (the simulator's time is the test's). */
  minPollSeconds?: number;
  closeCallsAfterFailures?: number;
  maxBackoffMs?: number;
  authBackoffMs?: number;
  requestTimeoutMs?: number;
  client?: JsonClient;
}

export type PolyCollector = DeviceCollector & { readonly session: PolySession };

export function createPolyCollector(device: CollectorDeviceConfig, context: CollectorContext, options: PolyCollectorOptions = {}): PolyCollector {
  const pollSeconds = Math.max(options.minPollSeconds ?? POLY_MIN_POLL_SECONDS, device.pollSeconds ?? POLY_MIN_POLL_SECONDS);
  const pollMs = pollSeconds * 1_000;
  const client =
    options.client ??
    createJsonClient({
      url: device.url,
      allowSelfSigned: device.allowSelfSigned,
      certificateSha256: device.certificateSha256,
      timeoutMs: options.requestTimeoutMs ?? Math.min(10_000, pollMs * 2),
    });
  const session = createPolySession({ client, username: device.username, password: device.password });
  let system: PolySystem | undefined;

  const json = async (path: string): Promise<unknown | undefined> => {
    const response = await session.get(path);
    return response.status === 404 ? undefined : response.body;
  };

  const read = async (): Promise<ReadResult> => {
    try {
      if (system === undefined) {
        const body = await json('/rest/system');
        system = body === undefined ? {} : parseSystem(body);
      }
      const listed = await json('/rest/conferences');
      const conferences = parseConferences(listed ?? []).filter((conference) => conference.isActive);
      const at = new Date(context.now()).toISOString();
      const result: ReadResult = { samples: [], liveCalls: new Map() };
      for (const conference of conferences) {
        const callId = String(conference.id);
        const statsBody = await json(`/rest/conferences/${conference.id}/mediastats`);
        if (statsBody === undefined) continue; // 404: hung up between the two reads
        const stats = parseMediaStats(statsBody);
        const content = hasOutgoingContent(stats) ? undefined : parseContentStats((await json('/rest/mediastats')) ?? {});
        const startMs = conference.startTime ?? conference.connections[0]?.startTime;
        const call: LiveCall = {
          generation: String(startMs ?? ''),
          since: new Date(startMs ?? context.now()).toISOString(),
        };
        result.liveCalls.set(callId, call);
        result.samples.push(...statsToSamples({ roomId: context.roomId, deviceId: device.id, callId, at }, stats, content));
      }
      return result;
    } catch (error) {
      if (error instanceof PolyShapeError) throw new DeviceRequestError('error', error.message);
      throw error;
    }
  };

  const loop = createPollLoop({
    deviceId: device.id,
    pollMs,
    context,
    read,
    deviceName: () => deviceNameOf(system),
    onLongOutage: () => {
      system = undefined;
    },
    closeCallsAfterFailures: options.closeCallsAfterFailures,
    maxBackoffMs: options.maxBackoffMs,
    authBackoffMs: options.authBackoffMs,
  });

  return {
    start: loop.start,
    stop: () =>
      loop.stop(async () => {
        client.abort();
        await session.close();
        client.close();
      }),
    pollOnce: loop.pollOnce,
    status(): DeviceStatus {
      return {
        deviceId: device.id,
        kind: 'poly-videoos',
        state: loop.state,
        ...(loop.error !== undefined && { error: loop.error }),
        ...(system?.model !== undefined && { product: deviceNameOf(system) }),
        ...(system?.softwareVersion !== undefined && { softwareVersion: system.softwareVersion }),
        call: loop.currentCall(),
      };
    },
    session,
  };
}
