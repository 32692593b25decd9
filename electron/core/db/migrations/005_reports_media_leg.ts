import type { Migration } from './index';

/**
 * One index seek per posted report for the ingest API's idempotency on `mediaLegId` (a gateway that retries
 * after a lost 202 must get the stored report back, not a second row and a second Graph delivery). Not
 * UNIQUE: databases written before it may already hold such duplicates, and they must still open.
 */
export const m005ReportsMediaLeg: Migration = {
  id: 5,
  name: 'reports_media_leg',
  sql: `
CREATE INDEX reports_media_leg ON reports (media_leg_id) WHERE media_leg_id IS NOT NULL;
`,
};
