/**
 * Two independent judges of a logTeleconferenceDeviceQuality body: the product's zod schema
 * (shared/graph/quality.ts) and the emulator's validator built from Microsoft's CSDL. Fed the same 200
 * generated bodies, valid and mutated, they must agree on every rule the CSDL defines (names, types,
 * nullability, ISO 8601 durations, the abstract base and the derived `@odata.type`s). Where the product is
 * deliberately stricter than Graph (closed objects, ranges, non-blank names), the last test lists it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSDL_FILE_URL, graphCsdl, validateActionBody, validateStructured } from '../../../electron/sim/emulator/csdl/index';
import { callRecordFromReport, generateCallRecords } from '../../../electron/sim/emulator/index';
import { logTeleconferenceDeviceQualityBodySchema } from '../../../shared/graph/quality';
import { seedBody } from '../../integration/graph/support';
import { validate } from '../../../shared/validation';

const SHARED_CSDL = fileURLToPath(new URL('../../../../shared/reference/csdl/graph-v1.0-fragments.xml', import.meta.url));
const model = graphCsdl();

type Json = Record<string, unknown>;
const productIssues = (body: unknown) => {
  const result = validate(logTeleconferenceDeviceQualityBodySchema, body);
  return result.ok ? [] : result.issues;
};
const csdlIssues = (body: unknown) => validateActionBody(model, 'logTeleconferenceDeviceQuality', body);

const TYPES = ['Audio', 'Video', 'ScreenSharing'] as const;
const guid = fc.uuid();
const duration = fc.oneof(
  fc.integer({ min: 0, max: 59_999 }).map((ms) => `PT${ms / 1000}S`),
  fc.integer({ min: 1, max: 59 }).map((minutes) => `PT${minutes}M`),
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 23 })).map(([days, hours]) => `P${days}DT${hours}H`),
);
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(fc.option(value, { nil: null }), { nil: undefined });
const ip = fc.oneof(fc.ipV4(), fc.constantFrom('2001:db8::1', '::1', 'fe80::1:2'));
const count = fc.integer({ min: 0, max: 2_000_000_000 });
const percent = fc.double({ min: 0, max: 100, noNaN: true });
const rate = fc.double({ min: 0, max: 1e7, noNaN: true });
const deviceText = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,40}$/);

const item = fc
  .record(
    {
      kind: fc.constantFrom(...TYPES),
      channelIndex: fc.integer({ min: 1, max: 8 }),
      mediaDuration: maybe(duration),
      networkLinkSpeedInBytes: maybe(count),
      localIPAddress: maybe(ip),
      localPort: maybe(fc.integer({ min: 0, max: 65_535 })),
      remoteIPAddress: maybe(ip),
      remotePort: maybe(fc.integer({ min: 0, max: 65_535 })),
      inboundPackets: maybe(count),
      outboundPackets: maybe(count),
      averageInboundPacketLossRateInPercentage: maybe(percent),
      maximumOutboundPacketLossRateInPercentage: maybe(percent),
      averageInboundJitter: maybe(duration),
      maximumOutboundRoundTripDelay: maybe(duration),
      averageInboundBitRate: maybe(rate),
      averageOutboundFrameRate: maybe(rate),
    },
    { requiredKeys: ['kind', 'channelIndex'] },
  )
  .map(({ kind, averageInboundBitRate, averageOutboundFrameRate, ...rest }) => {
    const out: Json = { '@odata.type': `#microsoft.graph.teleconferenceDevice${kind}Quality`, ...rest };
    // Bit and frame rates are declared on video (and screen sharing, which derives from video) only.
    if (kind !== 'Audio') Object.assign(out, { averageInboundBitRate, averageOutboundFrameRate });
    return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined));
  });

const validBody = fc
  .record({
    withType: fc.boolean(),
    callChainId: guid,
    participantId: guid,
    mediaLegId: guid,
    cloudServiceName: maybe(fc.string({ maxLength: 20 })),
    deviceName: deviceText,
    deviceDescription: deviceText,
    mediaQualityList: fc.array(item, { minLength: 1, maxLength: 4 }),
  })
  .map(({ withType, cloudServiceName, ...quality }): Json => ({
    quality: {
      ...(withType ? { '@odata.type': '#microsoft.graph.teleconferenceDeviceQuality' } : {}),
      ...quality,
      ...(cloudServiceName === undefined ? {} : { cloudServiceName }),
    },
  }));

/** A change that breaks a CSDL rule; `at` is where both judges must point (or below it). */
interface Mutation {
  name: string;
  at: (body: Json) => string;
  apply: (body: Json) => void;
}
const quality = (body: Json) => body['quality'] as Json;
const firstItem = (body: Json) => (quality(body)['mediaQualityList'] as Json[])[0] as Json;
const onQuality = (name: string, key: string, value: unknown): Mutation => ({
  name,
  at: () => (key === '@odata.type' ? 'quality["@odata.type"]' : `quality.${key}`),
  apply: (body) => {
    if (value === undefined) delete quality(body)[key];
    else quality(body)[key] = value;
  },
});
const onItem = (name: string, key: string, value: unknown): Mutation => ({
  name,
  at: () => (key === '@odata.type' ? 'quality.mediaQualityList[0]' : `quality.mediaQualityList[0].${key}`),
  apply: (body) => {
    if (value === undefined) delete firstItem(body)[key];
    else firstItem(body)[key] = value;
  },
});

