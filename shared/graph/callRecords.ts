/**
 * Types for Graph v1.0 callRecords (../shared/reference/graph-api.md §2; CSDL in ../shared/reference/csdl/graph-v1.0-fragments.xml).
 * Nullable="false" properties are required and non-null; all others optional and nullable (`Prefer:
 * omit-values=nulls` drops them). Edm.Duration = ISO 8601 string (duration.ts); Edm.DateTimeOffset = ISO UTC.
 * Units differ from the VTC quality types (§8 gotcha 2): packet loss here is a FRACTION, `linkSpeed` bits/s.
 * The zod schema at the end checks only what the app reads and is loose (unlike the strict quality schemas):
 * Graph adds properties to responses over time, and that must not make us refuse a response.
 */
import { z } from 'zod';

/** Optional, nullable properties sharing one JSON type: keeps the long metric lists readable. */
type Maybe<K extends string, T> = { [P in K]?: T | null };
type ODataTyped = { '@odata.type'?: string };

// ---- Enums (§2.4): string unions; Graph sends `unknownFutureValue` for members newer than the client. ----
export type CallRecordCallType = 'unknown' | 'groupCall' | 'peerToPeer' | 'unknownFutureValue';
export type CallRecordModality =
  | 'audio' | 'video' | 'videoBasedScreenSharing' | 'data' | 'screenSharing' | 'unknownFutureValue';
export type CallRecordMediaStreamDirection = 'callerToCallee' | 'calleeToCaller';
export type CallRecordNetworkConnectionType =
  | 'unknown' | 'wired' | 'wifi' | 'mobile' | 'tunnel' | 'unknownFutureValue';
export type CallRecordNetworkTransportProtocol = 'unknown' | 'udp' | 'tcp' | 'unknownFutureValue';
/** `azureCommunicationServices` only with `Prefer: include-unknown-enum-members`. */
export type CallRecordProductFamily =
  | 'unknown' | 'teams' | 'skypeForBusiness' | 'lync' | 'unknownFutureValue' | 'azureCommunicationServices';
export type CallRecordClientPlatform =
  | 'unknown' | 'windows' | 'macOS' | 'iOS' | 'android' | 'web' | 'ipPhone' | 'roomSystem' | 'surfaceHub'
  | 'holoLens' | 'unknownFutureValue';
export type CallRecordFailureStage = 'unknown' | 'callSetup' | 'midcall' | 'unknownFutureValue';
export type CallRecordUserFeedbackRating =
  | 'notRated' | 'bad' | 'poor' | 'fair' | 'good' | 'excellent' | 'unknownFutureValue';
export type CallRecordWifiBand =
  | 'unknown' | 'frequency24GHz' | 'frequency50GHz' | 'frequency60GHz' | 'unknownFutureValue';
export type CallRecordWifiRadioType =
  | 'unknown' | 'wifi80211a' | 'wifi80211b' | 'wifi80211g' | 'wifi80211n' | 'wifi80211ac' | 'wifi80211ax'
  | 'unknownFutureValue';
export type CallRecordAudioCodec =
  | 'unknown' | 'invalid' | 'cn' | 'pcma' | 'pcmu' | 'amrWide' | 'g722' | 'g7221' | 'g7221c' | 'g729'
  | 'multiChannelAudio' | 'muchv2' | 'opus' | 'satin' | 'satinFullband' | 'rtAudio8' | 'rtAudio16' | 'silk'
  | 'silkNarrow' | 'silkWide' | 'siren' | 'xmsRta' | 'unknownFutureValue';
export type CallRecordVideoCodec =
  | 'unknown' | 'invalid' | 'av1' | 'h263' | 'h264' | 'h264s' | 'h264uc' | 'h265' | 'rtvc1' | 'rtVideo' | 'xrtvc1'
  | 'unknownFutureValue';
