// Types of npm-audit-report.mjs, for the tests.
import type { AuditException } from './allowlist.mjs';

export interface Advisory {
  id: string;
  package: string;
  severity: string;
  title: string;
  url: string;
  range: string;
}
export type AuditVerdict =
  | { status: 'skipped' | 'error'; reason: string }
  | {
      status: 'ok' | 'fail';
      blocking: Advisory[];
      accepted: Array<Advisory & { why: string }>;
      expired: AuditException[];
      counts: Record<string, number>;
    };
export function evaluateAudit(report: unknown, allowlist: AuditException[], now?: Date): AuditVerdict;
export function formatAdvisory(advisory: Advisory): string;
