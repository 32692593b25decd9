// logTeleconferenceDeviceQuality body schemas (shared/graph/quality.ts) through validate() (shared/validation.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ODATA_TYPE,
  MODALITY_ODATA_TYPE,
  logTeleconferenceDeviceQualityBodySchema as bodySchema,
  mediaQualitySchema,
  modalityOf,
  teleconferenceDeviceQualityDraftSchema as draftSchema,
  teleconferenceDeviceQualitySchema as qualitySchema,
} from '../../../shared/graph/quality';
import { formatIssues, validate } from '../../../shared/validation';

// Test JSON that each case breaks freely; typing it precisely would defeat the point.
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A fresh copy of the seed body (../shared/reference/graph-api.md SEED0) for each test to break. */
function seedBody(): { quality: Json } {
  return JSON.parse(readFileSync(new URL('../../fixtures/seed-quality-body.json', import.meta.url), 'utf8'));
}

function issuesOf(body: unknown) {
  const result = validate(bodySchema, body);
  if (result.ok) throw new Error('expected the body to be rejected');
  return result.issues;
}

describe('the seed example (SEED0)', () => {
  it('validates as a request body and keeps the value unchanged', () => {
    const body = seedBody();
    const result = validate(bodySchema, body);
    expect(result).toEqual({ ok: true, value: body });
  });

  it('validates as a quality object, and as a draft', () => {
    expect(validate(qualitySchema, seedBody().quality).ok).toBe(true);
    expect(validate(draftSchema, seedBody().quality).ok).toBe(true);
  });

  it('has one item per modality, mapped by @odata.type', () => {
    const parsed = bodySchema.parse(seedBody());
    expect(parsed.quality.mediaQualityList.map(modalityOf)).toEqual(['audio', 'video', 'screenSharing']);
    expect(Object.values(MODALITY_ODATA_TYPE)).toEqual([ODATA_TYPE.audio, ODATA_TYPE.video, ODATA_TYPE.screenSharing]);
  });
});

type Case = [name: string, breakIt: (body: ReturnType<typeof seedBody>) => void, paths: string[], message: RegExp];

