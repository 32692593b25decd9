/**
 * `POST /{tenant}/oauth2/v2.0/token`, grant `client_credentials` only (the daemon flow MSAL's
 * acquireTokenByClientCredential uses, ../shared/reference/graph-api.md §6). Credentials: `client_secret`, or a
 * `client_assertion` JWT signed by a registered certificate (clientAssertion.ts). Errors use Entra's status
 * and shape: 400 for a bad request / unknown app or tenant, 401 `invalid_client` for a wrong credential.
 * MSAL sends `client-request-id` in the query string and the body; it becomes the correlation id.
 */
import { GRAPH_RESOURCES, issueAccessToken } from './accessTokens';
import { verifyClientAssertion } from './clientAssertion';
import { header, readBody, sendEntraError, sendJson, type RequestContext } from './http';
import { secretMatches } from './registry';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export async function handleToken(ctx: RequestContext, tenant: string): Promise<void> {
  const { state } = ctx;
  if (ctx.method !== 'POST') {
    return sendEntraError(ctx, 405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
  }
  if (tenant.toLowerCase() !== state.tenantId) {
    return sendEntraError(ctx, 400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  if (!(header(ctx.req, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return sendEntraError(ctx, 400, 'invalid_request', 900144, "The request body must be form-urlencoded and contain the following parameter: 'grant_type'.");
  }
  const form = new URLSearchParams(await readBody(ctx.req, 65_536));
  const grantType = form.get('grant_type');
  const clientId = form.get('client_id');
  const scope = form.get('scope');
  if (!grantType) return missing(ctx, 'grant_type');
  if (grantType !== 'client_credentials') {
    return sendEntraError(ctx, 400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
  }
  if (!clientId) return missing(ctx, 'client_id');
  if (!scope) return missing(ctx, 'scope');
  const app = state.directory.find(clientId);
  if (!app) {
    return sendEntraError(ctx, 400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${state.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`);
  }
  const scopes = scope.split(' ').filter((part) => part !== '');
  const resource = scopes.length === 1 && scopes[0]?.endsWith('/.default') ? scopes[0].slice(0, -'/.default'.length) : undefined;
  if (resource === undefined) {
    return sendEntraError(ctx, 400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  if (!GRAPH_RESOURCES.includes(resource)) {
    return sendEntraError(ctx, 400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${state.tenantId}.`);
  }

  let credentialType: 'secret' | 'certificate';
  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if (secret !== null) {
    if (!secretMatches(app, secret)) {
      return sendEntraError(ctx, 401, 'invalid_client', 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + app.clientId + "'.");
    }
    credentialType = 'secret';
  } else if (assertion !== null) {
    if (form.get('client_assertion_type') !== JWT_BEARER) {
      return sendEntraError(ctx, 400, 'invalid_request', 900144, `The request body must contain the following parameter: 'client_assertion_type' with the value '${JWT_BEARER}'.`);
    }
    const check = await verifyClientAssertion(assertion, app, state.tenantId, state.baseUrl, state.now());
    if (!check.ok) return sendEntraError(ctx, 401, 'invalid_client', check.aadstsCode, check.description);
    credentialType = 'certificate';
  } else {
    return sendEntraError(ctx, 401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }

  const issued = await issueAccessToken(state, { clientId: app.clientId, roles: app.roles, resource, credentialType, appDisplayName: app.displayName });
  sendJson(ctx, 200, {
    token_type: 'Bearer',
    expires_in: issued.expiresInSeconds,
    ext_expires_in: issued.expiresInSeconds,
    access_token: issued.accessToken,
  }, { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' });
}

function missing(ctx: RequestContext, parameter: string): void {
  sendEntraError(ctx, 400, 'invalid_request', 900144, `The request body must contain the following parameter: '${parameter}'.`);
}
