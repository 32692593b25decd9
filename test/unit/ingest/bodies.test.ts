// Request bodies as pure functions over unknown: report (Graph body + roomId/deviceId) and call context.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCallContextBody } from '../../../electron/core/ingest/bodies/call-context-body';
import { parseReportBody } from '../../../electron/core/ingest/bodies/report-body';
import { matchRoute } from '../../../electron/core/ingest/routes';

const SEED_TEXT = readFileSync(new URL('../../fixtures/seed-quality-body.json', import.meta.url), 'utf8');
const seed = (): { quality: Record<string, unknown> } => JSON.parse(SEED_TEXT) as { quality: Record<string, unknown> };
const CHAIN = '0622673d-9f69-49b3-9d4f-5ec64f42ecce';
const PARTICIPANT = 'ea078406-b5d4-4d3c-b85e-90103dcec7f6';

describe('parseReportBody', () => {
  it('takes roomId and deviceId out and validates the rest as the Graph body', () => {
    const result = parseReportBody({ ...seed(), roomId: 'room-1', deviceId: 'sx80' });
    expect(result).toEqual({ ok: true, value: { quality: seed().quality, roomId: 'room-1', deviceId: 'sx80' } });
  });

  it('tells a sender who forgot the { "quality" } wrapper what to do', () => {
    const result = parseReportBody(seed().quality);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.find((issue) => issue.path === 'quality')?.message).toMatch(/wrap the report/);
  });

  it('accepts a draft without Teams ids', () => {
    const body = seed();
    delete body.quality.callChainId;
    delete body.quality.participantId;
    delete body.quality.mediaLegId;
    expect(parseReportBody(body).ok).toBe(true);
  });

  it.each<[string, unknown, string[]]>([
    ['undefined', undefined, ['']],
    ['null', null, ['']],
    ['a string', 'quality', ['']],
    ['an array', [seed()], ['']],
    ['an empty object', {}, ['quality']],
    ['quality null', { quality: null }, ['quality']],
    ['the bare quality object (not wrapped)', seed().quality, ['["@odata.type"]', 'callChainId', 'participantId', 'mediaLegId', 'deviceName', 'deviceDescription', 'mediaQualityList', 'quality']],
    ['a numeric roomId', { ...seed(), roomId: 7 }, ['roomId']],
    ['an empty deviceId', { ...seed(), deviceId: '' }, ['deviceId']],
    ['a 65-character roomId', { ...seed(), roomId: 'r'.repeat(65) }, ['roomId']],
    ['both ids bad and a bad GUID', { quality: { ...seed().quality, mediaLegId: 'x' }, roomId: '../', deviceId: null }, ['roomId', 'deviceId', 'quality.mediaLegId']],
  ])('refuses %s, naming every invalid field', (_name, body, paths) => {
    const result = parseReportBody(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path).sort()).toEqual([...paths].sort());
  });
});

describe('parseCallContextBody', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['device and call', { deviceId: 'sx80', callId: '3', callChainId: CHAIN, participantId: PARTICIPANT }, { deviceId: 'sx80', callId: '3' }],
    ['room and time', { roomId: 'room-1', at: '2026-11-23T10:15:00+01:00', callChainId: CHAIN, participantId: PARTICIPANT }, { roomId: 'room-1', at: '2026-11-23T10:15:00+01:00', atMs: Date.UTC(2026, 10, 23, 9, 15) }],
  ])('accepts %s', (_name, body, expected) => {
    expect(parseCallContextBody(body)).toEqual({ ok: true, value: { callChainId: CHAIN, participantId: PARTICIPANT, ...expected } });
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', 'x', ['']],
    ['nothing', {}, ['callChainId', 'participantId', 'deviceId', 'callId']],
    ['no device or room', { callId: '1', callChainId: CHAIN, participantId: PARTICIPANT }, ['deviceId']],
    ['no call or time', { deviceId: 'd', callChainId: CHAIN, participantId: PARTICIPANT }, ['callId']],
    ['a time without zone', { deviceId: 'd', at: '2026-11-23T10:15:00', callChainId: CHAIN, participantId: PARTICIPANT }, ['at']],
    ['a date only', { deviceId: 'd', at: '2026-11-23', callChainId: CHAIN, participantId: PARTICIPANT }, ['at']],
    ['ids that are not GUIDs', { deviceId: 'd', callId: '1', callChainId: 'chain', participantId: 12 }, ['callChainId', 'participantId']],
    ['an empty callId', { deviceId: 'd', callId: '', callChainId: CHAIN, participantId: PARTICIPANT }, ['callId']],
    ['an unknown key', { deviceId: 'd', callId: '1', callChainId: CHAIN, participantId: PARTICIPANT, mediaLegId: CHAIN }, ['mediaLegId']],
  ])('refuses %s, naming every invalid field', (_name, body, paths) => {
    const result = parseCallContextBody(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path).sort()).toEqual([...paths].sort());
  });
});

describe('matchRoute', () => {
  it.each<[unknown, unknown, string]>([
    ['POST', '/api/v1/reports', 'found'],
    ['POST', '/api/v1/reports?x=1', 'found'],
    ['GET', '/api/v1/health', 'found'],
    ['GET', '/api/v1/reports', 'no_method'],
    ['HEAD', '/api/v1/health', 'no_method'],
    ['post', '/api/v1/reports', 'no_method'],
    ['POST', '/api/v1/reports/', 'no_path'],
    ['POST', '/API/V1/REPORTS', 'no_path'],
    ['POST', '/api/v1/%72eports', 'no_path'],
    ['POST', 'http://evil.example/api/v1/reports', 'no_path'],
    ['OPTIONS', '*', 'no_path'],
    ['POST', undefined, 'no_path'],
    ['POST', '', 'no_path'],
  ])('%s %s → %s', (method, url, kind) => {
    expect(matchRoute(method, url).kind).toBe(kind);
  });
});