const MUTATIONS: Mutation[] = [
  ...['callChainId', 'participantId', 'mediaLegId', 'deviceName', 'deviceDescription', 'mediaQualityList'].flatMap((key) => [
    onQuality(`${key} missing`, key, undefined),
    onQuality(`${key} null`, key, null),
  ]),
  ...['callChainId', 'participantId', 'mediaLegId'].flatMap((key) => [
    onQuality(`${key} not a GUID`, key, 'not-a-guid'),
    onQuality(`${key} a GUID without dashes`, key, '0123456789abcdef0123456789abcdef'),
    onQuality(`${key} a number`, key, 42),
  ]),
  onQuality('deviceName a number', 'deviceName', 7),
  onQuality('cloudServiceName a number', 'cloudServiceName', 7),
  onQuality('mediaQualityList an object', 'mediaQualityList', { channelIndex: 1 }),
  onQuality('mediaQualityList with a null item', 'mediaQualityList', [null]),
  onQuality('root @odata.type of another type', '@odata.type', '#microsoft.graph.teleconferenceDeviceAudioQuality'),
  onItem('channelIndex missing', 'channelIndex', undefined),
  onItem('channelIndex null', 'channelIndex', null),
  onItem('channelIndex a fraction', 'channelIndex', 1.5),
  onItem('channelIndex a string', 'channelIndex', '1'),
  onItem('channelIndex beyond Int32', 'channelIndex', 2 ** 31),
  onItem('localPort a fraction', 'localPort', 80.5),
  onItem('remotePort beyond Int32', 'remotePort', 2 ** 31),
  onItem('inboundPackets a fraction', 'inboundPackets', 10.25),
  onItem('inboundPackets a string', 'inboundPackets', '10'),
  onItem('packet loss a string', 'averageInboundPacketLossRateInPercentage', '5%'),
  onItem('packet loss a boolean', 'averageOutboundPacketLossRateInPercentage', true),
  onItem('jitter in milliseconds', 'averageInboundJitter', '10ms'),
  onItem('jitter a number', 'averageInboundJitter', 0.01),
  onItem('jitter without a component', 'maximumInboundJitter', 'PT'),
  onItem('round trip in years', 'averageOutboundRoundTripDelay', 'P1Y'),
  onItem('duration with a T and nothing after', 'mediaDuration', 'P1DT'),
  onItem('localIPAddress a number', 'localIPAddress', 10),
  onItem('no @odata.type', '@odata.type', undefined),
  onItem('the abstract base type', '@odata.type', '#microsoft.graph.teleconferenceDeviceMediaQuality'),
  onItem('an unknown type', '@odata.type', '#microsoft.graph.teleconferenceDeviceFaxQuality'),
  onItem('the quality type on an item', '@odata.type', '#microsoft.graph.teleconferenceDeviceQuality'),
  onItem('a type without #', '@odata.type', 'microsoft.graph.teleconferenceDeviceAudioQuality'),
  { name: 'quality missing', at: () => '', apply: (body) => delete body['quality'] },
  { name: 'quality null', at: () => 'quality', apply: (body) => (body['quality'] = null) },
  { name: 'an unknown parameter', at: () => 'qualityReport', apply: (body) => (body['qualityReport'] = {}) },
];

/** True when an issue points at the mutated place, something inside it, or the object holding it. */
const pointsAt = (paths: string[], at: string) => paths.some((path) => path.startsWith(at) || (at.startsWith(path) && (path === '' || at.length > path.length)));

describe('the CSDL copy the emulator ships', () => {
  it.skipIf(!existsSync(SHARED_CSDL))('is byte-identical to the team reference', () => {
    expect(readFileSync(fileURLToPath(CSDL_FILE_URL)).equals(readFileSync(SHARED_CSDL))).toBe(true);
  });

  it('has the VTC quality types, the abstract base and its derived types', () => {
    const base = model.structured.get('microsoft.graph.teleconferenceDeviceMediaQuality');
    expect(base).toMatchObject({ abstract: true, openType: true });
    expect(model.structured.get('microsoft.graph.teleconferenceDeviceScreenSharingQuality')?.baseType).toBe('microsoft.graph.teleconferenceDeviceVideoQuality');
    expect(model.actions.get('logTeleconferenceDeviceQuality')?.parameters).toEqual([
      { name: 'quality', type: 'microsoft.graph.teleconferenceDeviceQuality', collection: false, nullable: false },
    ]);
    expect(model.enums.get('microsoft.graph.callRecords.modality')?.members).toContain('videoBasedScreenSharing');
  });
});