export type CallRecordServiceRole =
  | 'unknown' | 'customBot' | 'skypeForBusinessMicrosoftTeamsGateway' | 'skypeForBusinessAudioVideoMcu'
  | 'skypeForBusinessApplicationSharingMcu' | 'skypeForBusinessCallQueues' | 'skypeForBusinessAutoAttendant'
  | 'mediationServer' | 'mediationServerCloudConnectorEdition' | 'exchangeUnifiedMessagingService'
  | 'mediaController' | 'conferencingAnnouncementService' | 'conferencingAttendant'
  | 'audioTeleconferencerController' | 'skypeForBusinessUnifiedCommunicationApplicationPlatform'
  | 'responseGroupServiceAnnouncementService' | 'gateway' | 'skypeTranslator' | 'skypeForBusinessAttendant'
  | 'responseGroupService' | 'voicemail' | 'unknownFutureValue';
export type CommunicationsEndpointType =
  | 'default' | 'voicemail' | 'skypeForBusiness' | 'skypeForBusinessVoipPhone' | 'unknownFutureValue';

// ---- Identities (namespace microsoft.graph, §2.3; open types) ----
/** graph.identity; `tenantId` (communicationsUserIdentity) and `userPrincipalName` (callRecords.userIdentity)
 *  come from derived types that responses use. */
export type Identity = Maybe<'displayName' | 'id' | 'tenantId' | 'userPrincipalName', string> & ODataTyped;
export type IdentitySet = Maybe<'application' | 'device' | 'user', Identity> & ODataTyped;
/** participantBase.identity; the acs / spool keys are undeclared but appear in live responses. */
export type CommunicationsIdentitySet = IdentitySet &
  Maybe<
    | 'applicationInstance' | 'assertedIdentity' | 'azureCommunicationServicesUser' | 'encrypted' | 'guest'
    | 'onPremises' | 'phone' | 'acsUser' | 'spoolUser' | 'acsApplicationInstance' | 'spoolApplicationInstance',
    Identity
  > &
  Maybe<'endpointType', CommunicationsEndpointType>;

// ---- Complex types (§2.2) ----
export type CallRecordAdministrativeUnitInfo = Maybe<'id', string>;
export type CallRecordFailureInfo = { stage: CallRecordFailureStage } & Maybe<'reason', string>;
/** Open bag of booleans such as NoSound, Echo, Noisy; names "should not be relied upon". */
export type CallRecordFeedbackTokenSet = Record<string, boolean>;
export type CallRecordUserFeedback = { rating: CallRecordUserFeedbackRating } & Maybe<'text', string> &
  Maybe<'tokens', CallRecordFeedbackTokenSet>;
export type CallRecordTraceRouteHop = Maybe<'hopCount', number> & Maybe<'ipAddress' | 'roundTripTime', string>;

type UserAgentBase = Maybe<'applicationVersion' | 'headerValue', string>;
export type CallRecordClientUserAgent = UserAgentBase & {
  '@odata.type'?: '#microsoft.graph.callRecords.clientUserAgent';
  platform: CallRecordClientPlatform;
  productFamily: CallRecordProductFamily;
} & Maybe<'azureADAppId' | 'communicationServiceId', string>;
export type CallRecordServiceUserAgent = UserAgentBase & {
  '@odata.type'?: '#microsoft.graph.callRecords.serviceUserAgent';
  role: CallRecordServiceRole;
};
/** userAgent is Abstract: a value is always one of the two. */
export type CallRecordUserAgent = CallRecordClientUserAgent | CallRecordServiceUserAgent;

