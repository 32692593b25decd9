/**
 * Graph's gate in front of every API route: a valid bearer token (401 `InvalidAuthenticationToken`
 * otherwise, with Graph's WWW-Authenticate challenge) carrying the application permission the route needs
 * (403 naming the missing role, so an operator can be told which admin consent is missing).
 */
import { verifyAccessToken } from './accessTokens';
import { header, sendGraphError, type RequestContext } from './http';

const CHALLENGE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", ' +
  'client_id="00000003-0000-0000-c000-000000000000"';

/** True when the request may proceed; otherwise the 401/403 has been sent. */
export async function authorizeGraph(ctx: RequestContext, requiredRole: string): Promise<boolean> {
  const check = await verifyAccessToken(ctx.state, header(ctx.req, 'authorization'));
  if (!check.ok) {
    sendGraphError(ctx, 401, 'InvalidAuthenticationToken', check.message, { headers: { 'www-authenticate': CHALLENGE } });
    return false;
  }
  if (!check.roles.includes(requiredRole)) {
    sendGraphError(
      ctx,
      403,
      'Authorization_RequestDenied',
      `Insufficient privileges to complete the operation. The application lacks the application permission ` +
        `'${requiredRole}' (grant it and give admin consent in Entra ID).`,
    );
    return false;
  }
  return true;
}
