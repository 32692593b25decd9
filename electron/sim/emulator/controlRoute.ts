/**
 * The HTTP control API under `/_emulator/` (../shared/design/contracts.md "Emulator"): `GET received`,
 * `POST faults` (`DELETE faults` clears), `POST call-records` (seed; `{ records, replace? }` or an array),
 * `GET call-records` (a summary), `POST call-records/{id}/versions` (an updated version of a record:
 * `{ version?, set?, streams? }`, see callRecordVersions.ts), `POST call-record-publishing` (`{ delayMs, disagree? }` or `{ enabled: false }`:
 * a callRecord per accepted report, see callRecordPublisher.ts), `POST reset`, `POST rate-limits`, `POST roles`,
 * `POST certificates` (a PEM certificate, or `{ pem, clientId? }`: a certificate credential on an app, the demo
 * app by default), `GET stats`, `GET info`.
 * Bodies are validated; a bad one gets 400 with every problem listed. No authentication: the emulator
 * listens on 127.0.0.1 and holds nothing real.
 */
import { z } from 'zod';
import { callRecordSummarySchema, type CallRecord } from '../../../shared/graph/callRecords';
import { validate, formatIssues } from '../../../shared/validation';
import { isRetained } from './callRecordStore';
import type { EmulatorControl } from './control';
import { callRecordVersionSchema } from './callRecordVersions';
import { faultRequestSchema } from './faults';
import { readBody, sendEmpty, sendJson, type RequestContext } from './http';
import { rateLimitRequestSchema } from './rateLimit';

const callRecordsRequestSchema = z.union([
  z.array(callRecordSummarySchema).transform((records) => ({ records, replace: false })),
  z.strictObject({ records: z.array(callRecordSummarySchema), replace: z.boolean().default(false) }),
]);
const publishingRequestSchema = z.union([
  z.strictObject({ enabled: z.literal(false) }),
  z.strictObject({
    enabled: z.literal(true).optional(),
    delayMs: z.int().min(0).max(86_400_000),
    disagree: z.union([z.literal('all'), z.array(z.string().min(1))]).optional(),
  }),
]);
const rolesRequestSchema = z.strictObject({ clientId: z.string().optional(), roles: z.array(z.string()) });
const certificateRequestSchema = z.strictObject({ pem: z.string().min(1, { message: 'must be a PEM certificate' }), clientId: z.string().min(1).optional() });

const RECORD_VERSIONS = /^call-records\/([^/]+)\/versions$/;

export async function handleControl(ctx: RequestContext, control: EmulatorControl, action: string): Promise<void> {
  const versions = RECORD_VERSIONS.exec(action);
  if (ctx.method === 'POST' && versions) return publishVersion(ctx, control, decodeURIComponent(versions[1] as string));
  const key = `${ctx.method} ${action}`;
  switch (key) {
    case 'GET received':
      return sendJson(ctx, 200, { value: control.received() });
    case 'GET stats':
      return sendJson(ctx, 200, control.stats());
    case 'GET info':
      return sendJson(ctx, 200, {
        url: ctx.state.baseUrl,
        tenantId: ctx.state.tenantId,
        clientId: ctx.state.demoApp.clientId,
        clientSecret: ctx.state.demoApp.secrets[0],
        grantedRoles: ctx.state.demoApp.roles,
      });
    case 'GET call-records':
      return sendJson(ctx, 200, {
        value: control.callRecords().map((record) => ({
          id: record.id,
          version: record.version,
          startDateTime: record.startDateTime,
          sessions: record.sessions?.length ?? 0,
          retained: isRetained(record, ctx.state.now()),
        })),
      });
    case 'POST reset':
      control.reset();
      return sendEmpty(ctx, 204);
    case 'DELETE faults':
      control.clearFaults();
      return sendEmpty(ctx, 204);
    case 'POST faults':
      return withBody(ctx, faultRequestSchema, (faults) => {
        control.injectFaults(...faults);
        sendJson(ctx, 200, { queued: faults.length, pending: ctx.state.faults.pendingCount() });
      });
    case 'POST call-records':
      return withBody(ctx, callRecordsRequestSchema, ({ records, replace }) => {
        // The loose schema checks what the app reads and lets every other property through.
        control.seedCallRecords(records as unknown as CallRecord[], { replace });
        sendJson(ctx, 200, { count: records.length, total: control.callRecords().length });
      });
    case 'POST call-record-publishing':
      return withBody(ctx, publishingRequestSchema, (body) => {
        control.setCallRecordPublishing('delayMs' in body ? { delayMs: body.delayMs, disagree: body.disagree } : null);
        sendEmpty(ctx, 204);
      });
    case 'POST rate-limits':
      return withBody(ctx, rateLimitRequestSchema, (body) => {
        if ('limit' in body) control.setRateLimit(body.route, null);
        else control.setRateLimit(body.route, { requests: body.requests, windowSeconds: body.windowSeconds, code: body.code });
        sendEmpty(ctx, 204);
      });
    case 'POST roles':
      return withBody(ctx, rolesRequestSchema, (body) => {
        try {
          control.setGrantedRoles(body.roles, body.clientId);
        } catch (error) {
          return sendJson(ctx, 404, { error: { code: 'NotFound', message: (error as Error).message } });
        }
        sendEmpty(ctx, 204);
      });
    case 'POST certificates':
      return registerCertificate(ctx, control);
    default:
      return sendJson(ctx, 404, { error: { code: 'NotFound', message: `No control operation '${key}' under /_emulator/.` } });
  }
}

