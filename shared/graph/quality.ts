/**
 * zod schemas for the body of POST /communications/calls/logTeleconferenceDeviceQuality
 * (../shared/reference/graph-api.md §1.1–1.4; CSDL v1.0 teleconferenceDevice*Quality in ../shared/reference/csdl/graph-v1.0-fragments.xml).
 *
 * Rules taken from the CSDL:
 * - Nullable="false" properties are required; every other property may be null or absent.
 * - Edm.Guid → 8-4-4-4-12 hex (any case); Edm.Duration → ISO 8601 duration (duration.ts);
 *   Edm.Int32 / Edm.Int64 → integers (Int64 limited to Number.MAX_SAFE_INTEGER, as JSON numbers are doubles).
 * - teleconferenceDeviceMediaQuality is Abstract, so each list item names its concrete type in `@odata.type`.
 *   Screen sharing derives from VIDEO quality (§1.4), so it carries the bit/frame-rate properties; audio doesn't.
 * Rules we add for the product (not in the CSDL):
 * - Objects are STRICT although the CSDL says OpenType="true": Graph would store a misspelt metric such as
 *   `averageInboundJiter` as an open property and silently drop it from the quality data; we'd rather refuse
 *   the report and name the property.
 * - Packet loss is a percentage 0–100 (doc: "0.01 means 0.01 %"); ports 0–65535; counts ≥ 0; channelIndex ≥ 1
 *   (doc: "Indexing begins with 1"); bit/frame rates ≥ 0; mediaQualityList non-empty (a report without media
 *   says nothing); deviceName/deviceDescription non-blank, at most 256 characters; IP addresses in textual
 *   IPv4 or IPv6 form.
 * Messages are plain words so validate() (../validation.ts) can show them as they are.
 */
import { z } from 'zod';
import { isoDurationProblem } from './duration';

export const ODATA_TYPE = {
  quality: '#microsoft.graph.teleconferenceDeviceQuality',
  audio: '#microsoft.graph.teleconferenceDeviceAudioQuality',
  video: '#microsoft.graph.teleconferenceDeviceVideoQuality',
  screenSharing: '#microsoft.graph.teleconferenceDeviceScreenSharingQuality',
} as const;

/** The three media kinds a VTC report can carry (callRecords has its own, longer CallRecordModality). */
export type QualityModality = 'audio' | 'video' | 'screenSharing';

export const MODALITY_ODATA_TYPE = {
  audio: ODATA_TYPE.audio,
  video: ODATA_TYPE.video,
  screenSharing: ODATA_TYPE.screenSharing,
} as const satisfies Record<QualityModality, string>;

const INT32_MAX = 2_147_483_647;
const DEVICE_TEXT_MAX = 256;
const DURATION_EXAMPLE = 'must be an ISO 8601 duration such as PT0.015S';

/**
 * A fixed message for a field; a missing value or null still gets validate()'s generic "is required" /
 * "must not be null", which says more than the field's format rule would.
 */
function says(message: string) {
  return { error: (issue: { input?: unknown }) => (issue.input == null ? undefined : message) };
}

const guid = () => z.guid(says('must be a GUID'));

const duration = () =>
  z
    .string(says(DURATION_EXAMPLE))
    .refine((value) => isoDurationProblem(value) === undefined, {
      error: (issue) => `${DURATION_EXAMPLE} (${isoDurationProblem(String(issue.input)) ?? 'invalid'})`,
    })
    // For the ingest API's OpenAPI document: the refinement above has no JSON Schema form.
    .meta({ description: 'ISO 8601 duration, e.g. PT0.015S (days, hours, minutes, seconds; not negative)', pattern: '^P(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?$' });

const PERCENT = says('must be between 0 and 100');
const percent = () => z.number(PERCENT).min(0, PERCENT).max(100, PERCENT).meta({ description: 'percent 0–100 (0.01 means 0.01 %)' });

const PORT = says('must be an integer between 0 and 65535');
const port = () => z.int(PORT).min(0, PORT).max(65_535, PORT);

/** Edm.Int64 counts (packets, link speed): z.int() also caps at Number.MAX_SAFE_INTEGER. */
const COUNT = says('must be a non-negative integer');
const count = () => z.int(COUNT).min(0, COUNT);

const CHANNEL = says(`must be an integer between 1 and ${INT32_MAX}`);
const channelIndex = () => z.int(CHANNEL).min(1, CHANNEL).max(INT32_MAX, CHANNEL);

const RATE = says('must be a number ≥ 0');
const rate = () => z.number(RATE).min(0, RATE);

const deviceText = () =>
  z
    .string(says('must be a string'))
    .max(DEVICE_TEXT_MAX, says(`must be at most ${DEVICE_TEXT_MAX} characters`))
    .refine((value) => value.trim().length > 0, says('must not be empty or blank'));

const IP = says('must be an IPv4 or IPv6 address');
const ipAddress = () => z.string(IP).refine(isIpAddress, IP);