const rejected: Case[] = [
  ['missing callChainId', (b) => delete b.quality.callChainId, ['quality.callChainId'], /^is required$/],
  ['bad GUID', (b) => (b.quality.participantId = 'ea078406-b5d4-4d3c-b85e-90103dcec7f'), ['quality.participantId'], /must be a GUID/],
  ['GUID with braces', (b) => (b.quality.mediaLegId = '{bd9ee398-4b9d-42c7-8b8d-4e8efad9435f}'), ['quality.mediaLegId'], /GUID/],
  ['"PT-1S" duration', (b) => (b.quality.mediaQualityList[0].averageInboundJitter = 'PT-1S'), ['quality.mediaQualityList[0].averageInboundJitter'], /ISO 8601 duration such as PT0\.015S \(negative/],
  ['duration in years', (b) => (b.quality.mediaQualityList[0].mediaDuration = 'P1Y'), ['quality.mediaQualityList[0].mediaDuration'], /years and months/],
  ['duration as a number', (b) => (b.quality.mediaQualityList[1].mediaDuration = 1200), ['quality.mediaQualityList[1].mediaDuration'], /ISO 8601 duration/],
  ['packet loss 101', (b) => (b.quality.mediaQualityList[1].maximumOutboundPacketLossRateInPercentage = 101), ['quality.mediaQualityList[1].maximumOutboundPacketLossRateInPercentage'], /between 0 and 100/],
  ['negative packet loss', (b) => (b.quality.mediaQualityList[1].averageInboundPacketLossRateInPercentage = -0.1), ['quality.mediaQualityList[1].averageInboundPacketLossRateInPercentage'], /between 0 and 100/],
  ['unknown item @odata.type', (b) => (b.quality.mediaQualityList[2]['@odata.type'] = '#microsoft.graph.teleconferenceDeviceDataQuality'), ['quality.mediaQualityList[2]["@odata.type"]'], /must be one of: #microsoft\.graph\.teleconferenceDeviceAudioQuality/],
  ['item without @odata.type', (b) => delete b.quality.mediaQualityList[0]['@odata.type'], ['quality.mediaQualityList[0]["@odata.type"]'], /is required/],
  ['wrong root @odata.type', (b) => (b.quality['@odata.type'] = '#microsoft.graph.call'), ['quality["@odata.type"]'], /#microsoft\.graph\.teleconferenceDeviceQuality/],
  ['port 70000', (b) => (b.quality.mediaQualityList[0].remotePort = 70000), ['quality.mediaQualityList[0].remotePort'], /integer between 0 and 65535/],
  ['fractional port', (b) => (b.quality.mediaQualityList[0].localPort = 63.5), ['quality.mediaQualityList[0].localPort'], /integer between 0 and 65535/],
  ['empty mediaQualityList', (b) => (b.quality.mediaQualityList = []), ['quality.mediaQualityList'], /at least one/],
  ['channelIndex 0', (b) => (b.quality.mediaQualityList[0].channelIndex = 0), ['quality.mediaQualityList[0].channelIndex'], /integer between 1 and/],
  ['channelIndex above Int32', (b) => (b.quality.mediaQualityList[0].channelIndex = 2 ** 31), ['quality.mediaQualityList[0].channelIndex'], /integer between 1 and 2147483647/],
  ['bit rate on audio', (b) => (b.quality.mediaQualityList[0].averageInboundBitRate = 1_500_000), ['quality.mediaQualityList[0].averageInboundBitRate'], /^unknown property$/],
  ['misspelt metric', (b) => (b.quality.mediaQualityList[1].averageInboundJiter = 'PT0.01S'), ['quality.mediaQualityList[1].averageInboundJiter'], /^unknown property$/],
  ['negative packets', (b) => (b.quality.mediaQualityList[1].inboundPackets = -1), ['quality.mediaQualityList[1].inboundPackets'], /non-negative integer/],
  ['packets beyond MAX_SAFE_INTEGER', (b) => (b.quality.mediaQualityList[1].outboundPackets = 2 ** 60), ['quality.mediaQualityList[1].outboundPackets'], /non-negative integer/],
  ['negative frame rate on video', (b) => (b.quality.mediaQualityList[1].averageInboundFrameRate = -1), ['quality.mediaQualityList[1].averageInboundFrameRate'], /≥ 0/],
  ['null for non-nullable deviceName', (b) => (b.quality.deviceName = null), ['quality.deviceName'], /^must not be null$/],
  ['null for non-nullable channelIndex', (b) => (b.quality.mediaQualityList[2].channelIndex = null), ['quality.mediaQualityList[2].channelIndex'], /^must not be null$/],
  ['blank deviceName', (b) => (b.quality.deviceName = '   '), ['quality.deviceName'], /empty or blank/],
  ['deviceDescription over 256 chars', (b) => (b.quality.deviceDescription = 'x'.repeat(257)), ['quality.deviceDescription'], /at most 256 characters/],
  ['bad IPv4', (b) => (b.quality.mediaQualityList[0].remoteIPAddress = '300.1.1.101'), ['quality.mediaQualityList[0].remoteIPAddress'], /IPv4 or IPv6/],
  ['host name instead of IP', (b) => (b.quality.mediaQualityList[0].localIPAddress = 'localhost'), ['quality.mediaQualityList[0].localIPAddress'], /IPv4 or IPv6/],
  ['string where a number belongs', (b) => (b.quality.mediaQualityList[0].inboundPackets = '5500'), ['quality.mediaQualityList[0].inboundPackets'], /non-negative integer/],
  ['item that is not an object', (b) => (b.quality.mediaQualityList[1] = 'audio'), ['quality.mediaQualityList[1]'], /must be an object/],
  ['unknown property on the body', (b) => Object.assign(b, { qualities: [] }), ['qualities'], /^unknown property$/],
  ['missing quality', (b) => delete (b as Json).quality, ['quality'], /^is required$/],
];

describe('broken variants of the seed are rejected at the right path', () => {
  it.each(rejected)('%s', (_name, breakIt, paths, message) => {
    const body = seedBody();
    breakIt(body);
    const issues = issuesOf(body);
    expect(issues.map((issue) => issue.path)).toEqual(paths);
    for (const issue of issues) expect(issue.message).toMatch(message);
  });

  it('a misspelt required id gives both "unknown property" and "is required"', () => {
    const body = seedBody();
    body.quality.callChainID = body.quality.callChainId;
    delete body.quality.callChainId;
    expect(issuesOf(body)).toEqual(
      expect.arrayContaining([
        { path: 'quality.callChainId', message: 'is required' },
        { path: 'quality.callChainID', message: 'unknown property' },
      ]),
    );
  });

  it('reports every error in one body, not only the first', () => {
    const body = seedBody();
    delete body.quality.callChainId;
    body.quality.mediaQualityList[0].channelIndex = 0;
    body.quality.mediaQualityList[0].averageInboundBitRate = 1;
    body.quality.mediaQualityList[1].maximumInboundJitter = 'PT-1S';
    body.quality.mediaQualityList[2].remotePort = 70000;
    body.quality.mediaQualityList.push({ '@odata.type': 'nope', channelIndex: 1 });
    const paths = issuesOf(body).map((issue) => issue.path);
    expect(paths.sort()).toEqual(
      [
        'quality.callChainId',
        'quality.mediaQualityList[0].channelIndex',
        'quality.mediaQualityList[0].averageInboundBitRate',
        'quality.mediaQualityList[1].maximumInboundJitter',
        'quality.mediaQualityList[2].remotePort',
        'quality.mediaQualityList[3]["@odata.type"]',
      ].sort(),
    );
  });
});

describe('accepted variants', () => {
  it('nullable properties accept null or absence', () => {
    const body = seedBody();
    const [audio, video] = body.quality.mediaQualityList;
    for (const key of Object.keys(audio)) if (key !== '@odata.type' && key !== 'channelIndex') audio[key] = null;
    for (const key of Object.keys(video)) if (key !== '@odata.type' && key !== 'channelIndex') delete video[key];
    Object.assign(body.quality, { cloudServiceName: null, cloudServiceDeploymentEnvironment: 'ProdNoam' });
    expect(validate(bodySchema, body).ok).toBe(true);
  });

  it('root @odata.type is optional; GUIDs any case; IPv6 and IPv4-mapped addresses; 7-digit durations', () => {
    const body = seedBody();
    delete body.quality['@odata.type'];
    body.quality.callChainId = body.quality.callChainId.toUpperCase();
    const [audio] = body.quality.mediaQualityList;
    Object.assign(audio, { localIPAddress: '2001:db8::1', remoteIPAddress: '::ffff:10.0.0.1', averageInboundJitter: 'PT0.0150000S' });
    expect(validate(bodySchema, body).ok).toBe(true);
  });

  it('screen sharing derives from video: bit and frame rates allowed (graph-api.md §1.4)', () => {
    const rates = { averageInboundBitRate: 1_500_000, averageInboundFrameRate: 30, averageOutboundBitRate: 0, averageOutboundFrameRate: null };
    const body = seedBody();
    Object.assign(body.quality.mediaQualityList[1], rates);
    Object.assign(body.quality.mediaQualityList[2], rates);
    expect(validate(bodySchema, body).ok).toBe(true);
    expect(mediaQualitySchema.safeParse({ '@odata.type': ODATA_TYPE.screenSharing, channelIndex: 2, ...rates }).success).toBe(true);
  });
});

describe('draft schema (report waiting for Teams ids)', () => {
  it('accepts a quality without callChainId, participantId and mediaLegId', () => {
    const { quality } = seedBody();
    delete quality.callChainId;
    delete quality.participantId;
    delete quality.mediaLegId;
    expect(validate(draftSchema, quality).ok).toBe(true);
    const full = validate(qualitySchema, quality, 'quality');
    expect(full.ok ? [] : full.issues.map((issue) => issue.path)).toEqual(['quality.callChainId', 'quality.participantId', 'quality.mediaLegId']);
  });

  it('still rejects a bad GUID when one is present, and everything else as the full schema does', () => {
    const { quality } = seedBody();
    delete quality.participantId;
    quality.callChainId = 'not-a-guid';
    quality.mediaQualityList[0].channelIndex = 0;
    const result = validate(draftSchema, quality, 'quality');
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'quality.callChainId', message: 'must be a GUID' },
      { path: 'quality.mediaQualityList[0].channelIndex', message: 'must be an integer between 1 and 2147483647' },
    ]);
  });

  it('is strict too', () => {
    const { quality } = seedBody();
    const result = validate(draftSchema, { ...quality, roomId: 'r1' });
    expect(result.ok ? [] : result.issues).toEqual([{ path: 'roomId', message: 'unknown property' }]);
  });
});

describe('validate() / formatIssues()', () => {
  it('prefixes paths with rootPath and formats one line per issue', () => {
    const { quality } = seedBody();
    delete quality.deviceName;
    quality.mediaQualityList[0].localPort = -1;
    const result = validate(qualitySchema, quality, 'quality');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatIssues(result.issues)).toBe(
      'quality.deviceName: is required\nquality.mediaQualityList[0].localPort: must be an integer between 0 and 65535',
    );
  });

  it('names the root as (root) when the value itself is wrong', () => {
    const result = validate(bodySchema, 'hello');
    expect(result).toEqual({ ok: false, issues: [{ path: '', message: 'must be an object' }] });
    expect(formatIssues(result.ok ? [] : result.issues)).toBe('(root): must be an object');
  });
});
