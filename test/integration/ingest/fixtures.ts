/** Bodies for the ingest tests, derived from the Graph seed example (test/fixtures/seed-quality-body.json). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Json = Record<string, unknown>;

const SEED_PATH = fileURLToPath(new URL('../../fixtures/seed-quality-body.json', import.meta.url));
const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');

/** A fresh deep copy of the seed body `{ "quality": … }` every call, so a test may mutate it. */
export function seedBody(): { quality: Json & { mediaQualityList: Json[] } } {
  return JSON.parse(SEED_TEXT) as { quality: Json & { mediaQualityList: Json[] } };
}

/** The seed body with the three Teams ids removed: it must wait as needs_context. */
export function draftBody(): ReturnType<typeof seedBody> {
  const body = seedBody();
  delete body.quality.callChainId;
  delete body.quality.participantId;
  delete body.quality.mediaLegId;
  return body;
}

export function sample(overrides: Json = {}): Json {
  return {
    roomId: 'room-1',
    deviceId: 'sx80-1',
    callId: '3',
    modality: 'audio',
    direction: 'inbound',
    channelIndex: 1,
    at: '2026-11-23T10:15:00Z',
    lossPercent: 0.5,
    jitterMs: 12,
    packets: 5_500,
    ...overrides,
  };
}
