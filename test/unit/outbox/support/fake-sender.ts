/**
 * An in-test QualitySender (our own interface, graph/types.ts): every call waits until the test answers it,
 * so a test decides exactly when and how each request finishes.
 */
import { GraphError, type GraphErrorInfo } from '../../../../electron/core/graph/errors';
import type { QualitySender, QualitySendResult, SendOptions } from '../../../../electron/core/graph/types';
import type { TeleconferenceDeviceQuality } from '../../../../shared/graph/quality';

export interface SentCall {
  quality: TeleconferenceDeviceQuality;
  clientRequestId: string;
  signal?: AbortSignal;
  succeed(status?: number): void;
  fail(error: Partial<GraphErrorInfo> & Pick<GraphErrorInfo, 'kind'>): void;
  /** Rejects with anything, e.g. a plain Error (a bug below the worker). */
  reject(error: unknown): void;
  settled: boolean;
}

export class FakeSender implements QualitySender {
  readonly calls: SentCall[] = [];
  /** When set, calls are answered at once by this function instead of waiting for the test. */
  autoAnswer?: (call: SentCall) => void;
  private waiters: (() => void)[] = [];

  logTeleconferenceDeviceQuality(quality: TeleconferenceDeviceQuality, options: SendOptions = {}): Promise<QualitySendResult> {
    return new Promise((resolve, reject) => {
      const clientRequestId = options.clientRequestId ?? 'none';
      const call: SentCall = {
        quality,
        clientRequestId,
        signal: options.signal,
        settled: false,
        succeed: (status = 200) => {
          call.settled = true;
          resolve({ status, requestId: `req-${clientRequestId}`, clientRequestId, durationMs: 1 });
        },
        fail: (info) => {
          call.settled = true;
          reject(graphError(info));
        },
        reject: (error) => {
          call.settled = true;
          reject(error);
        },
      };
      this.calls.push(call);
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
      this.autoAnswer?.(call);
    });
  }

  open(): SentCall[] {
    return this.calls.filter((call) => !call.settled);
  }

  /** Resolves once at least `count` calls have been made in total. */
  async waitForCalls(count: number): Promise<SentCall[]> {
    while (this.calls.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.calls;
  }
}

export function graphError(info: Partial<GraphErrorInfo> & Pick<GraphErrorInfo, 'kind'>): GraphError {
  return new GraphError({
    code: info.code ?? 'error',
    message: info.message ?? `failed (${info.status ?? info.kind})`,
    retryable: info.retryable ?? false,
    ...info,
  });
}
