/**
 * The emulator's callRecord publishing through its HTTP control API, as a demo or a shell script drives it:
 * `POST /_emulator/call-record-publishing`, then a report through the real Graph client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../electron/sim/emulator/index';
import type { GraphClient } from '../../../electron/core/graph/client';
import { completeQuality } from '../../unit/outbox/support/quality';
import { clientFor, secretProvider } from '../graph/support';

let emulator: EmulatorHandle;
let client: GraphClient;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, seed: 8, callRecordCount: 3 });
  client = clientFor(emulator, secretProvider(emulator));
});
afterEach(() => emulator.close());

const control = (body: unknown) =>
  fetch(`${emulator.url}/_emulator/call-record-publishing`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /_emulator/call-record-publishing', () => {
  it('turns publishing on: the record appears under the callChainId, readable through Graph', async () => {
    expect((await control({ delayMs: 0, disagree: 'all' })).status).toBe(204);
    const quality = completeQuality('VTC Bldg 30/21');
    await client.logTeleconferenceDeviceQuality(quality);
    const published = await emulator.whenCallRecordPublished(quality.callChainId);
    expect(published.version).toBe(1);
    const record = await client.getCallRecord(quality.callChainId, { expandSessions: true });
    expect(record.sessions![0]!.caller).toMatchObject({ associatedIdentity: { id: quality.participantId, displayName: 'VTC Bldg 30/21' } });
    // disagree: 'all' → Teams' loss is not the report's 0.02 % (= 0.0002)
    const stream = record.sessions![0]!.segments![0]!.media![0]!.streams!.find((s) => s.streamDirection === 'callerToCallee')!;
    expect(stream.averagePacketLossRate).not.toBe(0.0002);
    const theirs = await client.listCallRecords({ participantId: quality.participantId });
    expect(theirs.map((r) => r.id)).toEqual([quality.callChainId]);
  });

  it('is off by default and after reset; a bad body is refused naming the field', async () => {
    const unpublished = completeQuality('VTC Bldg 30/21');
    await client.logTeleconferenceDeviceQuality(unpublished);
    expect((await control({ delayMs: 0 })).status).toBe(204);
    const published = completeQuality('VTC Bldg 30/14');
    await client.logTeleconferenceDeviceQuality(published);
    await emulator.whenCallRecordPublished(published.callChainId);
    expect(emulator.callRecords().some((r) => r.id === unpublished.callChainId)).toBe(false);

    const bad = await control({ delayMs: -1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/delayMs/);

    expect((await control({ delayMs: 60_000 })).status).toBe(204);
    await client.logTeleconferenceDeviceQuality(completeQuality('held back'));
    await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
    expect((await control({ enabled: false })).status).toBe(204);
    expect(emulator.callRecords()).toHaveLength(3);
  });
});
