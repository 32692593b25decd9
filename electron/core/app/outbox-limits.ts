/**
 * The configuration's `outbox` section (days, megabytes, report counts: what an administrator writes) →
 * the outbox's limits (ms, bytes, rows). One mapping, used by the core and by the CLI commands that open
 * the outbox beside a running agent, so both enforce the same bounds and compute the same fill ratio.
 */
import type { AppConfig } from '../../../shared/config/schema';
import { DAY_MS, type OutboxLimits } from '../outbox';

const BYTES_PER_MEGABYTE = 1024 * 1024;

export function outboxLimitsOf(config: AppConfig): OutboxLimits {
  return {
    maxUnsentRows: config.outbox.maxUnsentReports,
    maxUnsentBytes: config.outbox.maxUnsentMegabytes * BYTES_PER_MEGABYTE,
    maxAgeMs: config.outbox.maxAgeDays * DAY_MS,
    retentionMs: config.outbox.retentionDays * DAY_MS,
  };
}
