/**
 * The JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the ingest bodies and answers, generated with zod's
 * `z.toJSONSchema` from the schemas the server validates with (shared/graph/quality.ts,
 * shared/domain/samples.ts, bodies/*.ts), so the document cannot drift from what is enforced. Field
 * descriptions come from `.meta()` on those schemas; refinements zod cannot express in JSON Schema (blank
 * names, IP address syntax) are enforced by the server and named in the descriptions.
 * The answers have no validator of their own: their zod schemas here are tied to the handlers' types by
 * `satisfies`, so a changed answer fails to compile until this document follows.
 */
import { z } from 'zod';
import { MAX_SAMPLES_PER_BODY, liveSampleSchema } from '../../../shared/domain/samples';
import { teleconferenceDeviceQualityDraftSchema } from '../../../shared/graph/quality';
import { callContextBodySchema } from './bodies/call-context-body';
import { localIdSchema } from './bodies/ids';
import type { CallContextMatch, IngestHealth, SampleDrop } from './deps';
import type { ErrorResponseBody } from './errors';

type JsonSchema = Record<string, unknown>;

const count = () => z.int().min(0);

const samplesArray = z.array(liveSampleSchema).min(1).max(MAX_SAMPLES_PER_BODY);

const reportBodySchema = z.strictObject({
  quality: teleconferenceDeviceQualityDraftSchema,
  roomId: localIdSchema.optional().meta({ description: 'The room the report is about, as configured (rooms[].id).' }),
  deviceId: localIdSchema.optional().meta({ description: 'The device the report comes from, as configured (rooms[].devices[].id).' }),
});

const reportAcceptedSchema = z.object({
  id: z.string().meta({ description: 'The report id in the outbox (`vtc-agent reports show ID`).' }),
  state: z.string().meta({ description: 'Its outbox state: needs_context until its Teams ids are known, then pending (for a body stored before: its state now).' }),
  existing: z.literal(true).optional().meta({ description: 'Present (200) when the same body was stored before under its mediaLegId.' }),
});

const sampleDropSchema = z.object({
  index: count().meta({ description: 'Position of the sample in the posted batch (0 for a single sample).' }),
  code: z.string().meta({ description: 'Stable code.', examples: ['too_many_calls', 'too_many_legs', 'invalid_time'] }),
  message: z.string(),
}) satisfies z.ZodType<SampleDrop>;

const samplesAcceptedSchema = z.object({
  accepted: count().meta({ description: 'Samples the leg tracker took.' }),
  dropped: count().meta({ description: 'Samples it did not take (the length of drops).' }),
  drops: z.array(sampleDropSchema),
});

const callContextMatchSchema = z.object({
  matchedLegs: count().meta({ description: 'Live legs of the device call that now carry the Teams ids.' }),
  matchedReports: count().meta({ description: 'Reports waiting as needs_context that became pending.' }),
}) satisfies z.ZodType<CallContextMatch>;

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  outbox: z.record(z.string(), count()).meta({ description: 'Report counts by outbox state.' }),
}) satisfies z.ZodType<IngestHealth>;

const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable and snake_case: senders branch on it.', examples: ['validation_failed', 'unauthorized', 'payload_too_large', 'outbox_full'] }),
    message: z.string().meta({ description: 'One sentence a person can act on.' }),
    details: z.array(z.object({ path: z.string(), message: z.string() })).meta({ description: 'Every invalid field: where (`quality.mediaQualityList[0].channelIndex`) and why.' }),
  }),
}) satisfies z.ZodType<ErrorResponseBody>;

/**
 * Each component's zod schema, the description it gets in the document, and `rules`: JSON Schema for what
 * the server checks outside zod (call-context's two "one of" rules, which parseCallContextBody adds).
 */
const COMPONENTS: Record<string, { schema: z.ZodType; description?: string; rules?: JsonSchema }> = {
  TeleconferenceDeviceQuality: {
    schema: teleconferenceDeviceQualityDraftSchema,
    description: 'Graph teleconferenceDeviceQuality. The three ids may be left out: the report then waits as needs_context until a call context supplies them. deviceName and deviceDescription must not be blank; IP addresses are textual IPv4 or IPv6.',
  },
  ReportBody: { schema: reportBodySchema, description: 'Exactly the body of Graph logTeleconferenceDeviceQuality, plus optional roomId/deviceId.' },
  ReportAccepted: { schema: reportAcceptedSchema },
  LiveSample: {
    schema: liveSampleSchema,
    description: 'One media channel of one device call at one moment. A metric that was not measured is absent (never 0 or null). Addresses are IPv4 or IPv6, optionally with a port: "10.0.0.5:5004", "[2001:db8::1]:5004".',
  },
  SamplesBody: {
    schema: z.union([liveSampleSchema, samplesArray, z.strictObject({ samples: samplesArray })]),
    description: `One sample, an array of samples, or { "samples": [...] }; at most ${MAX_SAMPLES_PER_BODY.toLocaleString('en')} samples per body.`,
  },
  SamplesAccepted: { schema: samplesAcceptedSchema },
  CallContextBody: {
    schema: callContextBodySchema,
    description: 'deviceId or roomId (one is required); callId (the device call key) or at (a time within the call), one is required.',
    rules: { allOf: [{ anyOf: [{ required: ['deviceId'] }, { required: ['roomId'] }] }, { anyOf: [{ required: ['callId'] }, { required: ['at'] }] }] },
  },
  CallContextMatch: { schema: callContextMatchSchema },
  Health: { schema: healthSchema },
  Error: { schema: errorSchema },
};

const REF_PREFIX = '#/components/schemas/';

function generateComponentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, { schema }] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  // Request bodies are documented as senders write them (io: input), answers as the server writes them.
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `${REF_PREFIX}${id}`, io: 'input', unrepresentable: 'throw' });
  // Each generated schema names its own dialect and id; inside an OpenAPI 3.1 document both come from the document.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { description, rules } = COMPONENTS[id] ?? {};
      return [id, { ...(description === undefined ? {} : { description }), ...withoutKeys(schema, ['$schema', '$id']), ...rules }];
    }),
  );
}

function withoutKeys(schema: JsonSchema, keys: readonly string[]): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}

export const COMPONENT_SCHEMAS: Record<string, JsonSchema> = generateComponentSchemas();
