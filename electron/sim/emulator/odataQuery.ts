/**
 * `$select` and `$expand` as Graph supports them on callRecords (../shared/reference/graph-api.md §3.1, §3.4; seed 003/004:
 * "$select ... Only supported for callRecord and session resources"; `$expand=sessions($expand=segments)`).
 * Unknown names are refused with Graph's wording ("Could not find a property named …"); the known ones come
 * from the CSDL.
 */
import { graphCsdl } from './csdl/index';
import { allProperties } from './csdl/model';

/** The names `$select` accepts on a type: its declared, inherited and navigation properties in the CSDL. */
export function selectableProperties(typeName: string): string[] {
  const model = graphCsdl();
  const type = model.structured.get(typeName);
  if (!type) throw new Error(`CSDL: no type named ${typeName}`);
  return [...allProperties(model, type).keys()];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export interface CallRecordExpand {
  sessions: boolean;
  segments: boolean;
  participants: boolean;
}

export function parseSelect(value: string | null, allowed: readonly string[], typeName: string): Parsed<string[] | undefined> {
  if (value === null || value.trim() === '') return { ok: true, value: undefined };
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !allowed.includes(name));
  if (unknown !== undefined) {
    return { ok: false, message: `Could not find a property named '${unknown}' on type '${typeName}'.` };
  }
  return { ok: true, value: names };
}

/** `sessions`, `sessions($expand=segments)`, `participants_v2`, `organizer_v2` (always expanded anyway). */
export function parseCallRecordExpand(value: string | null): Parsed<CallRecordExpand> {
  const expand: CallRecordExpand = { sessions: false, segments: false, participants: false };
  if (value === null || value.trim() === '') return { ok: true, value: expand };
  for (const item of splitTopLevel(value)) {
    const trimmed = item.trim();
    if (trimmed === 'sessions') expand.sessions = true;
    else if (/^sessions\(\s*\$expand\s*=\s*segments\s*\)$/.test(trimmed)) expand.sessions = expand.segments = true;
    else if (trimmed === 'participants_v2') expand.participants = true;
    else if (trimmed !== 'organizer_v2') {
      return { ok: false, message: `Parsing OData Select and Expand failed: Could not find a navigation property named '${trimmed}' on type 'microsoft.graph.callRecords.callRecord'.` };
    }
  }
  return { ok: true, value: expand };
}

/** Sessions accept `$expand=segments` only. */
export function parseSessionExpand(value: string | null): Parsed<boolean> {
  if (value === null || value.trim() === '') return { ok: true, value: false };
  if (value.trim() === 'segments') return { ok: true, value: true };
  return { ok: false, message: `Could not find a navigation property named '${value.trim()}' on type 'microsoft.graph.callRecords.session'.` };
}

/** A copy holding only `names` (when given), in the object's own key order. */
export function project<T extends object>(item: T, names: readonly string[] | undefined): Partial<T> {
  if (!names) return { ...item };
  return Object.fromEntries(Object.entries(item).filter(([key]) => names.includes(key))) as Partial<T>;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}
