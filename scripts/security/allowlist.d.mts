// Types of allowlist.mjs, for the tests (the scripts themselves run as plain Node ESM).
export class AllowlistError extends Error {}
export interface ElectronegativityException {
  rule: string;
  file: string;
  match: string;
  why: string;
}
export interface AuditException {
  advisory: string;
  package: string;
  why: string;
  expires: string | undefined;
}
export interface Allowlist {
  electronegativity: ElectronegativityException[];
  npmAudit: AuditException[];
}
export function parseAllowlist(json: unknown, source?: string): Allowlist;
export function loadAllowlist(path: string): Allowlist;
