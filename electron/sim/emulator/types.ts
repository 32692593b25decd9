/**
 * Shapes shared by the emulator's modules and its callers (tests, the CLI, the demo).
 * Route names are what faults and rate limits are keyed by: a fault or a limit applies to one route.
 */
export const EMULATOR_ROUTES = [
  'token',
  'discovery',
  'quality',
  'callRecords.list',
  'callRecords.get',
  'callRecords.sessions',
  'callRecords.participants',
] as const;
export type EmulatorRoute = (typeof EMULATOR_ROUTES)[number];

/** The two application permissions the app needs (../shared/reference/graph-api.md §1.1, §3.1). */
export const PERMISSION_CALLS_ACCESS_MEDIA = 'Calls.AccessMedia.All';
export const PERMISSION_CALL_RECORDS_READ = 'CallRecords.Read.All';
export const DEFAULT_GRANTED_ROLES: readonly string[] = [PERMISSION_CALLS_ACCESS_MEDIA, PERMISSION_CALL_RECORDS_READ];

/**
 * One scripted misbehaviour. Applied to the next matching requests (after `after` of them pass untouched),
 * `times` times. A fault with only `delayMs` slows the request down and then lets it through.
 */
export interface FaultSpec {
  route: EmulatorRoute | '*';
  /** Answer with this status (Graph's or Entra's error JSON, by route). */
  status?: number;
  /** Retry-After header: delta-seconds (number or digits) or an HTTP-date string. */
  retryAfter?: number | string;
  /** error.code to answer with; defaults by status (429 → TooManyRequests). */
  code?: string;
  message?: string;
  /** Wait this long before answering (or before handling normally). */
  delayMs?: number;
  /** Destroy the connection without an answer (the client sees a reset / "other side closed"). */
  reset?: boolean;
  /** Answer `status` (default 200) with a body that claims JSON but is cut off. */
  malformedBody?: boolean;
  /** How many requests this fault applies to (default 1). */
  times?: number;
  /** Let this many matching requests through first (default 0), e.g. to fail the 2nd page only. */
  after?: number;
}

/** Fixed-window limit for one route: at most `requests` per `windowSeconds`, then 429 + Retry-After. */
export interface RateLimitSpec {
  requests: number;
  windowSeconds: number;
  /** error.code of the 429; Graph uses TooManyRequests (and activityLimitReached on some workloads, §4.2). */
  code?: string;
}

/** One accepted logTeleconferenceDeviceQuality body, as `GET /_emulator/received` lists it. */
export interface ReceivedReport {
  receivedAt: string;
  apiVersion: 'v1.0' | 'beta';
  userAgent: string;
  clientRequestId?: string;
  requestId: string;
  /** The parsed, validated body: `{ quality: {...} }`. */
  body: unknown;
}

export interface EmulatorStats {
  tokensIssued: number;
  /** Requests seen per route (including the faulted and throttled ones). */
  requests: Record<EmulatorRoute, number>;
}
