/**
 * Request schemas that need more than one line. Settings are patched, not replaced: a secret is write-only
 * (the UI sends a new value or nothing; it never receives the old one).
 */
import { z } from 'zod';
import { certificateSha256Schema, CISCO_TRANSPORTS, cloudSchema, DEVICE_KINDS, guidSchema as configGuid, roomConfigSchema } from '../config/schema';
import { thresholdOverridesSchema } from '../domain/thresholds';
import { telemetryPatchSchema } from './telemetry';

export const guidSchema = configGuid;

const deviceId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1–64 letters, digits, dot, dash or underscore' });

export const devicePatchSchema = z.strictObject({
  id: deviceId,
  kind: z.enum(DEVICE_KINDS, { message: `must be one of ${DEVICE_KINDS.join(', ')}` }),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://10.0.0.20' }),
  username: z.string().min(1, { message: 'is required' }),
  /** Absent = keep the stored password. */
  password: z.string().min(1).optional(),
  allowSelfSigned: z.boolean(),
  certificateSha256: certificateSha256Schema.optional(),
  /** cisco-xapi only. */
  transport: z.enum(CISCO_TRANSPORTS).optional(),
  pollSeconds: z.number().min(1).max(300),
});

/** A secret or passphrase left out keeps the stored one. */
export const credentialPatchSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('secret'), secret: z.string().min(1, { message: 'must not be empty' }).optional() }),
  z.strictObject({
    type: z.literal('certificate'),
    certificatePath: z.string().min(1, { message: 'must be the path of a PEM certificate' }),
    privateKeyPath: z.string().min(1, { message: 'must be the path of a PEM private key' }),
    privateKeyPassphrase: z.string().min(1, { message: 'must not be empty' }).optional(),
  }),
]);

export const settingsPatchSchema = z.strictObject({
  cloud: cloudSchema.optional(),
  tenantId: guidSchema.optional(),
  clientId: guidSchema.optional(),
  credential: credentialPatchSchema.optional(),
  rooms: z
    .array(z.strictObject({ id: deviceId, name: z.string().trim().min(1, { message: 'is required' }).max(128), devices: z.array(devicePatchSchema), teamsRoomAccount: roomConfigSchema.shape.teamsRoomAccount }))
    .optional(),
  thresholds: thresholdOverridesSchema.optional(),
  alertCooldownMinutes: z.number().min(0).max(1440).optional(),
  ingest: z.strictObject({ host: z.string().min(1), port: z.number().int().min(0).max(65535) }).optional(),
  launchAtLogin: z.boolean().optional(),
  doNotDisturb: z.boolean().optional(),
  telemetry: telemetryPatchSchema.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * "Test connection" with the values on screen, saved or not. A stored secret is used only when none is
 * typed and the cloud, tenant and client are the saved ones: it is never sent to another tenant or authority.
 */
export const connectionTestRequestSchema = z.strictObject({
  cloud: cloudSchema.optional(),
  tenantId: guidSchema.optional(),
  clientId: guidSchema.optional(),
  credential: credentialPatchSchema.optional(),
});
export type ConnectionTestRequest = z.infer<typeof connectionTestRequestSchema>;
