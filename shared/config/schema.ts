/**
 * The configuration file of ../shared/design/contracts.md ("Configuration file"). One schema serves the
 * agent's --config file, the Electron settings and (later) the fleet file, so an error names the same key
 * everywhere. Secrets may be given inline or as `{ "env": "NAME" }`; the core resolves them
 * (electron/core/config/load.ts resolveSecret).
 */
import { z } from 'zod';
import { thresholdOverridesSchema } from '../domain/thresholds';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const guidSchema = z.string().regex(GUID, { message: 'must be a GUID such as 0622673d-9f69-49b3-9d4f-5ec64f42ecce' });

/** A secret inline, or the name of an environment variable that holds it (keeps secrets out of files). */
export const secretRefSchema = z.union([
  z.string().min(1, { message: 'must not be empty' }),
  z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'must be an environment variable name' }) }),
]);
export type SecretRef = z.infer<typeof secretRefSchema>;

/** China (21Vianet) is accepted by the parser only to be refused with a clear reason by the core. */
export const cloudSchema = z.enum(['global', 'usgov-l4', 'usgov-l5', 'china']);
export type CloudName = z.infer<typeof cloudSchema>;

export const credentialSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('secret'), secret: secretRefSchema }),
  z.strictObject({
    type: z.literal('certificate'),
    certificatePath: z.string().min(1, { message: 'must be the path of a PEM certificate' }),
    privateKeyPath: z.string().min(1, { message: 'must be the path of a PEM private key' }),
    privateKeyPassphrase: secretRefSchema.optional(),
  }),
]);
export type CredentialConfig = z.infer<typeof credentialSchema>;

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** Device kinds: one collector each under electron/core/devices/<vendor>/ (README "Adding a device kind"). */
export const DEVICE_KINDS = ['cisco-xapi', 'poly-videoos'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** How a Cisco codec is read: xAPI over WebSocket (push), HTTP polling, or WebSocket falling back to HTTP. */
export const CISCO_TRANSPORTS = ['auto', 'websocket', 'http'] as const;
export type CiscoTransport = (typeof CISCO_TRANSPORTS)[number];

/**
 * SHA-256 fingerprint of the device's TLS certificate: 64 hex digits, colons allowed (as browsers and
 * openssl print it). Normalised to lower-case hex without colons.
 */
/** A fingerprint as the schema keeps it: lower-case hex, colons and spaces removed. */
export function normaliseCertificateSha256(text: string): string {
  return text.replace(/[:\s]/g, '').toLowerCase();
}

export const certificateSha256Schema = z
  .string()
  .transform(normaliseCertificateSha256)
  .refine((hex) => /^[0-9a-f]{64}$/.test(hex), { message: 'must be a SHA-256 fingerprint: 64 hex digits, colons allowed' });

export const deviceConfigSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1–64 letters, digits, dot, dash or underscore' }),
    kind: z.enum(DEVICE_KINDS, { message: `must be one of ${DEVICE_KINDS.join(', ')}` }),
    url: httpUrl,
    username: z.string().min(1, { message: 'is required' }),
    password: secretRefSchema,
    allowSelfSigned: z.boolean().default(false),
    /** Pins the certificate instead of trusting any self-signed one. */
    certificateSha256: certificateSha256Schema.optional(),
    /** cisco-xapi only; absent = auto. */
    transport: z.enum(CISCO_TRANSPORTS, { message: `must be one of ${CISCO_TRANSPORTS.join(', ')}` }).optional(),
    pollSeconds: z.number().min(1, { message: 'must be at least 1 second' }).max(300, { message: 'must be at most 300 seconds' }).default(5),
  })
  .superRefine((device, ctx) => {
    if (device.transport !== undefined && device.kind !== 'cisco-xapi') {
      ctx.addIssue({ code: 'custom', path: ['transport'], message: `applies to cisco-xapi devices only, not ${device.kind}` });
    }
  });
export type DeviceConfig = z.infer<typeof deviceConfigSchema>;

