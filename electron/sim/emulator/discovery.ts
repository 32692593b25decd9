/**
 * The metadata documents MSAL may fetch (../shared/reference/graph-api.md §6.4): instance discovery
 * (`/common/discovery/instance`), the tenant's OpenID configuration and its signing keys (JWKS). With a
 * real cloud authority MSAL uses its hardcoded metadata and fetches none of these; they are served so any
 * other configuration (e.g. `knownAuthorities` pointing at the emulator) works too. Endpoints in them point
 * at the emulator itself.
 */
import { sendJson, type RequestContext } from './http';

export function handleInstanceDiscovery(ctx: RequestContext): void {
  const base = ctx.state.baseUrl;
  const host = new URL(base).host;
  sendJson(ctx, 200, {
    tenant_discovery_endpoint: `${base}/${ctx.state.tenantId}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [
      { preferred_network: host, preferred_cache: host, aliases: [host] },
      {
        preferred_network: 'login.microsoftonline.com',
        preferred_cache: 'login.windows.net',
        aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
      },
      {
        preferred_network: 'login.microsoftonline.us',
        preferred_cache: 'login.microsoftonline.us',
        aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'],
      },
    ],
  });
}

export function handleOpenIdConfiguration(ctx: RequestContext, tenant: string): void {
  const base = ctx.state.baseUrl;
  const tenantId = ctx.state.tenantId;
  if (tenant.toLowerCase() !== tenantId && tenant !== 'common' && tenant !== 'organizations') {
    sendJson(ctx, 400, { error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${tenant}' not found.` });
    return;
  }
  sendJson(ctx, 200, {
    token_endpoint: `${base}/${tenantId}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${tenantId}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${tenantId}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/${tenantId}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/${tenantId}/oauth2/v2.0/logout`,
    tenant_region_scope: 'NA',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
  });
}

export function handleJwks(ctx: RequestContext): void {
  const { publicKey, keyId } = ctx.state.signingKey;
  const jwk = publicKey.export({ format: 'jwk' });
  sendJson(ctx, 200, {
    keys: [{ kty: 'RSA', use: 'sig', kid: keyId, x5t: keyId, n: jwk.n, e: jwk.e, issuer: `https://sts.windows.net/${ctx.state.tenantId}/` }],
  });
}
