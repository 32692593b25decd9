// Reads scripts/security-allowlist.json: the written-down exceptions of the security gates. Every entry
// names exactly what it accepts and why; a missing or vague field is an error naming the entry and field,
// so an exception can never become a blanket ignore.
import { readFileSync } from 'node:fs';

export class AllowlistError extends Error {
  name = 'AllowlistError';
}

const MIN_WHY_CHARS = 20;

function requireString(entry, field, where, minChars = 1) {
  const value = entry?.[field];
  if (typeof value !== 'string' || value.trim().length < minChars) {
    const need = minChars > 1 ? `a string of at least ${minChars} characters` : 'a non-empty string';
    throw new AllowlistError(`${where}.${field} must be ${need}`);
  }
  return value;
}

/** Validates the parsed file; `source` names it in errors. */
export function parseAllowlist(json, source = 'allowlist') {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new AllowlistError(`${source} must be a JSON object`);
  const sections = { electronegativity: json.electronegativity ?? [], npmAudit: json.npmAudit ?? [] };
  for (const [name, entries] of Object.entries(sections)) {
    if (!Array.isArray(entries)) throw new AllowlistError(`${source}: ${name} must be an array`);
  }
  const electronegativity = sections.electronegativity.map((entry, index) => {
    const where = `${source}: electronegativity[${index}]`;
    return {
      rule: requireString(entry, 'rule', where),
      file: requireString(entry, 'file', where),
      // A fragment of the flagged code: the exception lapses when that code changes and needs a new look.
      match: requireString(entry, 'match', where),
      why: requireString(entry, 'why', where, MIN_WHY_CHARS),
    };
  });
  const npmAudit = sections.npmAudit.map((entry, index) => {
    const where = `${source}: npmAudit[${index}]`;
    const advisory = requireString(entry, 'advisory', where);
    if (!/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/.test(advisory)) throw new AllowlistError(`${where}.advisory must be a GitHub advisory id such as GHSA-3h5v-q93c-6h6q`);
    const expires = entry.expires === undefined ? undefined : requireString(entry, 'expires', where);
    if (expires !== undefined && Number.isNaN(Date.parse(expires))) throw new AllowlistError(`${where}.expires must be a date such as 2026-12-31`);
    return { advisory, package: requireString(entry, 'package', where), why: requireString(entry, 'why', where, MIN_WHY_CHARS), expires };
  });
  return { electronegativity, npmAudit };
}

export function loadAllowlist(path) {
  let json;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AllowlistError(`${path} cannot be read as JSON: ${error.message}`);
  }
  return parseAllowlist(json, path);
}
