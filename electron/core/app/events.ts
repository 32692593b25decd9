/**
 * A tiny typed event hub for the AppApi's pushed events: the core publishes, each transport (Electron IPC,
 * WebSocket) subscribes once and forwards to its windows or sockets.
 */
import type { AppEventName, AppEventSpec } from '../../../shared/api/contract';

export type AppEventListener = <E extends AppEventName>(event: E, payload: AppEventSpec[E]) => void;

export class AppEventHub {
  private readonly listeners = new Set<AppEventListener>();

  publish<E extends AppEventName>(event: E, payload: AppEventSpec[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: AppEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
