/**
 * Recent Teams callRecords: the service the AppApi's listCallRecords / getCallRecord and the CLI's
 * `call-records` commands use. Import from here, not from the parts.
 *
 * Wiring into the core (electron/core/app):
 *
 *   const callRecords = createCallRecordsService({
 *     db,
 *     getApi: () => graph.client(),                 // GraphConnection: undefined = not configured
 *     cloud: () => currentConfig().cloud,           // China → unavailable_in_cloud, no request
 *     log,
 *     outbox,                                       // optional: the core's Outbox (reads report details)
 *     toReportView: toReportDetailView,             // app/report-views.ts
 *     onChanged: (ids) => events.emit('callRecordsChanged', { ids }),
 *   });
 *   callRecords.start();                            // scheduled refresh; `await callRecords.stop()` on shutdown
 *   handlers.listCallRecords = (req) => callRecords.list(req);
 *   handlers.getCallRecord = (req) => callRecords.get(req);
 *   // optional: when the sync worker reports a sent report, callRecords.reportCallChainSent(callChainId), so
 *   // its record is fetched once Teams publishes it; getReport can add callRecords.callRecordFor(callChainId)
 *   // as ReportDetail.callRecord.
 *
 * Parts: reader.ts (Graph reads: pacing, Retry-After), cache.ts (SQLite, migration 004), correlation.ts
 * (record ↔ reports), failures.ts and missing.ts (what an error or a 404 means), schedule.ts (the timer),
 * versions.ts (when a young record is read again for a newer version),
 * summary.ts and views.ts (what the UI shows), service.ts (the policy that joins them).
 */
export { createCallRecordsService, type CallRecordsService, type CallRecordsServiceOptions } from './service';
export type { CallRecordsApiLike } from './reader';
export { PERMISSION_MESSAGE } from './failures';
export { DEFAULT_SINCE_HOURS, MAX_SINCE_HOURS } from './requests';
export { recordLine, type RecordLine } from './summary';
