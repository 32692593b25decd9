// What the audit gate decides from `npm audit --omit=dev --json`, as a pure function. npm's exit code says
// only "something was found at or above --audit-level"; the gate reads the report itself so that each
// accepted advisory can be written down with why (scripts/security-allowlist.json).

const BLOCKING = new Set(['high', 'critical']);
// npm's error codes when the registry or its audit endpoint cannot be reached at all.
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);

const advisoryIdOf = (via) => /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/.exec(via.url ?? '')?.[0] ?? `npm-${via.source}`;

/**
 * `report` is the parsed stdout. Returns `{ status: 'skipped', reason }` when the audit endpoint was
 * unreachable, `{ status: 'error', reason }` when npm failed otherwise, or `{ status: 'ok' | 'fail',
 * blocking, accepted, counts, expired }` where blocking are the high/critical advisories not accepted.
 */
export function evaluateAudit(report, allowlist, now = new Date()) {
  if (report === null || typeof report !== 'object') return { status: 'error', reason: 'npm audit printed no JSON report' };
  if (!report.vulnerabilities) {
    const reason = report.message ?? report.error?.summary ?? 'npm audit returned no vulnerabilities section';
    const unreachable = (typeof report.statusCode === 'number' && /advisories|audit/.test(report.uri ?? reason)) || NETWORK_CODES.has(report.code ?? report.error?.code);
    return { status: unreachable ? 'skipped' : 'error', reason };
  }
  const advisories = new Map();
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      // A string names another vulnerable package; that package's own entry carries the advisory.
      if (typeof via !== 'object' || !BLOCKING.has(via.severity)) continue;
      const id = advisoryIdOf(via);
      advisories.set(id, { id, package: via.name ?? vulnerability.name, severity: via.severity, title: via.title ?? '', url: via.url ?? '', range: via.range ?? '' });
    }
  }
  const blocking = [];
  const accepted = [];
  const expired = [];
  for (const advisory of advisories.values()) {
    const entry = allowlist.find((item) => item.advisory === advisory.id && item.package === advisory.package);
    if (entry && (entry.expires === undefined || Date.parse(entry.expires) >= now.getTime())) accepted.push({ ...advisory, why: entry.why });
    else {
      if (entry) expired.push(entry);
      blocking.push(advisory);
    }
  }
  const counts = report.metadata?.vulnerabilities ?? {};
  return { status: blocking.length > 0 ? 'fail' : 'ok', blocking, accepted, expired, counts };
}

export function formatAdvisory(advisory) {
  return `${advisory.severity.toUpperCase()} ${advisory.package} ${advisory.range} ${advisory.id} — ${advisory.title} ${advisory.url}`.replace(/\s+/g, ' ').trim();
}
