/** The example fleet file in the repository (examples/fleet-config.json) must load as IT would copy it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleetConfig } from '../../../electron/core/config/fleet';
import { parseConfigText } from '../../../electron/core/config/load';
import { thresholdOverridesSchema } from '../../../shared/domain/thresholds';

const EXAMPLE = join(import.meta.dirname, '../../../examples/fleet-config.json');

describe('examples/fleet-config.json', () => {
  it('parses against the configuration schema: certificate credential, two rooms, no inline secrets', () => {
    const config = parseConfigText(readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
    expect(config.credential).toMatchObject({ type: 'certificate', privateKeyPassphrase: { env: 'VTC_KEY_PASSPHRASE' } });
    expect(config.rooms.map((room) => room.devices.length)).toEqual([1, 1]);
    for (const room of config.rooms) for (const device of room.devices) expect(device.password).toEqual({ env: 'VTC_CODEC_PASSWORD' });
    expect(thresholdOverridesSchema.safeParse(config.thresholds).success).toBe(true);
  });

  it('loads as a fleet file that locks every key it sets', () => {
    const fleet = loadFleetConfig(EXAMPLE);
    expect(fleet?.managedKeys.sort()).toEqual(['alerts', 'clientId', 'cloud', 'credential', 'ingest', 'outbox', 'rooms', 'tenantId', 'thresholds']);
  });
});
