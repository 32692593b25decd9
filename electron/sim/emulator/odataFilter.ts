/**
 * The `$filter` subset Graph supports on `GET /communications/callRecords` (../shared/reference/graph-api.md §3.2: "Only
 * supported for the startDateTime (lt, le, gt, ge) and participant participants_v2.id (eq)"), combined
 * with `and`. Anything else is refused with a message naming what is supported, as Graph refuses it.
 */
import type { CallRecord } from '../../../shared/graph/callRecords';

export type FilterClause =
  | { kind: 'startDateTime'; operator: 'lt' | 'le' | 'gt' | 'ge'; valueMs: number }
  | { kind: 'participant'; participantId: string };

export type ParsedFilter = { ok: true; clauses: FilterClause[] } | { ok: false; message: string };

const SUPPORTED =
  "only startDateTime (lt, le, gt, ge) and participants_v2/any(p:p/id eq '<id>'), combined with 'and', are supported";
/** OData DateTimeOffset literal (unquoted), e.g. 2023-09-25T09:25:00Z or with fractional seconds / offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const START_CLAUSE = /^startDateTime\s+(lt|le|gt|ge)\s+(\S+)$/;
const PARTICIPANT_CLAUSE = /^participants_v2\/any\(\s*([A-Za-z_]\w*)\s*:\s*([A-Za-z_]\w*)\/id\s+eq\s+'((?:[^']|'')*)'\s*\)$/;

export function parseCallRecordFilter(text: string): ParsedFilter {
  const parts = splitOnAnd(text.trim());
  if (!parts) return { ok: false, message: `Invalid filter clause: unbalanced quotes or parentheses; ${SUPPORTED}.` };
  const clauses: FilterClause[] = [];
  for (const raw of parts) {
    const part = stripParens(raw.trim());
    const clause = parseClause(part);
    if (!clause) return { ok: false, message: `Invalid filter clause '${part}': ${SUPPORTED}.` };
    clauses.push(clause);
  }
  return { ok: true, clauses };
}

export function matchesFilter(record: CallRecord, clauses: readonly FilterClause[]): boolean {
  const startMs = Date.parse(record.startDateTime);
  return clauses.every((clause) => {
    if (clause.kind === 'participant') {
      const wanted = clause.participantId.toLowerCase();
      return (record.participants_v2 ?? []).some((p) => p.id.toLowerCase() === wanted);
    }
    switch (clause.operator) {
      case 'lt':
        return startMs < clause.valueMs;
      case 'le':
        return startMs <= clause.valueMs;
      case 'gt':
        return startMs > clause.valueMs;
      case 'ge':
        return startMs >= clause.valueMs;
    }
  });
}

function parseClause(part: string): FilterClause | undefined {
  const start = START_CLAUSE.exec(part);
  if (start) {
    const [, operator, literal] = start as unknown as [string, 'lt' | 'le' | 'gt' | 'ge', string];
    const valueMs = Date.parse(literal);
    if (!DATE_TIME.test(literal) || Number.isNaN(valueMs)) return undefined;
    return { kind: 'startDateTime', operator, valueMs };
  }
  const participant = PARTICIPANT_CLAUSE.exec(part);
  if (participant && participant[1] === participant[2]) {
    return { kind: 'participant', participantId: (participant[3] ?? '').replace(/''/g, "'") };
  }
  return undefined;
}

/** Splits on top-level ` and ` (outside quotes and parentheses); undefined when unbalanced. */
function splitOnAnd(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === '(') depth += 1;
    else if (!quoted && char === ')') depth -= 1;
    if (depth < 0) return undefined;
    if (!quoted && depth === 0 && /^\s+and\s+/.test(text.slice(i)) && /\s/.test(char)) {
      const match = /^\s+and\s+/.exec(text.slice(i)) as RegExpExecArray;
      parts.push(current);
      current = '';
      i += match[0].length - 1;
      continue;
    }
    current += char;
  }
  if (quoted || depth !== 0) return undefined;
  parts.push(current);
  return parts;
}

function stripParens(text: string): string {
  let out = text;
  while (out.startsWith('(') && out.endsWith(')') && splitOnAnd(out.slice(1, -1))?.length === 1) {
    const inner = out.slice(1, -1).trim();
    if (!balanced(inner)) break;
    out = inner;
  }
  return out;
}

function balanced(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === '(') depth += 1;
    else if (!quoted && char === ')' && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}
