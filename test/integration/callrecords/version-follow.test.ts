/**
 * A callRecord Teams updates after the agent read it, from the outside: `demo` (the agent as a child
 * process, its emulator a separate HTTP server), the UI's WebSocket client, the emulator's control API.
 * Teams publishes a call's record; the operator opens it; Teams publishes version 2 with another packet
 * loss; without a restart or a Refresh the agent re-reads the young record, pushes `callRecordsChanged`,
 * and the list and the record then show version 2 and the new loss. A lower version published afterwards
 * never replaces it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocketAppClient } from '../../../renderer/src/api/ws-client';
import type { CallRecordDetailView, CallRecordListView } from '../../../shared/api/views';
import type { Result } from '../../../shared/api/result';
import { startDemo, type DemoProcess } from '../../support/demo-process';
import { connectWebAgent } from '../../support/web-agent-client';

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const RECORD_ID = '3c9b7e10-5a2f-4d6e-9b1a-7f0e2d4c8a61';
const ROOM_ID = '8d2f4b6a-0c1e-4f3a-9e5d-1b7c3a9f2e40';

/** A small group call that ended a few seconds ago: one session, one audio stream each way. */
function publishedRecord(endMs: number) {
  const stream = (direction: string, lossRate: number) => ({
    streamId: direction === 'callerToCallee' ? '1' : '2',
    streamDirection: direction,
    averagePacketLossRate: lossRate,
    averageJitter: 'PT0.012S',
  });
  const room = { id: ROOM_ID, identity: { device: { id: ROOM_ID, displayName: 'VTC Bldg 30/21' } }, administrativeUnitInfos: [] };
  return {
    id: RECORD_ID,
    version: 1,
    type: 'groupCall',
    modalities: ['audio'],
    startDateTime: new Date(endMs - 5 * 60_000).toISOString(),
    endDateTime: new Date(endMs).toISOString(),
    lastModifiedDateTime: new Date(endMs).toISOString(),
    joinWebUrl: null,
    organizer_v2: room,
    participants_v2: [room],
    sessions: [
      {
        id: 'b0f1c2d3-0000-4000-8000-000000000001',
        modalities: ['audio'],
        startDateTime: new Date(endMs - 5 * 60_000).toISOString(),
        endDateTime: new Date(endMs).toISOString(),
        caller: { associatedIdentity: { id: ROOM_ID, displayName: 'VTC Bldg 30/21' } },
        callee: { associatedIdentity: { id: 'a1', displayName: 'Abbie Wilkins' } },
        segments: [
          {
            id: 'c0f1c2d3-0000-4000-8000-000000000001',
            startDateTime: new Date(endMs - 5 * 60_000).toISOString(),
            endDateTime: new Date(endMs).toISOString(),
            media: [{ label: 'main-audio', streams: [stream('callerToCallee', 0.01), stream('calleeToCaller', 0.01)] }],
          },
        ],
      },
    ],
  };
}

async function control(demo: DemoProcess, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${demo.emulatorUrl}/_emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Every stream's average loss of the record the agent holds. */
function lossRates(view: CallRecordDetailView): unknown[] {
  return (view.record?.sessions ?? []).flatMap((s) => s.segments ?? []).flatMap((g) => g.media ?? []).flatMap((m) => m.streams ?? []).map((s) => s.averagePacketLossRate);
}

/** Resolves with the first `callRecordsChanged` naming `id`. */
function changeOf(api: WebSocketAppClient, id: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no callRecordsChanged for ${id} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = api.on('callRecordsChanged', ({ ids }) => {
      if (!ids.some((changed) => changed.toLowerCase() === id.toLowerCase())) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

describe('a callRecord updated after it was read', () => {
  it('is followed to its higher version without a restart or a Refresh, and never back to a lower one', async () => {
    const demo = await startDemo({ rooms: 1, seed: 12 });
    cleanups.push(async () => expect(await demo.stop()).toBe(0));
    const api = await connectWebAgent(demo.webUrl);
    cleanups.push(() => api.close());

    // Teams publishes the call's record; the operator opens it (the agent reads it whole: version 1).
    await control(demo, 'call-records', { records: [publishedRecord(Date.now() - 3_000)] });
    const first = value(await api.getCallRecord({ id: RECORD_ID }));
    expect(first).toMatchObject({ availability: 'ok', record: { version: 1 } });
    expect(lossRates(first)).toEqual([0.01, 0.01]);
    const listed = value(await api.listCallRecords({}));
    expect(listed.items.find((item) => item.id === RECORD_ID)?.version).toBe(1);

    // Teams adds to the record: version 2, another packet loss.
    const changed = changeOf(api, RECORD_ID, 30_000);
    expect(await control(demo, `call-records/${RECORD_ID}/versions`, { streams: { averagePacketLossRate: 0.2 } })).toEqual({ id: RECORD_ID, version: 2 });
    const published = (await (await fetch(`${demo.emulatorUrl}/_emulator/call-records`)).json()) as { value: { id: string; version: number }[] };
    expect(published.value.find((record) => record.id === RECORD_ID)?.version).toBe(2);
    await changed;
    const list: CallRecordListView = value(await api.listCallRecords({}));
    expect(list.items.find((item) => item.id === RECORD_ID)).toMatchObject({ version: 2, participantNames: expect.arrayContaining(['VTC Bldg 30/21']) });
    const updated = value(await api.getCallRecord({ id: RECORD_ID }));
    expect(updated).toMatchObject({ availability: 'ok', record: { version: 2 } });
    expect(lossRates(updated)).toEqual([0.2, 0.2]);

    // A lagging copy (version 1 again, another loss) read on an explicit Refresh does not go back.
    expect(await control(demo, `call-records/${RECORD_ID}/versions`, { version: 1, streams: { averagePacketLossRate: 0.05 } })).toEqual({ id: RECORD_ID, version: 1 });
    const refreshed = value(await api.getCallRecord({ id: RECORD_ID, refresh: true }));
    expect(refreshed).toMatchObject({ availability: 'ok', record: { version: 2 } });
    expect(lossRates(refreshed)).toEqual([0.2, 0.2]);
    const relisted = value(await api.listCallRecords({ refresh: true }));
    expect(relisted.items.find((item) => item.id === RECORD_ID)?.version).toBe(2);
  }, 120_000);
});
