#!/usr/bin/env node
// Security gate: @doyensec/electronegativity over electron/ and renderer/, SARIF into
// test/artifacts/, exit 1 on any HIGH finding not accepted in scripts/security-allowlist.json.
//
// Both folders are scanned in ONE run over a staging copy (same relative paths): the tool's global checks
// (navigation limits, permission handler, CSP) look for the handler anywhere in the input, so scanning
// renderer/ alone reports "no navigation limits" although electron/main/security.ts sets them.
// Runs offline: the tool's update checks fail with a warning and the scan goes on.
//
//   node scripts/security-gate.mjs [--input DIR]... [--allowlist FILE] [--sarif FILE]
// Exit: 0 pass, 1 blocking finding or a file the tool could not parse, 2 bad usage or allowlist.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AllowlistError, loadAllowlist } from './security/allowlist.mjs';
import { classifyFindings, formatFinding, toFinding, toSarif } from './security/electronegativity-report.mjs';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function usage(message) {
  console.error(`security-gate: ${message}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      input: { type: 'string', multiple: true, default: ['electron', 'renderer'] },
      allowlist: { type: 'string', default: 'scripts/security-allowlist.json' },
      sarif: { type: 'string', default: 'test/artifacts/electronegativity.sarif' },
    },
  }).values;
} catch (error) {
  usage(error.message);
}

let allowlist;
try {
  allowlist = loadAllowlist(resolve(root, args.allowlist)).electronegativity;
} catch (error) {
  if (error instanceof AllowlistError) usage(error.message);
  throw error;
}

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = packageJson.devDependencies.electron.replace(/^[^\d]*/, '');
const tool = require('@doyensec/electronegativity');
const runElectronegativity = tool.default ?? tool;
const toolVersion = require('@doyensec/electronegativity/package.json').version;

const stage = mkdtempSync(join(tmpdir(), 'vtc-security-gate-'));
const startedMs = Date.now();
let result;
try {
  for (const input of args.input) {
    const source = resolve(root, input);
    // Staged at its repository path, so findings name repository files; a folder outside by its name.
    const inRepo = relative(root, source);
    cpSync(source, join(stage, inRepo.startsWith('..') || isAbsolute(inRepo) ? basename(source) : inRepo), { recursive: true });
  }
  result = await runElectronegativity({ input: stage, isRelative: true, electronVersionOverride: electronVersion });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const findings = result.issues.map(toFinding);
const verdict = classifyFindings(findings, allowlist);
const unparsed = result.errors.filter((error) => !error.tolerable);
const sarifPath = resolve(root, args.sarif);
mkdirSync(dirname(sarifPath), { recursive: true });
writeFileSync(sarifPath, `${JSON.stringify(toSarif(verdict, { toolVersion }), null, 2)}\n`);

console.log(`electronegativity ${toolVersion} on ${args.input.join(', ')} (Electron ${electronVersion}): ${findings.length} findings, ${result.atomicChecks + result.globalChecks} checks, ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
for (const finding of verdict.blocking) console.log(`  BLOCKING ${formatFinding(finding)}`);
for (const severity of ['MEDIUM', 'LOW', 'INFORMATIONAL']) {
  const some = verdict.other.filter((finding) => finding.severity === severity);
  if (some.length > 0) console.log(`  ${severity} ${some.length}: ${some.map((f) => `${f.rule} ${f.file}:${f.line}`).join(', ')}`);
}
if (verdict.accepted.length > 0) {
  console.log(`  accepted by ${args.allowlist}: ${verdict.accepted.length}`);
  for (const finding of verdict.accepted) console.log(`    ${finding.severity} ${finding.rule} ${finding.file}:${finding.line}`);
}
for (const entry of verdict.stale) console.log(`  warning: allowlist entry ${entry.rule} ${entry.file} ("${entry.match}") matched nothing: remove it or update it`);
for (const error of unparsed) console.log(`  UNCHECKED ${relative(stage, error.file)}: the tool could not parse it (${error.message})`);
console.log(`  SARIF: ${relative(root, sarifPath)}`);

const failed = verdict.blocking.length > 0 || unparsed.length > 0;
console.log(failed ? `security-gate: FAILED (${verdict.blocking.length} high, ${unparsed.length} unparsed)` : 'security-gate: passed');
process.exit(failed ? 1 : 0);
