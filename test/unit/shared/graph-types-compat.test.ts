// Compile-time proof that our zod-inferred types fit Microsoft's own typings (../shared/reference/graph-api.md §1.6, §7.1), so a
// value that passed our schemas can be handed to code typed with @microsoft/microsoft-graph-types. `tsc`
// (npm run typecheck) checks the type assertions; vitest runs the runtime ones.
import { readFileSync } from 'node:fs';
import type * as MG from '@microsoft/microsoft-graph-types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  AudioQuality,
  CallRecord,
  CallRecordMediaStream,
  CallRecordSession,
  LogTeleconferenceDeviceQualityBody,
  ScreenSharingQuality,
  TeleconferenceDeviceMediaQuality,
  TeleconferenceDeviceQuality,
  TeleconferenceDeviceQualityDraft,
  VideoQuality,
} from '../../../shared/graph';
import { callRecordSummarySchema, callRecordsPageSchema, logTeleconferenceDeviceQualityBodySchema } from '../../../shared/graph';

type Assignable<A, B> = A extends B ? true : false;

/** Drops `@odata.type` at every depth: Microsoft's interfaces don't declare it (../shared/reference/graph-api.md §1.6). */
type WithoutODataType<T> = T extends readonly (infer U)[]
  ? WithoutODataType<U>[]
  : T extends object
    ? { [K in keyof T as K extends '@odata.type' ? never : K]: WithoutODataType<T[K]> }
    : T;

// Root and each media item type are assignable to Microsoft's.
const rootFits: Assignable<WithoutODataType<TeleconferenceDeviceQuality>, MG.TeleconferenceDeviceQuality> = true;
const draftFits: Assignable<WithoutODataType<TeleconferenceDeviceQualityDraft>, MG.TeleconferenceDeviceQuality> = true;
const mediaFits: Assignable<WithoutODataType<TeleconferenceDeviceMediaQuality>, MG.TeleconferenceDeviceMediaQuality> = true;
const audioFits: Assignable<WithoutODataType<AudioQuality>, MG.TeleconferenceDeviceAudioQuality> = true;
const videoFits: Assignable<WithoutODataType<VideoQuality>, MG.TeleconferenceDeviceVideoQuality> = true;
const screenFits: Assignable<WithoutODataType<ScreenSharingQuality>, MG.TeleconferenceDeviceScreenSharingQuality> = true;
// Screen sharing derives from video quality (§1.4), so it is a video quality as well.
const screenIsVideo: Assignable<WithoutODataType<ScreenSharingQuality>, MG.TeleconferenceDeviceVideoQuality> = true;
// callRecords types (§2) fit too.
const callRecordFits: Assignable<CallRecord, MG.CallRecords.CallRecord> = true;
const sessionFits: Assignable<CallRecordSession, MG.CallRecords.Session> = true;
const streamFits: Assignable<CallRecordMediaStream, MG.CallRecords.MediaStream> = true;

// The other direction must fail: Microsoft's types leave Nullable="false" ids optional; ours require them.
// @ts-expect-error MG.TeleconferenceDeviceQuality.callChainId is optional, ours is required
const looseIsNotOurs: Assignable<MG.TeleconferenceDeviceQuality, WithoutODataType<TeleconferenceDeviceQuality>> = true;
// And a wrong property type is caught.
// @ts-expect-error channelIndex must be a number
const wrongTypeFails: Assignable<{ channelIndex: string }, MG.TeleconferenceDeviceMediaQuality> = true;

describe('compatibility with @microsoft/microsoft-graph-types', () => {
  it('type-level: our types extend Microsoft’s (checked by tsc)', () => {
    expectTypeOf<WithoutODataType<TeleconferenceDeviceQuality>>().toExtend<MG.TeleconferenceDeviceQuality>();
    expectTypeOf<WithoutODataType<AudioQuality>>().toExtend<MG.TeleconferenceDeviceAudioQuality>();
    expectTypeOf<WithoutODataType<VideoQuality>>().toExtend<MG.TeleconferenceDeviceVideoQuality>();
    expectTypeOf<WithoutODataType<ScreenSharingQuality>>().toExtend<MG.TeleconferenceDeviceScreenSharingQuality>();
    expectTypeOf<WithoutODataType<TeleconferenceDeviceMediaQuality>>().toExtend<MG.TeleconferenceDeviceMediaQuality>();
    expectTypeOf<CallRecord>().toExtend<MG.CallRecords.CallRecord>();
    expectTypeOf<MG.TeleconferenceDeviceQuality>().not.toExtend<WithoutODataType<TeleconferenceDeviceQuality>>();
    expectTypeOf<AudioQuality>().not.toHaveProperty('averageInboundBitRate');
    expectTypeOf<ScreenSharingQuality>().toHaveProperty('averageInboundBitRate');
    const proofs = [rootFits, draftFits, mediaFits, audioFits, videoFits, screenFits, screenIsVideo];
    expect([...proofs, callRecordFits, sessionFits, streamFits, looseIsNotOurs, wrongTypeFails]).not.toContain(false);
  });

  it('runtime: a parsed body can be used where Microsoft’s type is expected', () => {
    const raw: unknown = JSON.parse(
      readFileSync(new URL('../../fixtures/seed-quality-body.json', import.meta.url), 'utf8'),
    );
    const body: LogTeleconferenceDeviceQualityBody = logTeleconferenceDeviceQualityBodySchema.parse(raw);
    // No cast: the parsed value is assignable as it is (extra `@odata.type` keys are allowed on non-literals).
    const asGraph: MG.TeleconferenceDeviceQuality = body.quality;
    const items: MG.TeleconferenceDeviceMediaQuality[] = asGraph.mediaQualityList ?? [];
    expect(items).toHaveLength(3);
    expect(items.map((item) => item.channelIndex)).toEqual([1, 1, 1]);
    expect(asGraph.callChainId).toBe('0622673d-9f69-49b3-9d4f-5ec64f42ecce');
  });

  it('runtime: the loose callRecords schema reads the SEED3 shape and lets unknown keys through', () => {
    const start = '2020-02-25T18:52:21.2169889Z'; // 7 fractional digits, as Graph sends them
    const record = {
      id: 'e523d2ed-2966-4b6b-925b-754a88034cc5', version: 1, type: 'peerToPeer', modalities: ['audio'],
      lastModifiedDateTime: '2020-02-25T19:00:24.582757Z', startDateTime: start, endDateTime: '2020-02-25T18:52:46Z',
      organizer: { user: { id: 'u1', tenantId: 't1' } }, someFutureProperty: true,
      sessions: [{ id: 's1', modalities: ['audio'], startDateTime: start, endDateTime: start, caller: {} }],
      'sessions@odata.nextLink': 'https://graph.microsoft.com/v1.0/$metadata#opaque',
    };
    const page = callRecordsPageSchema(callRecordSummarySchema).parse({ value: [record], '@odata.context': 'x' });
    expect(page.value[0]).toEqual(record);
    expect(callRecordSummarySchema.safeParse({ ...record, startDateTime: 'yesterday' }).success).toBe(false);
  });
});
