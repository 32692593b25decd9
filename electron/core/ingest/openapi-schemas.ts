/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the ingest bodies, written by hand from the zod schemas
 * they describe (shared/graph/quality.ts, shared/domain/samples.ts, bodies/*.ts) so a sender's tooling can
 * generate clients and validate before posting. The zod schemas remain the authority; a test checks that
 * the seed body satisfies these.
 */
type Schema = Record<string, unknown>;

const GUID_PATTERN = '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';
const DURATION_PATTERN = '^P(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?$';
const LOCAL_ID_PATTERN = '^[A-Za-z0-9._-]{1,64}$';

const guid: Schema = { type: 'string', pattern: GUID_PATTERN };
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const duration: Schema = { type: 'string', pattern: DURATION_PATTERN, description: 'ISO 8601 duration, e.g. PT0.015S' };
const percent: Schema = { type: 'number', minimum: 0, maximum: 100, description: 'percent 0–100 (0.01 means 0.01 %)' };
const count: Schema = { type: 'integer', minimum: 0 };
const port: Schema = { type: 'integer', minimum: 0, maximum: 65535 };
const ipAddress: Schema = { type: 'string', description: 'IPv4 or IPv6 address' };
const rate: Schema = { type: 'number', minimum: 0 };
const deviceText: Schema = { type: 'string', minLength: 1, maxLength: 256 };
const localId: Schema = { type: 'string', pattern: LOCAL_ID_PATTERN };

const mediaQualityProperties: Record<string, Schema> = {
  channelIndex: { type: 'integer', minimum: 1, maximum: 2147483647, description: 'from 1 per modality' },
  mediaDuration: nullable(duration),
  networkLinkSpeedInBytes: nullable(count),
  localIPAddress: nullable(ipAddress),
  localPort: nullable(port),
  remoteIPAddress: nullable(ipAddress),
  remotePort: nullable(port),
  inboundPackets: nullable(count),
  outboundPackets: nullable(count),
  ...Object.fromEntries(
    ['average', 'maximum'].flatMap((kind) => ['Inbound', 'Outbound'].map((way) => [`${kind}${way}PacketLossRateInPercentage`, nullable(percent)])),
  ),
  ...Object.fromEntries(
    ['average', 'maximum'].flatMap((kind) =>
      ['Inbound', 'Outbound'].flatMap((way) => [
        [`${kind}${way}RoundTripDelay`, nullable(duration)],
        [`${kind}${way}Jitter`, nullable(duration)],
      ]),
    ),
  ),
};

const videoProperties: Record<string, Schema> = {
  ...mediaQualityProperties,
  averageInboundBitRate: nullable(rate),
  averageInboundFrameRate: nullable(rate),
  averageOutboundBitRate: nullable(rate),
  averageOutboundFrameRate: nullable(rate),
};

const mediaItem = (odataType: string, properties: Record<string, Schema>): Schema => ({
  type: 'object',
  required: ['@odata.type', 'channelIndex'],
  additionalProperties: false,
  properties: { '@odata.type': { const: odataType }, ...properties },
});

export const COMPONENT_SCHEMAS: Record<string, Schema> = {
  TeleconferenceDeviceQuality: {
    type: 'object',
    description: 'Graph teleconferenceDeviceQuality. The three ids may be left out: the report then waits as needs_context until a call context supplies them.',
    required: ['deviceName', 'deviceDescription', 'mediaQualityList'],
    additionalProperties: false,
    properties: {
      '@odata.type': { const: '#microsoft.graph.teleconferenceDeviceQuality' },
      callChainId: guid,
      participantId: guid,
      mediaLegId: guid,
      cloudServiceDeploymentEnvironment: nullable({ type: 'string' }),
      cloudServiceDeploymentId: nullable({ type: 'string' }),
      cloudServiceInstanceName: nullable({ type: 'string' }),
      cloudServiceName: nullable({ type: 'string' }),
      deviceName: deviceText,
      deviceDescription: deviceText,
      mediaQualityList: {
        type: 'array',
        minItems: 1,
        items: {
          oneOf: [
            mediaItem('#microsoft.graph.teleconferenceDeviceAudioQuality', mediaQualityProperties),
            mediaItem('#microsoft.graph.teleconferenceDeviceVideoQuality', videoProperties),
            mediaItem('#microsoft.graph.teleconferenceDeviceScreenSharingQuality', videoProperties),
          ],
        },
      },
    },
  },
  ReportBody: {
    type: 'object',
    required: ['quality'],
    additionalProperties: false,
    properties: { quality: { $ref: '#/components/schemas/TeleconferenceDeviceQuality' }, roomId: localId, deviceId: localId },
  },
  ReportAccepted: {
    type: 'object',
    required: ['id', 'state'],
    properties: { id: { type: 'string' }, state: { type: 'string', enum: ['needs_context', 'pending'] } },
  },
  LiveSample: liveSampleSchema(),
  SamplesBody: {
    description: 'One sample, an array of samples, or { "samples": [...] }; at most 1,000 samples per body.',
    oneOf: [
      { $ref: '#/components/schemas/LiveSample' },
      { type: 'array', minItems: 1, maxItems: 1000, items: { $ref: '#/components/schemas/LiveSample' } },
      {
        type: 'object',
        required: ['samples'],
        additionalProperties: false,
        properties: { samples: { type: 'array', minItems: 1, maxItems: 1000, items: { $ref: '#/components/schemas/LiveSample' } } },
      },
    ],
  },
  SamplesAccepted: { type: 'object', required: ['accepted'], properties: { accepted: { type: 'integer', minimum: 0 } } },
  CallContextBody: {
    type: 'object',
    description: 'deviceId or roomId; callId (the device call key) or at (a time within the call).',
    required: ['callChainId', 'participantId'],
    additionalProperties: false,
    properties: {
      deviceId: localId,
      roomId: localId,
      callId: { type: 'string', minLength: 1, maxLength: 128 },
      at: { type: 'string', format: 'date-time' },
      callChainId: guid,
      participantId: guid,
    },
    allOf: [{ anyOf: [{ required: ['deviceId'] }, { required: ['roomId'] }] }, { anyOf: [{ required: ['callId'] }, { required: ['at'] }] }],
  },
  CallContextMatch: {
    type: 'object',
    required: ['matchedLegs', 'matchedReports'],
    properties: { matchedLegs: { type: 'integer', minimum: 0 }, matchedReports: { type: 'integer', minimum: 0 } },
  },
  Health: {
    type: 'object',
    required: ['status', 'version', 'outbox'],
    properties: {
      status: { type: 'string', enum: ['ok', 'degraded'] },
      version: { type: 'string' },
      outbox: { type: 'object', description: 'report counts by outbox state', additionalProperties: { type: 'integer', minimum: 0 } },
    },
  },
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'details'],
        properties: {
          code: { type: 'string', examples: ['validation_failed', 'unauthorized', 'payload_too_large', 'outbox_full'] },
          message: { type: 'string' },
          details: {
            type: 'array',
            items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  },
};

function liveSampleSchema(): Schema {
  const range = (maximum: number, description: string): Schema => ({ type: 'number', minimum: 0, maximum, description });
  const endpoint: Schema = { type: 'string', maxLength: 64, description: 'IPv4 or IPv6 address, optionally with a port: "10.0.0.5:5004", "[2001:db8::1]:5004"' };
  return {
    type: 'object',
    description: 'One media channel of one device call at one moment. A metric that was not measured is absent (never 0 or null).',
    required: ['roomId', 'deviceId', 'callId', 'modality', 'direction', 'channelIndex', 'at'],
    additionalProperties: false,
    properties: {
      roomId: localId,
      deviceId: localId,
      callId: { type: 'string', minLength: 1, maxLength: 128, description: "the device's own call key (Cisco: the xStatus Call item number)" },
      modality: { type: 'string', enum: ['audio', 'video', 'screenSharing'] },
      direction: { type: 'string', enum: ['inbound', 'outbound'] },
      channelIndex: { type: 'integer', minimum: 1, maximum: 2147483647 },
      at: { type: 'string', format: 'date-time' },
      lossPercent: range(100, 'packet loss of the last interval, percent 0–100'),
      jitterMs: range(60_000, 'ms'),
      maxJitterMs: range(60_000, 'ms'),
      roundTripMs: range(60_000, 'ms'),
      packets: { type: 'integer', minimum: 0, description: 'cumulative packet count of the channel' },
      bitRate: range(100_000_000_000, 'bits per second'),
      frameRate: range(1_000, 'frames per second'),
      localAddress: endpoint,
      remoteAddress: endpoint,
    },
  };
}