/** IPv4 dotted quad, or IPv6 (also with an embedded IPv4 tail such as ::ffff:10.0.0.1). No zone ids. */
function isIpAddress(value: string): boolean {
  if (z.regexes.ipv4.test(value)) return true;
  const lastColon = value.lastIndexOf(':');
  const tail = value.slice(lastColon + 1);
  if (lastColon >= 0 && tail.includes('.')) {
    return z.regexes.ipv4.test(tail) && z.regexes.ipv6.test(`${value.slice(0, lastColon + 1)}0:0`);
  }
  return z.regexes.ipv6.test(value);
}

/** teleconferenceDeviceMediaQuality (§1.3), all 21 properties. */
const mediaQualityShape = {
  channelIndex: channelIndex(),
  mediaDuration: duration().nullish(),
  networkLinkSpeedInBytes: count().nullish(),
  localIPAddress: ipAddress().nullish(),
  localPort: port().nullish(),
  remoteIPAddress: ipAddress().nullish(),
  remotePort: port().nullish(),
  inboundPackets: count().nullish(),
  outboundPackets: count().nullish(),
  averageInboundPacketLossRateInPercentage: percent().nullish(),
  averageOutboundPacketLossRateInPercentage: percent().nullish(),
  maximumInboundPacketLossRateInPercentage: percent().nullish(),
  maximumOutboundPacketLossRateInPercentage: percent().nullish(),
  averageInboundRoundTripDelay: duration().nullish(),
  averageOutboundRoundTripDelay: duration().nullish(),
  maximumInboundRoundTripDelay: duration().nullish(),
  maximumOutboundRoundTripDelay: duration().nullish(),
  averageInboundJitter: duration().nullish(),
  averageOutboundJitter: duration().nullish(),
  maximumInboundJitter: duration().nullish(),
  maximumOutboundJitter: duration().nullish(),
};

/** teleconferenceDeviceVideoQuality adds these (§1.4); units per the docs: "per second". */
const videoQualityShape = {
  ...mediaQualityShape,
  averageInboundBitRate: rate().nullish(),
  averageInboundFrameRate: rate().nullish(),
  averageOutboundBitRate: rate().nullish(),
  averageOutboundFrameRate: rate().nullish(),
};

export const audioQualitySchema = z.strictObject({
  '@odata.type': z.literal(ODATA_TYPE.audio),
  ...mediaQualityShape,
});

export const videoQualitySchema = z.strictObject({
  '@odata.type': z.literal(ODATA_TYPE.video),
  ...videoQualityShape,
});

export const screenSharingQualitySchema = z.strictObject({
  '@odata.type': z.literal(ODATA_TYPE.screenSharing),
  ...videoQualityShape,
});

export const mediaQualitySchema = z.discriminatedUnion('@odata.type', [
  audioQualitySchema,
  videoQualitySchema,
  screenSharingQualitySchema,
]);

/** teleconferenceDeviceQuality (§1.2). */
const qualityShape = {
  '@odata.type': z.literal(ODATA_TYPE.quality).optional(),
  callChainId: guid(),
  participantId: guid(),
  mediaLegId: guid(),
  cloudServiceDeploymentEnvironment: z.string().nullish(),
  cloudServiceDeploymentId: z.string().nullish(),
  cloudServiceInstanceName: z.string().nullish(),
  cloudServiceName: z.string().nullish(),
  deviceName: deviceText(),
  deviceDescription: deviceText(),
  mediaQualityList: z.array(mediaQualitySchema).min(1, says('must contain at least one media quality item')),
};

export const teleconferenceDeviceQualitySchema = z.strictObject(qualityShape);

/**
 * A report whose Teams ids are not known yet (the call-context arrives later, ../shared/design/contracts.md "call-context"):
 * the three ids may be absent, but an id that is present must still be a GUID.
 */
export const teleconferenceDeviceQualityDraftSchema = z.strictObject({
  ...qualityShape,
  callChainId: guid().optional(),
  participantId: guid().optional(),
  mediaLegId: guid().optional(),
});

/** The action's parameters (§1.1): `quality` is Nullable="false". */
export const logTeleconferenceDeviceQualityBodySchema = z.strictObject({
  quality: teleconferenceDeviceQualitySchema,
});

export type AudioQuality = z.infer<typeof audioQualitySchema>;
export type VideoQuality = z.infer<typeof videoQualitySchema>;
export type ScreenSharingQuality = z.infer<typeof screenSharingQualitySchema>;
export type TeleconferenceDeviceMediaQuality = z.infer<typeof mediaQualitySchema>;
export type TeleconferenceDeviceQuality = z.infer<typeof teleconferenceDeviceQualitySchema>;
export type TeleconferenceDeviceQualityDraft = z.infer<typeof teleconferenceDeviceQualityDraftSchema>;
export type LogTeleconferenceDeviceQualityBody = z.infer<typeof logTeleconferenceDeviceQualityBodySchema>;

const MODALITY_BY_ODATA_TYPE: Record<TeleconferenceDeviceMediaQuality['@odata.type'], QualityModality> = {
  [ODATA_TYPE.audio]: 'audio',
  [ODATA_TYPE.video]: 'video',
  [ODATA_TYPE.screenSharing]: 'screenSharing',
};

/** The modality of a media quality item, from its `@odata.type`. */
export function modalityOf(item: TeleconferenceDeviceMediaQuality): QualityModality {
  return MODALITY_BY_ODATA_TYPE[item['@odata.type']];
}
