/**
 * The operator's own settings as the core keeps them in the `settings` table (key `local`): what Settings
 * saved, minus every secret (those are stored apart, encrypted). Read back through this schema, never a
 * cast, so a row an older version (or a bug) wrote cannot stop the app: keys that fail are set aside and
 * reported, the rest applies. `version` says which shape a row has; `migrateStoredSettings` brings any
 * older row up to the current one.
 */
import { z } from 'zod';
import { devicePatchSchema, settingsPatchSchema } from '../api/requests';
import { roomConfigSchema } from './schema';

export const STORED_SETTINGS_VERSION = 1;

/** A certificate credential's files; whether a passphrase is kept (encrypted, apart) is a flag. */
export const storedCredentialSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('secret') }),
  z.strictObject({
    type: z.literal('certificate'),
    certificatePath: z.string().min(1, { message: 'must be the path of a PEM certificate' }),
    privateKeyPath: z.string().min(1, { message: 'must be the path of a PEM private key' }),
  }),
]);

const patch = settingsPatchSchema.shape;

export const storedSettingsSchema = z.strictObject({
  version: z.literal(STORED_SETTINGS_VERSION),
  cloud: patch.cloud,
  tenantId: patch.tenantId,
  clientId: patch.clientId,
  credential: storedCredentialSchema.optional(),
  rooms: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        name: z.string().trim().min(1, { message: 'is required' }).max(128),
        devices: z.array(devicePatchSchema.omit({ password: true })),
        teamsRoomAccount: roomConfigSchema.shape.teamsRoomAccount,
      }),
    )
    .optional(),
  thresholds: patch.thresholds,
  alertCooldownMinutes: patch.alertCooldownMinutes,
  ingest: patch.ingest,
  launchAtLogin: patch.launchAtLogin,
  doNotDisturb: patch.doNotDisturb,
  telemetry: patch.telemetry,
});
export type StoredSettings = z.infer<typeof storedSettingsSchema>;
export type StoredSettingsKey = Exclude<keyof StoredSettings, 'version'>;

export const EMPTY_STORED_SETTINGS: StoredSettings = { version: STORED_SETTINGS_VERSION };

/**
 * Brings a row of any known version to the current shape. Version 0 is the row written before rows had a
 * version: the same keys, unversioned. A row from a newer version is returned as it is: its keys are then
 * checked one by one, and the ones this version does not understand are reported, not applied.
 */
export function migrateStoredSettings(row: Record<string, unknown>): Record<string, unknown> {
  const version = row['version'] ?? 0;
  if (version === 0) return { ...row, version: STORED_SETTINGS_VERSION };
  return row;
}
