/**
 * One request, in the order that keeps untrusted work smallest:
 *   Host (DNS rebinding) → route (404/405) → token (401) → Content-Type (415) → declared length (413)
 *   → streamed length (413) → JSON (400, quarantined) → schema (400, quarantined) → handler.
 * Nothing of the body is read before the sender is authenticated, so anonymous traffic costs no parsing
 * and never reaches the quarantine.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenStore } from '../tokens/token-store';
import type { IngestDeps } from './deps';
import { apiError, type ApiError } from './errors';
import { authenticate } from './guards/bearer';
import { checkDeclaredLength, tooLarge } from './guards/body-size';
import { checkJsonContentType } from './guards/content-type';
import { checkHost, type HostPolicy } from './guards/host';
import { parseJsonBody } from './guards/safe-json';
import type { Quarantine } from './quarantine';
import { readBodyLimited } from './read-body';
import { sendError, sendJson } from './respond';
import { matchRoute, type Route } from './routes';

export interface PipelineContext {
  deps: IngestDeps;
  tokens: Pick<TokenStore, 'verify'>;
  quarantine?: Quarantine;
  hostPolicy: () => HostPolicy;
  bodyLimitBytes: number;
}

export function createRequestHandler(context: PipelineContext): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const startedAt = performance.now();
    handle(context, request, response)
      .catch((error: unknown) => {
        context.deps.log?.('error', 'ingest request failed', { method: request.method, url: request.url, error: String(error) });
        sendError(request, response, apiError(500, 'internal_error', 'The server failed to handle the request; it was not stored.'));
      })
      .finally(() => {
        context.deps.log?.('debug', 'ingest request', {
          method: request.method,
          url: request.url,
          status: response.statusCode,
          durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
        });
      });
  };
}

async function handle(context: PipelineContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const fail = (error: ApiError): void => sendError(request, response, error);
  const host = checkHost(request.headers.host, context.hostPolicy());
  if (!host.ok) return fail(host.error);

  const match = matchRoute(request.method, request.url);
  if (match.kind === 'no_path') return fail(apiError(404, 'not_found', `No endpoint at ${String(request.url).slice(0, 200)}; see /api/v1/openapi.json.`));
  if (match.kind === 'no_method') {
    return fail(apiError(405, 'method_not_allowed', `Use ${match.allowed.join(' or ')} for this endpoint.`, [], { Allow: match.allowed.join(', ') }));
  }
  const route = match.route;

  let tokenName: string | undefined;
  if (route.auth) {
    const auth = authenticate(request.headers.authorization, context.tokens.verify);
    if (!auth.ok) return fail(auth.error);
    tokenName = auth.value;
  }

  const body = route.jsonBody ? await readJson(context, request, route, tokenName) : { ok: true as const, value: undefined };
  if (!body.ok) return fail(body.error);

  const outcome = route.handle({ body: body.value, deps: context.deps });
  if (outcome.ok) return sendJson(request, response, outcome.status, outcome.body);
  if (outcome.quarantineReason !== undefined) {
    keep(context, request, route, tokenName, outcome.quarantineReason, outcome.error, body.raw);
  }
  return fail(outcome.error);
}

type JsonRead = { ok: true; value: unknown; raw?: Buffer } | { ok: false; error: ApiError };

async function readJson(context: PipelineContext, request: IncomingMessage, route: Route, tokenName?: string): Promise<JsonRead> {
  const contentType = checkJsonContentType(request.headers['content-type']);
  if (!contentType.ok) return contentType;
  const declared = checkDeclaredLength(request.headers['content-length'], context.bodyLimitBytes);
  if (!declared.ok) return declared;
  const read = await readBodyLimited(request, context.bodyLimitBytes);
  if (!read.ok) {
    if (read.reason === 'too_large') return { ok: false, error: tooLarge(context.bodyLimitBytes) };
    return { ok: false, error: apiError(400, 'aborted', 'The request body was not received completely.') };
  }
  const parsed = parseJsonBody(read.body);
  if (!parsed.ok) {
    keep(context, request, route, tokenName, parsed.error.code, parsed.error, read.body);
    return parsed;
  }
  return { ok: true, value: parsed.value, raw: read.body };
}

function keep(context: PipelineContext, request: IncomingMessage, route: Route, tokenName: string | undefined, reasonCode: string, error: ApiError, body: Buffer | undefined): void {
  if (!context.quarantine || !body) return;
  try {
    context.quarantine.add({
      receivedAt: context.deps.now(),
      endpoint: `${route.method} ${route.path}`,
      remoteAddress: request.socket.remoteAddress,
      tokenName,
      reasonCode,
      issues: error.details.length > 0 ? error.details : [{ path: '', message: error.message }],
      body,
    });
  } catch (failure) {
    // Losing a copy of a refused body is not worth failing the answer to its sender.
    context.deps.log?.('warn', 'could not quarantine a refused body', { error: String(failure) });
  }
}
