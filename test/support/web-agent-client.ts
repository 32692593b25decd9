/**
 * The AppApi of an agent started with `run --web` (a child process), as the browser UI reaches it: the
 * printed `web:` URL traded for the session cookie, then the renderer's own WebSocket client (`ws` stands in
 * for the browser's WebSocket, with the cookie and Origin a browser would send).
 */
import { WebSocket as NodeWebSocket } from 'ws';
import { createWebSocketClient, type WebSocketAppClient } from '../../renderer/src/api/ws-client';

export async function connectWebAgent(webUrl: string): Promise<WebSocketAppClient> {
  const signIn = await fetch(webUrl, { redirect: 'manual' });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  if (signIn.status !== 302 || cookie === undefined) throw new Error(`sign-in at ${webUrl} answered ${signIn.status}`);
  const { origin, host } = new URL(webUrl);
  return createWebSocketClient({
    url: `ws://${host}/api/ws`,
    // A test double for the DOM WebSocket: ws implements the members the client uses.
    createSocket: (url) => new NodeWebSocket(url, { headers: { cookie }, origin }) as unknown as WebSocket,
  });
}