type EndpointBase = Maybe<'userAgent', CallRecordUserAgent>;
export type CallRecordParticipantEndpoint = EndpointBase & {
  '@odata.type'?: '#microsoft.graph.callRecords.participantEndpoint';
  /** Replaces the deprecated `identity`. */
  associatedIdentity?: Identity | null;
  /** @deprecated Stops returning data on 2026-06-30 (../shared/reference/graph-api.md §2.1); use `associatedIdentity`. */
  identity?: IdentitySet | null;
  feedback?: CallRecordUserFeedback | null;
} & Maybe<'cpuCoresCount' | 'cpuProcessorSpeedInMhz', number> & Maybe<'cpuName' | 'name', string>;
export type CallRecordServiceEndpoint = EndpointBase & {
  '@odata.type'?: '#microsoft.graph.callRecords.serviceEndpoint';
};
export type CallRecordEndpoint = CallRecordParticipantEndpoint | CallRecordServiceEndpoint;

/** *EventRatio fractions 0–1; glitch rates per 5-minute interval; signal/noise levels as reported (Int32). */
export type CallRecordDeviceInfo =
  Maybe<'captureDeviceDriver' | 'captureDeviceName' | 'renderDeviceDriver' | 'renderDeviceName', string> &
  Maybe<
    | 'captureNotFunctioningEventRatio' | 'cpuInsufficentEventRatio' | 'deviceClippingEventRatio'
    | 'deviceGlitchEventRatio' | 'initialSignalLevelRootMeanSquare' | 'lowSpeechLevelEventRatio'
    | 'lowSpeechToNoiseEventRatio' | 'micGlitchRate' | 'renderMuteEventRatio' | 'renderNotFunctioningEventRatio'
    | 'renderZeroVolumeEventRatio' | 'speakerGlitchRate'
    | 'howlingEventCount' | 'receivedNoiseLevel' | 'receivedSignalLevel' | 'sentNoiseLevel' | 'sentSignalLevel',
    number
  >;

/** `linkSpeed` in bits/s; wifiBatteryCharge / wifiSignalStrength in percent; *EventRatio fractions 0–1. */
export type CallRecordNetworkInfo = {
  connectionType: CallRecordNetworkConnectionType;
  networkTransportProtocol: CallRecordNetworkTransportProtocol;
  traceRouteHops: CallRecordTraceRouteHop[];
  wifiBand: CallRecordWifiBand;
  wifiRadioType: CallRecordWifiRadioType;
} & Maybe<
  | 'basicServiceSetIdentifier' | 'dnsSuffix' | 'ipAddress' | 'macAddress' | 'reflexiveIPAddress' | 'relayIPAddress'
  | 'subnet' | 'wifiMicrosoftDriver' | 'wifiMicrosoftDriverVersion' | 'wifiVendorDriver' | 'wifiVendorDriverVersion',
  string
> &
  Maybe<
    | 'bandwidthLowEventRatio' | 'delayEventRatio' | 'receivedQualityEventRatio' | 'sentQualityEventRatio'
    | 'linkSpeed' | 'port' | 'relayPort' | 'wifiBatteryCharge' | 'wifiChannel' | 'wifiSignalStrength',
    number
  >;

/**
 * One direction of one stream. Durations are ISO 8601 strings; packet-loss rates and *Ratio are fractions 0–1;
 * averageVideoFrameLossPercentage is a percentage; averageBandwidthEstimate bits/s; frame rates fps.
 */
export type CallRecordMediaStream = { streamDirection: CallRecordMediaStreamDirection } &
  Maybe<'streamId' | 'startDateTime' | 'endDateTime', string> &
  Maybe<'audioCodec', CallRecordAudioCodec> &
  Maybe<'videoCodec', CallRecordVideoCodec> &
  Maybe<
    | 'averageJitter' | 'maxJitter' | 'averageAudioNetworkJitter' | 'maxAudioNetworkJitter' | 'averageRoundTripTime'
    | 'maxRoundTripTime' | 'averageFreezeDuration' | 'rmsFreezeDuration',
    string
  > &
  Maybe<
    | 'averageAudioDegradation' | 'averagePacketLossRate' | 'maxPacketLossRate' | 'averageRatioOfConcealedSamples'
    | 'maxRatioOfConcealedSamples' | 'averageReceivedFrameRate' | 'averageVideoFrameRate'
    | 'averageVideoFrameLossPercentage' | 'averageVideoPacketLossRate' | 'postForwardErrorCorrectionPacketLossRate'
    | 'lowFrameRateRatio' | 'lowVideoProcessingCapabilityRatio' | 'averageBandwidthEstimate' | 'packetUtilization',
    number
  > &
  Maybe<'isAudioForwardErrorCorrectionUsed' | 'wasMediaBypassed', boolean>;

