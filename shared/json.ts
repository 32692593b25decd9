/**
 * Readers for JSON this code did not build itself (Graph records, stored rows, messages off a socket): each
 * answers the value with its type, or undefined / [] when it is something else. No casts: type guards.
 */
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

/** A finite number (JSON has no NaN or Infinity, but a parsed object may come from elsewhere). */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Removes the keys whose value is undefined, in place: absent keys keep JSON output and deep equality clean. */
export function dropUndefined<T extends object>(value: T): T {
  for (const key in value) if (Object.hasOwn(value, key) && value[key] === undefined) delete value[key];
  return value;
}
