/** Narrowing helpers for JSON the UI did not build itself: the shared readers (no `as`) plus display units. */
import { isoDurationToMs } from '../../../shared/graph/duration';

export { isObject, list, num, obj, str, type JsonObject } from '../../../shared/json';
export { fractionToPercent } from '../../../shared/graph/callRecordCompare';

/** An ISO 8601 duration ("PT0.03S") as milliseconds, or undefined when absent or malformed. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return isoDurationToMs(value);
  } catch {
    return undefined;
  }
}
