/// <reference types="vite/client" />
/**
 * The Electron preload exposes exactly an AppApiClient as `window.api` (../shared/design/examples-to-follow.md #3: the type is
 * declared from the shared contract, never asserted with `as`). In a plain browser it is absent.
 */
import type { AppApiClient } from '../../shared/api/contract';

declare global {
  interface Window {
    api?: AppApiClient;
  }
}

export {};