/** Publishes an updated version of a record; 404 when the emulator has no record with this id. */
async function publishVersion(ctx: RequestContext, control: EmulatorControl, id: string): Promise<void> {
  if (!control.callRecords().some((record) => record.id.toLowerCase() === id.toLowerCase())) {
    return sendJson(ctx, 404, { error: { code: 'NotFound', message: `no call record with id ${id}` } });
  }
  return withBody(ctx, callRecordVersionSchema, (change) => {
    const record = control.publishCallRecordVersion(id, change);
    sendJson(ctx, 200, { id: record?.id ?? id, version: record?.version });
  });
}

/**
 * Registers a certificate credential, as an admin uploads one in Entra. The body is the PEM itself (what
 * `curl --data-binary @cert.pem` sends) or JSON naming the app: a body that starts like JSON is read as JSON.
 */
async function registerCertificate(ctx: RequestContext, control: EmulatorControl): Promise<void> {
  const text = await readBody(ctx.req, 1_048_576);
  let request: z.infer<typeof certificateRequestSchema> = { pem: text };
  if (text.trimStart().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return sendJson(ctx, 400, { error: { code: 'BadRequest', message: `body is not JSON: ${(error as Error).message}` } });
    }
    const result = validate(certificateRequestSchema, json);
    if (!result.ok) return sendJson(ctx, 400, { error: { code: 'BadRequest', message: formatIssues(result.issues), details: result.issues } });
    request = result.value;
  }
  const clientId = request.clientId ?? ctx.state.demoApp.clientId;
  if (!ctx.state.directory.find(clientId)) {
    return sendJson(ctx, 404, { error: { code: 'NotFound', message: `no app registration with client id ${clientId}` } });
  }
  try {
    const { thumbprintSha256 } = control.registerCertificate(request.pem, clientId);
    return sendJson(ctx, 200, { clientId, thumbprintSha256 });
  } catch (error) {
    return sendJson(ctx, 400, { error: { code: 'BadRequest', message: `pem: ${(error as Error).message}` } });
  }
}

async function withBody<T>(ctx: RequestContext, schema: z.ZodType<T>, apply: (value: T) => void): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await readBody(ctx.req, 50 * 1_048_576));
  } catch (error) {
    return sendJson(ctx, 400, { error: { code: 'BadRequest', message: `body is not JSON: ${(error as Error).message}` } });
  }
  const result = validate(schema, json);
  if (!result.ok) {
    return sendJson(ctx, 400, { error: { code: 'BadRequest', message: formatIssues(result.issues), details: result.issues } });
  }
  apply(result.value);
}
