/**
 * JSON parsing for untrusted bodies.
 * - UTF-8 only (RFC 8259 §8.1); invalid byte sequences are an error, not silently replaced.
 * - `__proto__`, `constructor` and `prototype` keys are refused anywhere in the document. JSON.parse itself
 *   makes them plain own properties, but the moment some later code spreads, merges or assigns the object
 *   (`{...a}`, Object.assign, a deep merge in a library) they can rewrite prototypes. No Graph or sample
 *   field has these names, so refusing them costs nothing.
 * - Nesting deeper than MAX_DEPTH is refused: every real body is 4 levels deep, and deep documents turn
 *   recursive code downstream (validators, JSON.stringify, structuredClone) into a stack overflow.
 * The walk is iterative for the same reason. Every offending path is reported, not only the first.
 * A key repeated within one object is refused too (duplicate-keys.ts): JSON.parse would keep the last.
 */
import { formatPath, type ValidationIssue } from '../../../../shared/validation';
import { apiError, reject, type GuardResult } from '../errors';
import { findDuplicateKeys } from './duplicate-keys';

export const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Enough to name the problem keys of any real attack; a body made only of them gets the first 100. */
const MAX_REPORTED_KEYS = 100;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseJsonBody(body: Uint8Array | string): GuardResult<unknown> {
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    return reject(apiError(400, 'invalid_json', 'The body is not valid UTF-8 text.'));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'syntax error';
    return reject(apiError(400, 'invalid_json', `The body is not valid JSON: ${reason.slice(0, 200)}`));
  }
  const duplicates = findDuplicateKeys(text);
  if (duplicates.length > 0) {
    const names = duplicates.slice(0, 3).map((path) => `"${path}"`).join(', ');
    return reject(apiError(400, 'duplicate_key', `The body repeats a key (${names}${duplicates.length > 3 ? ', …' : ''}): each key may appear once per object.`, duplicates.map((path) => ({ path, message: 'appears more than once in its object' }))));
  }
  return checkJsonTree(value);
}

/** Checks an already-parsed value for forbidden keys and excessive nesting. */
export function checkJsonTree(root: unknown): GuardResult<unknown> {
  const forbidden: ValidationIssue[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      return reject(apiError(400, 'too_deep', `The body is nested deeper than ${MAX_DEPTH} levels.`, [{ path: formatPath(undefined, path), message: 'nested too deep' }]));
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        if (forbidden.length < MAX_REPORTED_KEYS) forbidden.push({ path: formatPath(undefined, [...path, key]), message: 'this key is not allowed' });
      } else stack.push({ value: child, path: [...path, key] });
    }
  }
  if (forbidden.length > 0) {
    return reject(apiError(400, 'forbidden_key', 'The body contains a "__proto__", "constructor" or "prototype" key.', forbidden));
  }
  return { ok: true, value: root };
}
