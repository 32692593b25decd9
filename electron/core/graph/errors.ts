/**
 * What a failed Graph (or Entra) call means for the caller. The outbox decides on `retryable` alone, so
 * the classification lives here, next to its sources: ../shared/reference/graph-api.md §4 (throttling, errors) and the
 * outbox design (408, 429, 5xx, network errors and timeouts are retryable; other 4xx are permanent).
 */
export type GraphFailureKind =
  | 'http' // Graph answered with a non-2xx status
  | 'network' // connection refused / reset / DNS: no HTTP answer at all
  | 'timeout' // no complete answer within the client's timeout
  | 'auth' // no token could be acquired (wrong secret, missing certificate, unknown tenant)
  | 'unavailable'; // the API does not exist in this cloud (China) or the configuration is missing

export interface GraphErrorInfo {
  kind: GraphFailureKind;
  /** HTTP status when Graph answered. */
  status?: number;
  /** Graph's `error.code` (or Entra's `error`), what to branch on. */
  code: string;
  /** Graph's `error.message`: shown to the operator, never parsed. */
  message: string;
  requestId?: string;
  clientRequestId?: string;
  /** Parsed Retry-After (seconds or HTTP-date) in ms from the moment the response arrived. */
  retryAfterMs?: number;
  retryable: boolean;
  /** For 403: the application permission the token lacks, e.g. Calls.AccessMedia.All. */
  missingPermission?: string;
}

export class GraphError extends Error implements GraphErrorInfo {
  readonly kind: GraphFailureKind;
  readonly status?: number;
  readonly code: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;
  readonly missingPermission?: string;

  constructor(info: GraphErrorInfo) {
    super(info.message);
    this.name = 'GraphError';
    this.kind = info.kind;
    this.status = info.status;
    this.code = info.code;
    this.requestId = info.requestId;
    this.clientRequestId = info.clientRequestId;
    this.retryAfterMs = info.retryAfterMs;
    this.retryable = info.retryable;
    this.missingPermission = info.missingPermission;
  }

  toInfo(): GraphErrorInfo {
    return {
      kind: this.kind,
      status: this.status,
      code: this.code,
      message: this.message,
      requestId: this.requestId,
      clientRequestId: this.clientRequestId,
      retryAfterMs: this.retryAfterMs,
      retryable: this.retryable,
      missingPermission: this.missingPermission,
    };
  }
}

/** 408, 429 and every 5xx are worth another attempt; every other status is the request's own fault. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns ms to wait from `nowMs`,
 * or undefined when absent or unparseable. No upper cap: Graph has been seen to ask for 315 s and the
 * outbox honours whatever it is asked (the row waits; it does not spin).
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - nowMs);
}
