/**
 * The OpenAPI 3.1 description of the ingest API, served at GET /api/v1/openapi.json and linked from the
 * README. The paths and their prose are written here; every body and answer schema is generated from the
 * zod schemas the server enforces (openapi-schemas.ts). test/unit/ingest/openapi.test.ts checks the
 * document against the OpenAPI 3.1 schema, and that every route in routes.ts appears here with its method
 * and nothing else does.
 */
import { COMPONENT_SCHEMAS } from './openapi-schemas';

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const error = (description: string) => ({ description, content: json('Error') });
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before sending the same body again.', schema: { type: 'integer', minimum: 0 } } };
const retryLater = (description: string) => ({ ...error(description), headers: RETRY_AFTER });

/** The refusals every authenticated JSON endpoint can give, before its own logic runs. */
const BODY_ERRORS = {
  '400': error('Invalid JSON, a key repeated within one object (`duplicate_key`), a `__proto__`/`constructor`/`prototype` key, nesting deeper than 32, or a schema violation: `details` names every invalid field (path and reason). The body is kept in the quarantine.'),
  '401': error('No, malformed, unknown or revoked bearer token (`WWW-Authenticate: Bearer`).'),
  '405': error('Wrong method (`Allow` names the right one).'),
  '413': error('Body over 256 KiB (declared or counted), refused before parsing.'),
  '415': error('Content-Type is not application/json (UTF-8).'),
  '421': error('The Host header does not name this server (DNS-rebinding guard).'),
};

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'VTC Quality Monitor ingest API',
    version: '1.0.0',
    description:
      'Where quality data enters the VTC Quality Monitor: complete or partial Graph teleconferenceDeviceQuality reports, live samples, and call contexts that join a device call to its Teams ids. Served on 127.0.0.1:8790 by default. Errors are always `{ "error": { "code", "message", "details": [{ "path", "message" }] } }`.',
  },
  servers: [{ url: 'http://127.0.0.1:8790' }],
  security: [{ bearerToken: [] }],
  paths: {
    '/api/v1/reports': {
      post: {
        operationId: 'postReport',
        summary: 'Queue one teleconferenceDeviceQuality report for delivery to Microsoft Graph.',
        description:
          'The body is exactly the body of Graph `POST /communications/calls/logTeleconferenceDeviceQuality`, plus optional `roomId`/`deviceId`. Without callChainId/participantId/mediaLegId the report waits as `needs_context`. 202 is sent only after the report is committed to the outbox.',
        requestBody: { required: true, content: json('ReportBody') },
        responses: {
          '200': { description: 'The same body was stored before under its mediaLegId: nothing is stored or sent twice (`existing: true`).', content: json('ReportAccepted') },
          '202': { description: 'Stored (committed) in the outbox.', content: json('ReportAccepted') },
          ...BODY_ERRORS,
          '409': error('`duplicate_media_leg`: another body is stored under this mediaLegId; `details` names the stored report.'),
          '503': retryLater('`storage_busy` (the database is locked by another process) or `storage_unavailable`: the report was NOT stored; keep it and retry after `Retry-After` seconds.'),
          '507': retryLater('`outbox_full` or `storage_full` (the disk): the report was NOT stored; keep it and retry after `Retry-After` seconds.'),
        },
      },
    },
    '/api/v1/samples': {
      post: {
        operationId: 'postSamples',
        summary: 'Live media measurements of a device call, one sample or many.',
        requestBody: { required: true, content: json('SamplesBody') },
        description:
          'Every sample must name a configured room (and, when the room lists devices, one of them); otherwise 400 `not_configured` and nothing is taken, `details` naming each sample.',
        responses: {
          '202': { description: 'What the leg tracker took, and each sample it dropped with its index, a code and why.', content: json('SamplesAccepted') },
          ...BODY_ERRORS,
          '503': retryLater('Samples that would open a new call while the database is busy or failing: nothing was taken.'),
          '507': retryLater('Samples that would open a new call while the outbox or the disk is full: nothing was taken. Samples continuing a call are always taken.'),
        },
      },
    },
    '/api/v1/call-context': {
      post: {
        operationId: 'postCallContext',
        summary: 'Attach Teams ids (callChainId, participantId) to a device call.',
        description: 'Before the call ends (usual) or after: reports waiting as needs_context for that call become pending.',
        requestBody: { required: true, content: json('CallContextBody') },
        responses: { '200': { description: 'What the context matched.', content: json('CallContextMatch') }, ...BODY_ERRORS },
      },
    },
    '/api/v1/health': {
      get: {
        operationId: 'getHealth',
        summary: 'Liveness, version and outbox counts. No token needed.',
        security: [],
        responses: { '200': { description: 'The agent is up.', content: json('Health') }, '421': BODY_ERRORS['421'] },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This document. No token needed.',
        security: [],
        responses: { '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object' } } } }, '421': BODY_ERRORS['421'] },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerToken: {
        type: 'http',
        scheme: 'bearer',
        description: 'A per-sender token from `npm run agent -- tokens create --name <sender>` (printed once; stored only as a SHA-256 hash).',
      },
    },
    schemas: COMPONENT_SCHEMAS,
  },
} as const;
