/**
 * The migration history, in order. A migration is never edited once merged: add a new file instead
 * (migrate.ts refuses a database whose recorded hashes differ). Every table is STRICT.
 */
import { m001Base } from './001_base';
import { m002Outbox } from './002_outbox';
import { m003Ingest } from './003_ingest';
import { m004CallRecords } from './004_call_records';
import { m005ReportsMediaLeg } from './005_reports_media_leg';
import { m006AlertLog } from './006_alert_log';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001Base, m002Outbox, m003Ingest, m004CallRecords, m005ReportsMediaLeg, m006AlertLog];
