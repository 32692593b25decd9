/**
 * One way to validate untrusted input (ingest API bodies, config, stored reports) and report EVERY problem
 * with a path a user can find in their JSON and a reason in plain words.
 *
 * Paths: object keys joined with dots, array indexes as `[i]`; keys that are not plain identifiers (the
 * OData `@odata.type`) are written `["@odata.type"]` so the path stays unambiguous, e.g.
 * `quality.mediaQualityList[0]["@odata.type"]`.
 *
 * Messages: schemas may set their own (e.g. "must be a GUID"); everything else gets a plain-words message
 * from `plainMessage` below instead of zod's defaults ("Invalid input: expected string, received undefined").
 * An unknown property becomes one issue per key, located at that key, with the message "unknown property".
 */
import type { z } from 'zod';
import { obj } from './json';

export interface ValidationIssue {
  /** Where the problem is, e.g. `quality.mediaQualityList[0].channelIndex`; '' is the value itself. */
  path: string;
  /** Why, in plain words, e.g. "must be between 0 and 100". */
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

type PathSegment = PropertyKey;

/**
 * Parses `input` with `schema`. On failure returns every issue (not only the first), each path prefixed with
 * `rootPath` when given (e.g. 'quality' when validating the inner object of a request body).
 */
export function validate<T>(schema: z.ZodType<T>, input: unknown, rootPath?: string): Validated<T> {
  const result = schema.safeParse(input, { error: plainMessage });
  if (result.success) return { ok: true, value: result.data };
  const issues: ValidationIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: formatPath(rootPath, [...issue.path, key]), message: 'unknown property' });
      }
    } else {
      issues.push({ path: formatPath(rootPath, issue.path), message: issue.message });
    }
  }
  return { ok: false, issues };
}

/** One line per issue, `path: message`, for logs, CLI errors and tooltips. */
export function formatIssues(issues: ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`).join('\n');
}

/** Joins path segments: `a.b[0]["@odata.type"]`. Exported for callers that build issues by hand. */
export function formatPath(rootPath: string | undefined, segments: readonly PathSegment[]): string {
  let out = rootPath ?? '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) {
      out += out === '' ? segment : `.${segment}`;
    } else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/**
 * zod v4 per-parse error map: only called for issues whose schema did not set its own message.
 * Returning undefined falls back to zod's default text.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      if (issue.input === null) return 'must not be null';
      return `must be ${withArticle(issue.expected)}`;
    case 'too_small':
      return sizeMessage(issue.origin, 'at least', issue.minimum, issue.inclusive);
    case 'too_big':
      return sizeMessage(issue.origin, 'at most', issue.maximum, issue.inclusive);
    case 'unrecognized_keys':
      return 'unknown property';
    case 'invalid_union':
      if (issue.discriminator !== undefined) return discriminatorMessage(issue);
      return 'does not match any allowed shape';
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return undefined;
  }
}

function discriminatorMessage(issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidUnion>): string {
  const input = obj(issue.input);
  // Only the "no match" variant of invalid_union carries `options` (zod v4 $ZodIssueInvalidUnionNoMatch).
  const listed = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
  const options = listed.map((option) => String(option)).join(', ');
  const present = input !== undefined && input !== null && input[issue.discriminator ?? ''] !== undefined;
  return present ? `must be one of: ${options}` : `is required (one of: ${options})`;
}

function sizeMessage(origin: string, bound: string, limit: number | bigint, inclusive?: boolean): string {
  const value = Number(limit);
  switch (origin) {
    case 'array':
    case 'set':
      return value === 1 && bound === 'at least' ? 'must not be empty' : `must have ${bound} ${value} items`;
    case 'string':
      return value === 1 && bound === 'at least' ? 'must not be empty' : `must be ${bound} ${value} characters`;
    default: {
      const word = bound === 'at least' ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
      return `must be ${word} ${value}`;
    }
  }
}

function withArticle(expected: string): string {
  const noun = expected === 'int' ? 'integer' : expected;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
