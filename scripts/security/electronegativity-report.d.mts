// Types of electronegativity-report.mjs, for the tests.
import type { ElectronegativityException } from './allowlist.mjs';

export interface Finding {
  rule: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  column: number;
  sample: string;
  message: string;
  manualReview: boolean;
}
export interface Verdict {
  blocking: Finding[];
  accepted: Array<Finding & { why: string }>;
  other: Finding[];
  stale: ElectronegativityException[];
}
export function toFinding(issue: unknown): Finding;
export function classifyFindings(findings: Finding[], allowlist: ElectronegativityException[]): Verdict;
export function formatFinding(finding: Finding): string;
export function toSarif(verdict: Pick<Verdict, 'blocking' | 'accepted' | 'other'>, options: { toolVersion: string }): {
  version: string;
  runs: Array<{ results: Array<{ ruleId: string; level: string; properties: { severity: string }; suppressions?: Array<{ justification: string }> }> }>;
};
