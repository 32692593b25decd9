/**
 * `run --web --config F` as a child process, driven the way a browser tab (or a hostile local page that got
 * a session) drives it: a real HTTP client for the printed link and the real WebSocket for AppApi calls.
 * The IT file configures one room whose codec password is stored in it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startAgentProcess, type AgentProcess } from '../../support/agent-process';
import { makeTempDir } from '../../support/temp-dir';
import { exchange, openSocket, rawRequest, signIn, webEndpointOf, type WebEndpoint } from '../../support/web-server';

const SAVED_PASSWORD = 'saved-codec-secret-7';
// Nothing listens on the discard port: the collector's polls fail at once and send nothing anywhere.
const SAVED_URL = 'http://127.0.0.1:9';

let temp: ReturnType<typeof makeTempDir>;
let configFile: string;
let agent: AgentProcess;
let web: WebEndpoint;
let ws: WebSocket;
let trap: { server: Server; url: string; authorizations: (string | undefined)[] };
let nextId = 1;

/** `user:password` from an HTTP Basic header or an xAPI WebSocket `auth-…` subprotocol; undefined when neither. */
function credentialOf(authorization: string | undefined, subprotocols: string | undefined): string | undefined {
  if (authorization?.startsWith('Basic ')) return Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
  const auth = subprotocols?.split(',').map((p) => p.trim()).find((p) => p.startsWith('auth-'));
  if (auth === undefined) return undefined;
  return Buffer.from(auth.slice('auth-'.length).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

async function call(method: string, req?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string; details?: { path: string; message: string }[] } }> {
  const id = nextId++;
  return (await exchange(ws, JSON.stringify(req === undefined ? { id, method } : { id, method, req }), id)) as never;
}

beforeAll(async () => {
  // Any local listener: it records every credential that reaches it, as `user:password`, whichever way a
  // codec client carries it: HTTP Basic, or the xAPI WebSocket's `auth-<base64url>` subprotocol.
  const authorizations: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    authorizations.push(credentialOf(req.headers.authorization, req.headers['sec-websocket-protocol']));
    res.writeHead(401, { 'www-authenticate': 'Basic realm="trap"' }).end();
  });
  server.on('upgrade', (req, socket) => {
    authorizations.push(credentialOf(req.headers.authorization, req.headers['sec-websocket-protocol']));
    socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  trap = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, authorizations };

  temp = makeTempDir('vtc-run-web-');
  configFile = join(temp.dir, 'it-config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      rooms: [{ id: 'b30', name: 'Bldg 30', devices: [{ id: 'codec', kind: 'cisco-xapi', url: SAVED_URL, username: 'monitor', password: SAVED_PASSWORD, pollSeconds: 300 }] }],
    }),
  );
  agent = await startAgentProcess(['run', '--web', '--port', '0', '--ingest-port', '0', '--data-dir', join(temp.dir, 'data'), '--config', configFile], ['ingest', 'web']);
  web = webEndpointOf(agent.lines.get('web')!);
  const cookie = await signIn(web);
  ws = await openSocket(web, { cookie });
}, 60_000);

afterAll(async () => {
  ws?.close();
  await agent?.stop();
  await new Promise((done) => trap?.server.close(done));
  temp?.cleanup();
});

describe('run --web', () => {
  it('the printed web link signs in only once; a second use is refused with how to get a new link', async () => {
    const again = await rawRequest(web, `/?token=${web.accessToken}`);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('signs in only once');
    expect(again.body).toContain('restart the agent');
  });

  it('testDevice never sends the saved device password to another address or user name', async () => {
    const elsewhere = await call('testDevice', { deviceId: 'codec', url: trap.url, username: 'monitor', allowSelfSigned: false });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'password' }] } });
    const otherUser = await call('testDevice', { deviceId: 'codec', url: SAVED_URL, username: 'admin', allowSelfSigned: false });
    expect(otherUser).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'password' }] } });
    expect(trap.authorizations).toEqual([]);

    // A typed password goes where the operator typed it (so the trap above would have seen a leak).
    await call('testDevice', { deviceId: 'codec', url: trap.url, username: 'monitor', password: 'typed-now', allowSelfSigned: false });
    expect(trap.authorizations.length).toBeGreaterThan(0);
    for (const credential of trap.authorizations) {
      expect(credential).toBe('monitor:typed-now');
      expect(credential).not.toContain(SAVED_PASSWORD);
    }
  });

  it('"Try the demo" is refused while a configuration file manages the agent, and the agent keeps serving', async () => {
    const refused = await call('startDemo');
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(refused.error!.message).toContain(configFile);
    expect(await call('getAppInfo')).toMatchObject({ ok: true, value: { demo: false } });
    const health = await fetch(`${agent.lines.get('ingest')}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await call('getRooms')).toMatchObject({ ok: true });
  });
});
