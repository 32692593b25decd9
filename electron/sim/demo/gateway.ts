/**
 * Stands in for the Teams CVI partner's gateway in the demo: when a simulated codec starts a call, it posts
 * that call's Teams ids (a new callChainId and participantId) to our own ingest API, exactly as a real
 * gateway would (../shared/design/contracts.md `POST /api/v1/call-context`). Without it every demo report would wait in
 * `needs_context`.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../core/log/logger';
import type { DemoRoom } from './rooms';

export interface DemoGateway {
  /** Teams ids given so far, by `${deviceId}/${callId}`. */
  readonly contexts: ReadonlyMap<string, { callChainId: string; participantId: string }>;
  stop(): void;
}

export function startDemoGateway(options: { rooms: readonly DemoRoom[]; ingestUrl: string; token: string; log: Logger; checkIntervalMs?: number }): DemoGateway {
  const contexts = new Map<string, { callChainId: string; participantId: string }>();
  const posting = new Set<string>();

  const post = async (room: DemoRoom, callId: string): Promise<void> => {
    const key = `${room.deviceId}/${callId}`;
    const ids = { callChainId: randomUUID(), participantId: randomUUID() };
    posting.add(key);
    try {
      const response = await fetch(`${options.ingestUrl}/api/v1/call-context`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId: room.deviceId, callId, ...ids }),
      });
      if (response.ok) contexts.set(key, ids);
      else options.log.warn('demo gateway: call context refused', { status: response.status, body: await response.text() });
    } catch (error) {
      options.log.warn('demo gateway: ingest API unreachable', { error: (error as Error).message });
    } finally {
      posting.delete(key);
    }
  };

  const timer = setInterval(() => {
    for (const room of options.rooms) {
      const callId = room.simulator.currentCallId();
      if (callId === undefined) continue;
      const key = `${room.deviceId}/${callId}`;
      if (!contexts.has(key) && !posting.has(key)) void post(room, callId);
    }
  }, options.checkIntervalMs ?? 500);
  timer.unref();

  return { contexts, stop: () => clearInterval(timer) };
}
