/**
 * The only file in the preload that touches ipcRenderer (examples-to-follow #2, #4): typed invoke and
 * subscribe helpers. The IpcRendererEvent never reaches the page; subscriptions return an unsubscribe.
 */
import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppApiMethod, AppEventName, AppEventSpec, AppRequest, AppResponse } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

const EVENT_CHANNEL_PREFIX = 'event:';

export function invoke<M extends AppApiMethod>(method: M, request: AppRequest<M>): Promise<Result<AppResponse<M>>> {
  return ipcRenderer.invoke(method, request) as Promise<Result<AppResponse<M>>>;
}

export function subscribe<E extends AppEventName>(event: E, listener: (payload: AppEventSpec[E]) => void): () => void {
  const channel = `${EVENT_CHANNEL_PREFIX}${event}`;
  const wrapped = (_event: IpcRendererEvent, payload: AppEventSpec[E]): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}
