/** Report bodies for outbox tests: the seed example (test/fixtures/seed-quality-body.json), varied per report. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TeleconferenceDeviceQuality, TeleconferenceDeviceQualityDraft } from '../../../../shared/graph/quality';

const SEED_PATH = fileURLToPath(new URL('../../../fixtures/seed-quality-body.json', import.meta.url));

export function seedQuality(): TeleconferenceDeviceQuality {
  return (JSON.parse(readFileSync(SEED_PATH, 'utf8')) as { quality: TeleconferenceDeviceQuality }).quality;
}

/** A complete report with its own three ids; `label` goes into deviceDescription to find it again. */
export function completeQuality(label = 'test'): TeleconferenceDeviceQuality {
  return { ...seedQuality(), callChainId: randomUUID(), participantId: randomUUID(), mediaLegId: randomUUID(), deviceDescription: label };
}

/** A report still waiting for its Teams ids. */
export function draftQuality(label = 'draft'): TeleconferenceDeviceQualityDraft {
  const { callChainId: _c, participantId: _p, mediaLegId: _m, ...rest } = seedQuality();
  return { ...rest, deviceDescription: label };
}
