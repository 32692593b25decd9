/** Narrowing helpers for JSON the UI did not build itself (Graph records, report bodies): no `as`. */
import { isoDurationToMs } from '../../../shared/graph/duration';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An ISO 8601 duration ("PT0.03S") as milliseconds, or undefined when absent or malformed. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return isoDurationToMs(value);
  } catch {
    return undefined;
  }
}

/** A FRACTION 0–1 (callRecords packet loss, ../shared/reference/graph-api.md §2.2) as a percent 0–100. */
export function fractionToPercent(value: unknown): number | undefined {
  const fraction = num(value);
  return fraction === undefined ? undefined : fraction * 100;
}
