/**
 * Calls one AppApi method from inside a signed-in page, over the same WebSocket route the UI uses (the
 * session cookie goes along; the Origin is the page's own). Lets a browser test read the core's state, e.g.
 * "getSettings is unchanged", without a second way into the app.
 */
import type { Page } from 'playwright-core';

export interface PageApiResult<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

export async function callAppApiInPage<T>(page: Page, method: string, req?: unknown, timeoutMs = 10_000): Promise<PageApiResult<T>> {
  return page.evaluate(
    ({ method, req, timeoutMs }) =>
      new Promise<PageApiResult<T>>((resolve, reject) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/ws`);
        const timer = setTimeout(() => {
          ws.close();
          reject(new Error(`${method} did not answer within ${timeoutMs} ms`));
        }, timeoutMs);
        ws.onopen = () => ws.send(JSON.stringify({ id: 1, method, req }));
        ws.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { id?: number; result?: PageApiResult<T> };
          if (message.id !== 1) return; // pushed events
          clearTimeout(timer);
          ws.close();
          resolve(message.result!);
        };
        ws.onerror = () => {
          clearTimeout(timer);
          reject(new Error(`WebSocket to ${location.origin} refused`));
        };
      }),
    { method, req, timeoutMs },
  );
}
