/** Stored settings read back through the shared schema: versioned, migrated, and checked key by key. */
import { describe, expect, it } from 'vitest';
import { parseStoredSettings } from '../../../electron/core/settings/stored';
import { STORED_SETTINGS_VERSION } from '../../../shared/config/stored-settings';

describe('parseStoredSettings', () => {
  it('migrates an unversioned row (version 0) to the current version, keeping every valid key', () => {
    const reading = parseStoredSettings(JSON.stringify({ tenantId: '0622673d-9f69-49b3-9d4f-5ec64f42ecce', alertCooldownMinutes: 3, credential: { type: 'secret' } }));
    expect(reading).toEqual({
      settings: { version: STORED_SETTINGS_VERSION, tenantId: '0622673d-9f69-49b3-9d4f-5ec64f42ecce', alertCooldownMinutes: 3, credential: { type: 'secret' } },
      problems: [],
    });
  });

  it('sets aside only the keys that fail, naming each, and unknown keys', () => {
    const reading = parseStoredSettings(JSON.stringify({ version: 1, tenantId: 'contoso', ingest: { host: '127.0.0.1', port: 70000 }, doNotDisturb: true, colour: 'blue' }));
    expect(reading.settings).toEqual({ version: 1, doNotDisturb: true });
    expect(reading.problems.map((problem) => problem.path)).toEqual(['tenantId', 'ingest.port', 'colour']);
    expect(reading.problems[0]!.message).toMatch(/^must be a GUID.*; the saved value is ignored until Settings is saved again$/);
  });

  it('reads a corrupt row or one from a newer version without throwing', () => {
    expect(parseStoredSettings('{"ingest": {')).toEqual({ settings: { version: STORED_SETTINGS_VERSION }, problems: [{ path: 'settings', message: expect.stringContaining('unreadable') }] });
    expect(parseStoredSettings('[1,2]').problems).toHaveLength(1);
    const newer = parseStoredSettings(JSON.stringify({ version: 99, launchAtLogin: true }));
    expect(newer.settings).toEqual({ version: STORED_SETTINGS_VERSION, launchAtLogin: true });
    expect(newer.problems).toEqual([{ path: 'settings.version', message: expect.stringContaining('another version') }]);
  });

  it('is empty without a row', () => {
    expect(parseStoredSettings(undefined)).toEqual({ settings: { version: STORED_SETTINGS_VERSION }, problems: [] });
  });
});
