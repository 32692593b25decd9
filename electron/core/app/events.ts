/**
 * A tiny typed event hub for the AppApi's pushed events: the core publishes, each transport (Electron IPC,
 * WebSocket) subscribes once and forwards to its windows or sockets. Events are the contract's
 * discriminated union (AppEventArgs), so a listener narrows the payload by the event name.
 */
import type { AppEventArgs, AppEventListener } from '../../../shared/api/contract';

export type { AppEventListener };

export class AppEventHub {
  private readonly listeners = new Set<AppEventListener>();

  publish(...args: AppEventArgs): void {
    for (const listener of this.listeners) listener(...args);
  }

  subscribe(listener: AppEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