export const roomConfigSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1–64 letters, digits, dot, dash or underscore' }),
  name: z.string().trim().min(1, { message: 'is required' }).max(128, { message: 'must be at most 128 characters' }),
  devices: z.array(deviceConfigSchema).default([]),
  /**
   * The room's Teams resource account (its UPN, or its Entra object id): how a native Teams Rooms call of the
   * room is found in callRecords (the account is one of the call's participants).
   */
  teamsRoomAccount: z
    .string()
    .trim()
    .refine((value) => GUID.test(value) || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value), {
      message: 'must be the room resource account\'s user principal name (room@contoso.com) or its Entra object id (a GUID)',
    })
    .optional(),
});
export type RoomConfig = z.infer<typeof roomConfigSchema>;

export const outboxConfigSchema = z.strictObject({
  maxAgeDays: z.number().positive().max(365).default(7),
  maxUnsentReports: z.number().int().positive().default(100_000),
  maxUnsentMegabytes: z.number().positive().default(200),
  retentionDays: z.number().positive().max(3650).default(30),
  concurrency: z.number().int().min(1).max(32).default(4),
});

/** Header names a collector may ask for (RFC 9110 token characters). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** How OTLP/HTTP metrics are encoded: JSON or binary protobuf (every OpenTelemetry Collector takes both). */
export const OTLP_PROTOCOLS = ['http/json', 'http/protobuf'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];
export const otlpProtocolSchema = z.enum(OTLP_PROTOCOLS, { message: 'must be "http/json" or "http/protobuf"' });

/**
 * OpenTelemetry export (../shared/design/contracts.md "Telemetry"): OTLP/HTTP push to a collector and/or a Prometheus scrape
 * endpoint. Both off unless set. Header values may be secrets (`{ "env": "NAME" }`), like device passwords.
 */
export const telemetryConfigSchema = z.strictObject({
  otlp: z
    .strictObject({
      /** The collector's base URL (`/v1/metrics` is added) or the full metrics URL. */
      endpoint: httpUrl,
      headers: z.record(z.string().regex(HEADER_NAME, { message: 'must be an HTTP header name' }), secretRefSchema).default({}),
      protocol: otlpProtocolSchema.default('http/json'),
      intervalSeconds: z.number().min(1, { message: 'must be at least 1 second' }).max(3600, { message: 'must be at most 3600 seconds' }).default(10),
      /** Intervals kept while the collector is unreachable; the oldest is dropped beyond this. */
      maxBufferedIntervals: z.number().int().min(1).max(1000, { message: 'must be at most 1000' }).default(60),
    })
    .optional(),
  prometheus: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65535, { message: 'must be a port 0–65535' }).default(9464),
    })
    .optional(),
});
export type TelemetryConfig = z.infer<typeof telemetryConfigSchema>;

export const appConfigSchema = z.strictObject({
  /** Editors' JSON-schema hint; ignored. */
  $schema: z.string().optional(),
  cloud: cloudSchema.default('global'),
  tenantId: guidSchema.optional(),
  clientId: guidSchema.optional(),
  credential: credentialSchema.optional(),
  endpoints: z.strictObject({ graph: httpUrl.optional(), login: httpUrl.optional() }).optional(),
  userAgent: z.string().regex(/^[A-Za-z0-9._-]+\/[A-Za-z0-9._+-]+/, { message: 'must look like ApplicationName/Version' }).optional(),
  ingest: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65535, { message: 'must be a port 0–65535' }).default(8790),
    })
    .default({ host: '127.0.0.1', port: 8790 }),
  rooms: z.array(roomConfigSchema).default([]),
  /** Per-installation overrides of the classification thresholds (shared/domain/thresholds.ts). */
  thresholds: thresholdOverridesSchema.optional(),
  alerts: z.strictObject({ cooldownMinutes: z.number().min(0).max(1440).default(5) }).optional(),
  outbox: outboxConfigSchema.default(outboxConfigSchema.parse({})),
  telemetry: telemetryConfigSchema.optional(),
});
export type AppConfigInput = z.input<typeof appConfigSchema>;
export type AppConfig = z.infer<typeof appConfigSchema>;
