/** The ingest API's public surface: import from here, not from the parts. */
export { startIngestServer, DEFAULT_INGEST_PORT, type IngestServer, type IngestServerOptions } from './server';
export { createQuarantine, DEFAULT_QUARANTINE_LIMITS, type Quarantine, type QuarantinedBody, type QuarantineLimits } from './quarantine';
export type { CallContext, CallContextMatch, EnqueueReportInput, IngestDeps, IngestHealth, IngestLogLevel, IntakeRefusal, IntakeRefusalCode, ReportIntakeOutcome, SampleDrop, SamplesOutcome } from './deps';
export { OPENAPI_DOCUMENT } from './openapi';
export { ROUTES } from './routes';
export type { ErrorResponseBody } from './errors';
