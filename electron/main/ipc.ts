/**
 * The only file in the main process that touches ipcMain (../shared/design/examples-to-follow.md #2). One handler per AppApi
 * method, channel = method name; every call's sender frame is checked to be our own renderer before the
 * request reaches the host's dispatcher (which validates it against the shared schemas).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { APP_API_METHODS, type AppEventArgs } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import type { CoreHost } from '../core/app/host';

export const EVENT_CHANNEL_PREFIX = 'event:';

export function registerAppApiIpc(host: Pick<CoreHost, 'dispatch'>, isTrustedFrameUrl: (url: string) => boolean): void {
  for (const method of APP_API_METHODS) {
    ipcMain.handle(method, (event: IpcMainInvokeEvent, request: unknown) => {
      const frameUrl = event.senderFrame?.url;
      if (!frameUrl || !isTrustedFrameUrl(frameUrl)) {
        return fail('forbidden', 'This window is not allowed to call the monitor.');
      }
      return host.dispatch(method, request);
    });
  }
}

export function sendAppEvent(contents: WebContents, ...[event, payload]: AppEventArgs): void {
  if (!contents.isDestroyed()) contents.send(`${EVENT_CHANNEL_PREFIX}${event}`, payload);
}
