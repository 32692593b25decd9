/**
 * A Poly VideoOS REST session (../shared/reference/poly-videoos.md §2): log in once with `POST /rest/current/session`, send
 * `Cookie: session_id=<sessionId>` on every request, and on VideoOS 4.6.2+ echo the `XSRF-TOKEN` cookie
 * both as cookie and as `X-XSRF-TOKEN` header, taking a new value from any response that sets it.
 *
 * 401 or 403 (expired or unknown session, e.g. after the codec's REST service restarted): log in once and
 * retry the request once. A refused login is `auth_failed` and is not retried here: the collector backs off
 * for minutes, so a wrong password never feeds the device's lockout counter. Never a login per request.
 * `close()` deletes the session: sessions a client never closes stay listed on the device (§2.5).
 */
import { z } from 'zod';
import { DeviceRequestError } from '../errors';
import type { JsonClient, JsonResponse } from './http';

const SESSION_PATH = '/rest/current/session';

const loginResponseSchema = z.object({
  success: z.boolean().optional(),
  reason: z.string().optional(),
  session: z.object({ sessionId: z.string().min(1) }).optional(),
});

export interface PolySession {
  /** GET with the session; answers 2xx and 404 (the caller decides), throws DeviceRequestError otherwise. */
  get(path: string): Promise<JsonResponse>;
  /** Logins performed so far (tests: never one per request). */
  readonly logins: number;
  close(): Promise<void>;
}

export function createPolySession(options: { client: JsonClient; username: string; password: string }): PolySession {
  const { client } = options;
  let sessionId: string | undefined;
  let xsrfToken: string | undefined;
  let logins = 0;

  const remember = (response: JsonResponse): void => {
    const token = response.cookies.get('XSRF-TOKEN');
    if (token !== undefined && token !== '') xsrfToken = token;
  };

  const headers = (): Record<string, string> => {
    const cookies: string[] = [];
    if (sessionId !== undefined) cookies.push(`session_id=${sessionId}`);
    if (xsrfToken !== undefined) cookies.push(`XSRF-TOKEN=${xsrfToken}`);
    return {
      ...(cookies.length > 0 && { Cookie: cookies.join('; ') }),
      ...(xsrfToken !== undefined && { 'X-XSRF-TOKEN': xsrfToken }),
    };
  };

  const login = async (): Promise<void> => {
    sessionId = undefined;
    logins += 1;
    const response = await client.request({ method: 'POST', path: SESSION_PATH, body: { user: options.username, password: options.password }, headers: headers() });
    remember(response);
    const parsed = loginResponseSchema.safeParse(response.body);
    const body = parsed.success ? parsed.data : {};
    if (response.status >= 200 && response.status < 300 && body.success === true && body.session !== undefined) {
      sessionId = body.session.sessionId;
      return;
    }
    const reason = body.reason ?? `HTTP ${response.status}`;
    if (reason === 'SessionPortLockout') {
      throw new DeviceRequestError('auth_failed', 'sign-in refused: the codec has locked the account after too many failures (SessionPortLockout); waiting before trying again', response.status);
    }
    if (response.status >= 500) throw new DeviceRequestError('error', `sign-in failed: HTTP ${response.status}`, response.status);
    throw new DeviceRequestError('auth_failed', `sign-in refused (${reason}): check the device user name and password`, response.status);
  };

  const send = async (path: string): Promise<JsonResponse> => {
    const response = await client.request({ method: 'GET', path, headers: headers() });
    remember(response);
    return response;
  };

  return {
    async get(path) {
      if (sessionId === undefined) await login();
      let response = await send(path);
      if (response.status === 401 || response.status === 403) {
        await login();
        response = await send(path);
        if (response.status === 401 || response.status === 403) {
          sessionId = undefined;
          throw new DeviceRequestError('auth_failed', `authentication failed (HTTP ${response.status}) right after signing in: the account may lack the administrator role`, response.status);
        }
      }
      if ((response.status >= 200 && response.status < 300) || response.status === 404) return response;
      throw new DeviceRequestError('error', `unexpected HTTP ${response.status} from ${path}`, response.status);
    },
    get logins() {
      return logins;
    },
    async close() {
      if (sessionId === undefined) return;
      try {
        await client.request({ method: 'DELETE', path: SESSION_PATH, headers: headers() });
      } catch {
        // The codec may be gone; its session then expires on its own.
      }
      sessionId = undefined;
    },
  };
}
