/**
 * The narrow interfaces the rest of the core depends on, so the outbox and the call-records service can be
 * tested against the real client and the emulator, and the client can change without touching them.
 */
import type { TeleconferenceDeviceQuality } from '../../../shared/graph/quality';

export interface SendOptions {
  /** A fresh GUID per attempt (../shared/reference/graph-api.md §4.4) so a duplicate delivery can be traced in Graph's logs. */
  clientRequestId?: string;
  signal?: AbortSignal;
}

export interface QualitySendResult {
  status: number;
  requestId?: string;
  clientRequestId: string;
  durationMs: number;
}

/** Sends one report. Resolves on 2xx; rejects with a GraphError (see errors.ts) otherwise. */
export interface QualitySender {
  logTeleconferenceDeviceQuality(quality: TeleconferenceDeviceQuality, options?: SendOptions): Promise<QualitySendResult>;
}