describe('product schema and CSDL validator agree', () => {
  it('on 200 generated bodies, valid and mutated', () => {
    let valid = 0;
    let mutated = 0;
    fc.assert(
      fc.property(validBody, fc.option(fc.constantFrom(...MUTATIONS), { freq: 3, nil: undefined }), (generated, mutation) => {
        // fast-check hands the same object again while shrinking: mutate a copy.
        const body = structuredClone(generated);
        mutation?.apply(body);
        const product = productIssues(body).map((issue) => issue.path);
        const csdl = csdlIssues(body).map((issue) => issue.path);
        if (!mutation) {
          valid += 1;
          expect({ product, csdl }).toEqual({ product: [], csdl: [] });
          return;
        }
        mutated += 1;
        const at = mutation.at(body);
        expect(pointsAt(product, at), `${mutation.name}: product issues ${JSON.stringify(product)}`).toBe(true);
        expect(pointsAt(csdl, at), `${mutation.name}: CSDL issues ${JSON.stringify(csdl)}`).toBe(true);
      }),
      { numRuns: 200, seed: 20_261_206 },
    );
    expect(valid + mutated).toBe(200);
    expect(valid).toBeGreaterThan(20);
    expect(mutated).toBeGreaterThan(100);
  });

  it('every mutation is refused by both (each one tried on a fixed valid body)', () => {
    const [base] = fc.sample(validBody, { numRuns: 1, seed: 7 });
    for (const mutation of MUTATIONS) {
      const body = structuredClone(base) as Json;
      mutation.apply(body);
      expect(productIssues(body).length, `product: ${mutation.name}`).toBeGreaterThan(0);
      expect(csdlIssues(body).length, `CSDL: ${mutation.name}`).toBeGreaterThan(0);
    }
  });

  // Graph's quality types are OpenType="true" and its Edm types carry no ranges: these pass the CSDL and
  // reach Graph, where they would be stored as open properties or out-of-range metrics. The product refuses
  // them on purpose (shared/graph/quality.ts says why); each line here is a known, deliberate difference.
  it.each([
    ['an unknown (open) property', (body: Json) => (firstItem(body)['averageInboundJiter'] = 'PT0.01S')],
    ['a bit rate on an audio item', (body: Json) => Object.assign(firstItem(body), { '@odata.type': '#microsoft.graph.teleconferenceDeviceAudioQuality', averageInboundBitRate: 1 })],
    ['packet loss over 100 %', (body: Json) => (firstItem(body)['averageInboundPacketLossRateInPercentage'] = 101)],
    ['channelIndex 0', (body: Json) => (firstItem(body)['channelIndex'] = 0)],
    ['a negative duration', (body: Json) => (firstItem(body)['averageInboundJitter'] = '-PT0.01S')],
    ['an empty mediaQualityList', (body: Json) => (quality(body)['mediaQualityList'] = [])],
    ['a blank deviceName', (body: Json) => (quality(body)['deviceName'] = ' ')],
    ['"INF" packet loss', (body: Json) => (firstItem(body)['maximumInboundPacketLossRateInPercentage'] = 'INF')],
    ['a packet count beyond 2^53 (an Edm.Int64 a JSON number cannot hold exactly)', (body: Json) => (firstItem(body)['inboundPackets'] = 2 ** 53 + 2)],
  ])('only the product refuses %s', (_name, mutate) => {
    const [base] = fc.sample(validBody, { numRuns: 1, seed: 11 });
    const body = structuredClone(base) as Json;
    mutate(body);
    expect(csdlIssues(body)).toEqual([]);
    expect(productIssues(body).length).toBeGreaterThan(0);
  });
});

describe('callRecords the emulator serves conform to the CSDL', () => {
  const NOW = Date.parse('2026-11-23T12:00:00Z');
  const TENANT = 'dc368399-474c-4d40-900c-6265431fd81f';
  const CALL_RECORD = 'microsoft.graph.callRecords.callRecord';

  it('generated ones, for any seed: names, types, enum members, nullability and derived @odata.types', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        for (const record of generateCallRecords({ seed, nowMs: NOW, tenantId: TENANT, count: 6 })) {
          expect(validateStructured(model, CALL_RECORD, record)).toEqual([]);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('the one published for a room report, also when Teams disagrees', () => {
    for (const disagree of [false, true]) {
      const record = callRecordFromReport(seedBody().quality, { receivedAtMs: NOW, publishedAtMs: NOW + 5_000, tenantId: TENANT, disagree });
      expect(validateStructured(model, CALL_RECORD, record)).toEqual([]);
    }
  });

  it('refuses a record whose enum member or nullability is wrong', () => {
    const record = {
      id: 'e523d2ed-2966-4b6b-925b-754a88034cc5',
      type: 'groupCall',
      modalities: ['audio', 'hologram'],
      version: 1,
      startDateTime: '2026-11-23T10:00:00Z',
      endDateTime: null,
      lastModifiedDateTime: '2026-11-23T10:05:00Z',
    };
    expect(validateStructured(model, 'microsoft.graph.callRecords.callRecord', record).map((issue) => issue.path)).toEqual(['endDateTime', 'modalities[1]']);
  });
});
