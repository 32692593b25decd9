/**
 * `POST /{v1.0|beta}/communications/calls/logTeleconferenceDeviceQuality` (../shared/reference/graph-api.md
 * §1.1): needs `Calls.AccessMedia.All`, a `User-Agent` ("Required"), a JSON body. The body is checked
 * against Microsoft's CSDL (csdl/graph-v1.0-fragments.xml), not the product's own schema: every violation is
 * listed (path: reason in the OData library's words) in `error.message` and one per entry in
 * `error.details` with the path as `target`. Success is 200 with an empty body; the accepted body is kept for
 * `GET /_emulator/received` and, when publishing is on, becomes a callRecord a short while later
 * (callRecordPublisher.ts).
 */
import type { TeleconferenceDeviceQuality } from '../../../shared/graph/quality';
import { graphCsdl, validateActionBody } from './csdl/index';
import { authorizeGraph } from './graphAuth';
import { BodyTooLargeError, header, readBody, sendEmpty, sendGraphError, type RequestContext } from './http';
import { PERMISSION_CALLS_ACCESS_MEDIA } from './types';

const ACTION = 'logTeleconferenceDeviceQuality';

export async function handleQuality(ctx: RequestContext, apiVersion: 'v1.0' | 'beta'): Promise<void> {
  if (ctx.method !== 'POST') {
    return sendGraphError(ctx, 405, 'Request_BadRequest', `The HTTP method '${ctx.method}' is not allowed for this action; use POST.`);
  }
  if (!(await authorizeGraph(ctx, PERMISSION_CALLS_ACCESS_MEDIA))) return;
  const userAgent = header(ctx.req, 'user-agent')?.trim() ?? '';
  if (userAgent === '') {
    return sendGraphError(ctx, 400, 'BadRequest', 'The User-Agent header is required: the name and version of the calling application, e.g. ApplicationName/Version.');
  }
  const contentType = (header(ctx.req, 'content-type') ?? '').toLowerCase();
  if (!/^application\/json(\s*;|$)/.test(contentType)) {
    return sendGraphError(ctx, 415, 'UnsupportedMediaType', `Content-Type '${contentType || '(none)'}' is not supported; send application/json.`);
  }
  let text: string;
  try {
    text = await readBody(ctx.req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendGraphError(ctx, 413, 'RequestEntityTooLarge', error.message);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return sendGraphError(ctx, 400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
  const issues = validateActionBody(graphCsdl(), ACTION, json);
  if (issues.length > 0) {
    const lines = issues.map((issue) => `${issue.path === '' ? '(body)' : issue.path}: ${issue.message}`);
    return sendGraphError(ctx, 400, 'BadRequest', `Invalid request body: ${lines.join('; ')}`, {
      details: issues.map((issue) => ({ code: 'InvalidValue', message: issue.message, target: issue.path })),
    });
  }
  // The CSDL check passed, so the body has the action's parameter with the quality type's property names and
  // JSON types; the callRecord built from it tolerates values outside the product's ranges.
  const body = json as { quality: TeleconferenceDeviceQuality };
  ctx.state.received.push({
    receivedAt: new Date(ctx.state.now()).toISOString(),
    apiVersion,
    userAgent,
    clientRequestId: header(ctx.req, 'client-request-id'),
    requestId: ctx.requestId,
    body,
  });
  ctx.state.publisher.reportAccepted(body.quality);
  sendEmpty(ctx, 200);
}
