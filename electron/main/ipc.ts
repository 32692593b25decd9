/**
 * The only file in the main process that touches ipcMain (examples-to-follow #2). One handler per AppApi
 * method, channel = method name; every call's sender frame is checked to be our own renderer before the
 * request reaches the dispatcher (which validates it against the shared schemas).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { APP_API_METHODS, type AppEventName, type AppEventSpec } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import type { Dispatch } from '../core/api/dispatch';

export const EVENT_CHANNEL_PREFIX = 'event:';

export function registerAppApiIpc(dispatch: Dispatch, isTrustedFrameUrl: (url: string) => boolean): void {
  for (const method of APP_API_METHODS) {
    ipcMain.handle(method, (event: IpcMainInvokeEvent, request: unknown) => {
      const frameUrl = event.senderFrame?.url;
      if (!frameUrl || !isTrustedFrameUrl(frameUrl)) {
        return fail('forbidden', 'This window is not allowed to call the monitor.');
      }
      return dispatch(method, request);
    });
  }
}

export function sendAppEvent<E extends AppEventName>(contents: WebContents, event: E, payload: AppEventSpec[E]): void {
  if (!contents.isDestroyed()) contents.send(`${EVENT_CHANNEL_PREFIX}${event}`, payload);
}
