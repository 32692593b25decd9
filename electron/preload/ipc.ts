/**
 * The only file in the preload that touches ipcRenderer (../shared/design/examples-to-follow.md #2, #4): the typed call and
 * subscribe the shared client is built from. The IpcRendererEvent never reaches the page; subscriptions
 * return an unsubscribe.
 */
import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppCall, AppEventName, AppEventSpec } from '../../shared/api/contract';

const EVENT_CHANNEL_PREFIX = 'event:';

// ipcRenderer.invoke answers `any`: the main process's dispatcher answers channel M with a Result of AppResponse<M>.
export const invoke: AppCall = (method, request) => ipcRenderer.invoke(method, request);

export function subscribe<E extends AppEventName>(event: E, listener: (payload: AppEventSpec[E]) => void): () => void {
  const channel = `${EVENT_CHANNEL_PREFIX}${event}`;
  const wrapped = (_event: IpcRendererEvent, payload: AppEventSpec[E]): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}