export type CallRecordMedia = Maybe<'label', string> &
  Maybe<'calleeDevice' | 'callerDevice', CallRecordDeviceInfo> &
  Maybe<'calleeNetwork' | 'callerNetwork', CallRecordNetworkInfo> &
  Maybe<'streams', CallRecordMediaStream[]>;

// ---- Entities (§2.1) ----
type Timed = { id: string; startDateTime: string; endDateTime: string };
type Legs = Maybe<'callee' | 'caller', CallRecordEndpoint> & Maybe<'failureInfo', CallRecordFailureInfo>;

export type CallRecordSegment = Timed & Legs & Maybe<'media', CallRecordMedia[]>;
export type CallRecordSession = Timed & Legs & {
  modalities: CallRecordModality[];
  /** Absent in the US Gov CSDL (§2.5). */
  isTest?: boolean | null;
  segments?: CallRecordSegment[];
};
export type CallRecordParticipantBase = {
  id: string;
  administrativeUnitInfos?: CallRecordAdministrativeUnitInfo[] | null;
  identity?: CommunicationsIdentitySet | null;
};
export type CallRecordOrganizer = CallRecordParticipantBase;
export type CallRecordParticipant = CallRecordParticipantBase;

export type CallRecord = Timed & {
  /** Monotonically increasing: a higher version of the same id carries more data (§3.3). */
  version: number;
  type: CallRecordCallType;
  modalities: CallRecordModality[];
  lastModifiedDateTime: string;
  joinWebUrl?: string | null;
  /** @deprecated Stops returning data on 2026-06-30 (../shared/reference/graph-api.md §2.1); use `organizer_v2`. */
  organizer?: IdentitySet | null;
  /** @deprecated Limited to 130 entries and stops returning data on 2026-06-30; use `participants_v2`. */
  participants?: IdentitySet[] | null;
  /** Expanded by default by the callRecord methods. */
  organizer_v2?: CallRecordOrganizer | null;
  participants_v2?: CallRecordParticipant[] | null;
  sessions?: CallRecordSession[];
  /** Sessions come 60 per page; the rest via this opaque link (§3.4). */
  'sessions@odata.nextLink'?: string;
  /** Expanded participants come 130 per page; the rest via this opaque link (§3.4). */
  'participants_v2@odata.nextLink'?: string;
};

/** A page of a Graph collection; follow `@odata.nextLink` as given (opaque). */
export type CallRecordsPage<T> = { value: T[]; '@odata.nextLink'?: string };

// ---- Light runtime check of what the app reads (loose: unknown keys pass through) ----
const dateTime = z.iso.datetime({ offset: true });
const timed = { id: z.string().min(1), startDateTime: dateTime, endDateTime: dateTime };
const sessionSummarySchema = z.looseObject({ ...timed, modalities: z.array(z.string()) });

export const callRecordSummarySchema = z.looseObject({
  ...timed,
  version: z.int().min(0),
  type: z.string(),
  modalities: z.array(z.string()),
  lastModifiedDateTime: dateTime,
  joinWebUrl: z.string().nullish(),
  sessions: z.array(sessionSummarySchema).optional(),
  'sessions@odata.nextLink': z.string().optional(),
});
export type CallRecordSummary = z.infer<typeof callRecordSummarySchema>;

/** Schema of one page of a collection, e.g. `callRecordsPageSchema(callRecordSummarySchema)`. */
export function callRecordsPageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({ value: z.array(item), '@odata.nextLink': z.string().optional() });
}
