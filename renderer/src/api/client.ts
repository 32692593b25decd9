/**
 * Which transport the UI talks to (../shared/design/architecture.md rule 2: the renderer does not know which one it is).
 * In Electron the preload exposes exactly an AppApiClient as `window.api`; in a browser served by the
 * headless agent there is none, and the WebSocket client carries the same contract.
 */
import type { AppApiClient } from '../../../shared/api/contract';
import { createWebSocketClient } from './ws-client';

let webSocketClient: AppApiClient | undefined;

export function getApiClient(): AppApiClient {
  if (window.api !== undefined) return window.api;
  // One socket per page: every store shares it.
  webSocketClient ??= createWebSocketClient();
  return webSocketClient;
}
