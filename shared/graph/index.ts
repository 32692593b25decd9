/** The Graph domain in one import: VTC quality schemas (§1), callRecords types (§2), ISO 8601 durations. */
export * from './duration';
export * from './quality';
export * from './callRecords';
