// The OpenAPI document (electron/core/ingest/openapi.ts) is a valid OpenAPI 3.1 document, describes exactly
// what the server serves, and its body schemas (generated from the zod schemas) accept what the server accepts.
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { OPENAPI_DOCUMENT } from '../../../electron/core/ingest/openapi';
import { ROUTES } from '../../../electron/core/ingest/routes';

const seed: unknown = JSON.parse(readFileSync(new URL('../../fixtures/seed-quality-body.json', import.meta.url), 'utf8'));
const paths = OPENAPI_DOCUMENT.paths as unknown as Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;

function validatorFor(component: string) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  return ajv.compile({ components: OPENAPI_DOCUMENT.components, $ref: `#/components/schemas/${component}` });
}

describe('OpenAPI document', () => {
  it('passes the OpenAPI 3.1 schema validator, served as the server serves it (JSON)', async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator does refuse: a response without its required description.
    const broken = JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)) as { paths: Record<string, { get?: { responses: Record<string, unknown> } }> };
    broken.paths['/api/v1/health']!.get!.responses['200'] = {};
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('documents the generated field rules and descriptions from the zod schemas', () => {
    const schemas = OPENAPI_DOCUMENT.components.schemas as Record<string, { properties: Record<string, Record<string, unknown>>; description?: string }>;
    expect(schemas.LiveSample!.properties.jitterMs).toMatchObject({ type: 'number', minimum: 0, maximum: 60_000, description: 'jitter, milliseconds' });
    expect(schemas.ReportBody!.properties.quality).toEqual({ $ref: '#/components/schemas/TeleconferenceDeviceQuality' });
    expect(schemas.TeleconferenceDeviceQuality!.description).toContain('needs_context');
  });

  it('is OpenAPI 3.1 with a bearer security scheme', () => {
    expect(OPENAPI_DOCUMENT.openapi).toMatch(/^3\.1\./);
    expect(OPENAPI_DOCUMENT.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it.each(ROUTES.map((route) => [route.method, route.path, route.auth] as const))('documents %s %s', (method, path, auth) => {
    const operation = paths[path]?.[method.toLowerCase()];
    expect(operation, `${method} ${path} is served but not documented`).toBeDefined();
    // An endpoint without a token says so with an empty security list; the others inherit the bearer scheme.
    expect(operation!.security === undefined).toBe(auth);
    if (auth) expect(Object.keys(operation!.responses)).toEqual(expect.arrayContaining(['400', '401', '413', '415']));
  });

  it('documents nothing the server does not serve', () => {
    const documented = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('resolves every $ref', () => {
    const refs = JSON.stringify(OPENAPI_DOCUMENT).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    const schemas = OPENAPI_DOCUMENT.components.schemas as Record<string, unknown>;
    for (const ref of refs) expect(schemas[ref.replace(/^"#\/components\/schemas\/|"$/g, '')], ref).toBeDefined();
  });

  it('accepts the Graph seed body as a report, also without its Teams ids and with roomId', () => {
    const validate = validatorFor('ReportBody');
    expect(validate(seed), JSON.stringify(validate.errors)).toBe(true);
    const draft = structuredClone(seed) as { quality: Record<string, unknown>; roomId?: string };
    delete draft.quality.callChainId;
    draft.roomId = 'room-1';
    expect(validate(draft), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...draft, extra: 1 })).toBe(false);
  });

  it('accepts samples in the three shapes and a call context', () => {
    const sample = { roomId: 'r', deviceId: 'd', callId: '1', modality: 'audio', direction: 'inbound', channelIndex: 1, at: '2026-11-23T10:00:00Z', jitterMs: 3 };
    const samples = validatorFor('SamplesBody');
    expect(samples(sample) && samples([sample, sample]) && samples({ samples: [sample] })).toBe(true);
    expect(samples({ ...sample, modality: 'fax' })).toBe(false);
    const context = validatorFor('CallContextBody');
    expect(context({ deviceId: 'd', callId: '1', callChainId: '0622673d-9f69-49b3-9d4f-5ec64f42ecce', participantId: 'ea078406-b5d4-4d3c-b85e-90103dcec7f6' })).toBe(true);
    expect(context({ callId: '1', callChainId: '0622673d-9f69-49b3-9d4f-5ec64f42ecce', participantId: 'ea078406-b5d4-4d3c-b85e-90103dcec7f6' })).toBe(false);
  });
});
