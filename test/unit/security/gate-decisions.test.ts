/**
 * The decisions of the security gates (scripts/security-gate.mjs, scripts/audit-gate.mjs) on findings and
 * audit reports shaped like the tools' own: what blocks, what an allowlist entry accepts (and only that),
 * and when the audit counts as skipped rather than passed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllowlist } from '../../../scripts/security/allowlist.mjs';
import { classifyFindings, toFinding, toSarif } from '../../../scripts/security/electronegativity-report.mjs';
import { evaluateAudit } from '../../../scripts/security/npm-audit-report.mjs';

const sev = (name: string) => ({ name });
// An issue as @doyensec/electronegativity 1.10.3 returns it from run().
const issue = (id: string, severity: string, file: string, sample: string) => ({
  id,
  severity: sev(severity),
  confidence: sev('FIRM'),
  file,
  location: { line: 117, column: 17 },
  sample,
  description: `${id} description`,
  manualReview: false,
});
const WINDOW_CALL = 'mainWindow = new BrowserWindow(mainWindowOptions(preload));';
const exception = { rule: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main/index.ts', match: 'new BrowserWindow(mainWindowOptions(', why: 'options set contextIsolation: true elsewhere' };

describe('electronegativity gate', () => {
  it('blocks a HIGH finding and only summarises MEDIUM and LOW ones', () => {
    const findings = [issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main/index.ts', WINDOW_CALL), issue('SANDBOX_JS_CHECK', 'MEDIUM', 'electron/main/index.ts', WINDOW_CALL)].map(toFinding);
    const verdict = classifyFindings(findings, []);
    expect(verdict.blocking.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual(['CONTEXT_ISOLATION_JS_CHECK electron/main/index.ts:117']);
    expect(verdict.other.map((f) => f.rule)).toEqual(['SANDBOX_JS_CHECK']);
  });

  it('accepts a finding only when rule, file and the flagged code all match an entry', () => {
    const accepted = classifyFindings([toFinding(issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main/index.ts', WINDOW_CALL))], [exception]);
    expect(accepted.blocking).toEqual([]);
    expect(accepted.accepted[0]?.why).toBe(exception.why);

    const otherCode = classifyFindings([toFinding(issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main/index.ts', 'new BrowserWindow({ webPreferences: {} })'))], [exception]);
    expect(otherCode.blocking).toHaveLength(1);
    expect(otherCode.stale).toEqual([exception]);

    const otherFile = classifyFindings([toFinding(issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main/other.ts', WINDOW_CALL))], [exception]);
    expect(otherFile.blocking).toHaveLength(1);
  });

  it('writes SARIF with the severity as level and accepted findings as suppressions', () => {
    const findings = [issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main/index.ts', WINDOW_CALL), issue('NODE_INTEGRATION_JS_CHECK', 'HIGH', 'electron/main/x.ts', 'nodeIntegration: true')].map(toFinding);
    const sarif = toSarif(classifyFindings(findings, [exception]), { toolVersion: '1.10.3' });
    const results = sarif.runs[0]!.results;
    expect(sarif.version).toBe('2.1.0');
    expect(results.map((r) => [r.ruleId, r.level, r.properties.severity, r.suppressions?.[0]?.justification])).toEqual([
      ['NODE_INTEGRATION_JS_CHECK', 'error', 'HIGH', undefined],
      ['CONTEXT_ISOLATION_JS_CHECK', 'error', 'HIGH', exception.why],
    ]);
  });

  it('rejects an allowlist entry without a real reason, naming the entry and field', () => {
    expect(() => parseAllowlist({ electronegativity: [{ ...exception, why: 'fine' }] }, 'list.json')).toThrow('list.json: electronegativity[0].why must be a string of at least 20 characters');
    expect(() => parseAllowlist({ electronegativity: [{ rule: 'X', file: 'y' }] }, 'list.json')).toThrow('electronegativity[0].match must be a non-empty string');
    expect(() => parseAllowlist({ npmAudit: [{ advisory: 'CVE-2024-1', package: 'ws', why: 'x'.repeat(30) }] }, 'list.json')).toThrow('npmAudit[0].advisory must be a GitHub advisory id');
  });

  it('accepts the committed allowlist', () => {
    const json: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../../scripts/security-allowlist.json'), 'utf8'));
    expect(parseAllowlist(json).electronegativity.length).toBeGreaterThan(0);
  });
});

// The shape of `npm audit --json` (auditReportVersion 2, npm 10).
function auditReport(severity: string) {
  return {
    auditReportVersion: 2,
    vulnerabilities: {
      ws: {
        name: 'ws',
        severity,
        isDirect: true,
        via: [{ source: 1098392, name: 'ws', dependency: 'ws', title: 'ws DoS with many HTTP headers', url: 'https://github.com/advisories/GHSA-3h5v-q93c-6h6q', severity, range: '>=8.0.0 <8.17.1' }],
        effects: ['some-wrapper'],
        range: '8.0.0 - 8.17.0',
        nodes: ['node_modules/ws'],
        fixAvailable: true,
      },
      'some-wrapper': { name: 'some-wrapper', severity, isDirect: false, via: ['ws'], effects: [], range: '*', nodes: [], fixAvailable: true },
    },
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 2, critical: 0, total: 2 } },
  };
}
const wsException = { advisory: 'GHSA-3h5v-q93c-6h6q', package: 'ws', why: 'the server never parses untrusted headers here', expires: undefined };

describe('npm audit gate', () => {
  it('fails on a high advisory, once per advisory however many packages it reaches', () => {
    const verdict = evaluateAudit(auditReport('high'), []);
    expect(verdict.status).toBe('fail');
    if (verdict.status !== 'fail') return;
    expect(verdict.blocking.map((a) => `${a.id} ${a.package}`)).toEqual(['GHSA-3h5v-q93c-6h6q ws']);
  });

  it('passes a moderate advisory and an accepted high one, but not once the exception expired', () => {
    expect(evaluateAudit(auditReport('moderate'), []).status).toBe('ok');
    expect(evaluateAudit(auditReport('critical'), [wsException]).status).toBe('ok');
    const lapsed = evaluateAudit(auditReport('critical'), [{ ...wsException, expires: '2026-01-31' }], new Date('2026-02-01T00:00:00Z'));
    expect(lapsed.status).toBe('fail');
  });

  it('reports an unreachable audit endpoint as skipped, and any other npm failure as an error', () => {
    // What npm prints here: the registry mirror refuses the bulk advisory POST.
    const refused = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' };
    expect(evaluateAudit(refused, [])).toEqual({ status: 'skipped', reason: refused.message });
    expect(evaluateAudit({ error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND registry.npmjs.org' } }, []).status).toBe('skipped');
    expect(evaluateAudit({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' } }, [])).toEqual({ status: 'error', reason: 'This command requires an existing lockfile.' });
    expect(evaluateAudit(null, []).status).toBe('error');
  });
});
