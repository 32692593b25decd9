// What the electronegativity gate decides, as pure functions over the findings the tool returns.
// The tool's own SARIF carries no severity (only "warning" or "note" for manual review) and its exit code
// is 0 whatever it finds, so the gate works from the findings themselves and writes its own SARIF with
// the severity in it and each accepted finding marked as a suppression with its reason.

/** One finding, reduced to what the gate and the SARIF need. Paths are relative to the repository. */
export function toFinding(issue) {
  return {
    rule: issue.id,
    severity: issue.severity?.name ?? 'UNKNOWN',
    confidence: issue.confidence?.name ?? 'UNKNOWN',
    file: issue.file === 'N/A' || !issue.file ? '(global)' : issue.file.replaceAll('\\', '/'),
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    sample: typeof issue.sample === 'string' ? issue.sample : '',
    message: issue.description ?? '',
    manualReview: issue.manualReview === true,
  };
}

/**
 * Splits findings into blocking (HIGH, not accepted), accepted (with the reason) and the rest, and lists
 * allowlist entries that matched nothing (stale: the code they excused is gone or changed).
 */
export function classifyFindings(findings, allowlist) {
  const used = new Set();
  const blocking = [];
  const accepted = [];
  const other = [];
  for (const finding of findings) {
    const index = allowlist.findIndex((entry) => entry.rule === finding.rule && entry.file === finding.file && finding.sample.includes(entry.match));
    if (index >= 0) {
      used.add(index);
      accepted.push({ ...finding, why: allowlist[index].why });
    } else if (finding.severity === 'HIGH') blocking.push(finding);
    else other.push(finding);
  }
  const stale = allowlist.filter((_entry, index) => !used.has(index));
  return { blocking, accepted, other, stale };
}

export function formatFinding(finding) {
  return `${finding.severity} ${finding.rule} ${finding.file}:${finding.line} — ${finding.message}`;
}

const SARIF_LEVEL = { HIGH: 'error', MEDIUM: 'warning', LOW: 'note', INFORMATIONAL: 'note' };

/** SARIF 2.1.0 with severity and confidence as properties; accepted findings carry an external suppression. */
export function toSarif({ accepted, blocking, other }, { toolVersion }) {
  const all = [...blocking, ...other, ...accepted];
  const rules = [...new Map(all.map((f) => [f.rule, f])).values()].map((f) => ({
    id: f.rule,
    shortDescription: { text: f.message },
    helpUri: `https://github.com/doyensec/electronegativity/wiki/${f.rule}`,
    properties: { category: 'Security' },
  }));
  const result = (finding) => ({
    ruleId: finding.rule,
    level: SARIF_LEVEL[finding.severity] ?? 'warning',
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: finding.file === '(global)' ? { uri: '.', uriBaseId: '%SRCROOT%' } : { uri: finding.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: Math.max(1, finding.line), startColumn: finding.column + 1 },
        },
      },
    ],
    properties: { severity: finding.severity, confidence: finding.confidence, manualReview: finding.manualReview },
    ...('why' in finding ? { suppressions: [{ kind: 'external', justification: finding.why }] } : {}),
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', version: toolVersion, informationUri: 'https://github.com/doyensec/electronegativity', rules } },
        results: all.map(result),
      },
    ],
  };
}
