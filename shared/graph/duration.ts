/**
 * Exact conversion between whole milliseconds and the ISO 8601 / xsd:duration strings that Graph uses for
 * Edm.Duration (../shared/reference/graph-api.md §1.3: jitter, round-trip delay and media duration are sent as e.g. "PT0.03S").
 *
 * Policy:
 * - Milliseconds are the unit everywhere else in the app, so both directions work on integer milliseconds
 *   (never on float seconds): 15 ms is "PT0.015S", not "PT0.015000000000000001S".
 * - Output uses hours as the largest unit (25 h is "PT25H", not "P1DT1H"): unambiguous and what the
 *   Graph docs show ("PT20M").
 * - Input follows the OData ABNF durationValue (OData v4.01 ABNF, `durationValue`), which is what .NET/Graph
 *   emit: optional days, then T with hours/minutes/seconds; only seconds may have a fraction. .NET TimeSpan
 *   has 100 ns ticks, so up to 7 fractional digits are accepted and rounded (half up) to whole ms.
 * - Years and months are refused: their length in ms depends on a calendar date we do not have.
 * - Negative durations are refused: none of the VTC metrics can be negative.
 * All failures throw RangeError with a reason a user can act on.
 */

const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;
/** .NET TimeSpan resolution: 1 tick = 100 ns, so 7 fractional digits of a second (10^4 ticks per ms). */
const MAX_FRACTION_DIGITS = 7;
const TICKS_PER_MS = 10_000;

/** OData ABNF durationValue without the sign: P[nD][T[nH][nM][n[.f]S]]. */
const DURATION_PATTERN = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?$/;

/**
 * Formats a number of milliseconds as an ISO 8601 duration, e.g. 15 → "PT0.015S", 1_200_000 → "PT20M",
 * 3_723_500 → "PT1H2M3.5S", 0 → "PT0S". Fractions of a millisecond are rounded to the nearest ms.
 * @throws RangeError for negative, NaN, infinite or unsafe-integer values.
 */
export function msToIsoDuration(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RangeError(`duration must be a finite number of milliseconds, got ${String(ms)}`);
  }
  if (ms < 0) throw new RangeError(`duration must not be negative, got ${ms} ms`);
  const total = Math.round(ms);
  if (!Number.isSafeInteger(total)) {
    throw new RangeError(`duration ${ms} ms is too large to represent exactly`);
  }
  if (total === 0) return 'PT0S';

  const hours = Math.floor(total / MS_PER_HOUR);
  const minutes = Math.floor((total % MS_PER_HOUR) / MS_PER_MINUTE);
  const seconds = Math.floor((total % MS_PER_MINUTE) / MS_PER_SECOND);
  const millis = total % MS_PER_SECOND;

  let out = 'PT';
  if (hours > 0) out += `${hours}H`;
  if (minutes > 0) out += `${minutes}M`;
  if (seconds > 0 || millis > 0) {
    // Three digits, then trailing zeros dropped: 500 → ".5", 15 → ".015".
    const fraction = millis > 0 ? `.${String(millis).padStart(3, '0').replace(/0+$/, '')}` : '';
    out += `${seconds}${fraction}S`;
  }
  return out;
}

/**
 * Parses an ISO 8601 duration as Graph emits it ("PT0.03S", "PT20M", "P1DT2H", "PT0.0150000S") into whole
 * milliseconds (fraction rounded half up).
 * @throws RangeError naming the reason: negative, years/months, empty, malformed, >7 fraction digits, too large.
 */
export function isoDurationToMs(iso: string): number {
  if (typeof iso !== 'string') throw new RangeError('duration must be a string such as PT0.015S');
  if (iso.startsWith('-') || /[PTHMDS]-/i.test(iso)) {
    throw new RangeError(`negative durations are not allowed: "${iso}"`);
  }
  const match = DURATION_PATTERN.exec(iso);
  if (!match) {
    const datePart = iso.split('T')[0] ?? '';
    if (/^P.*[YM]/.test(datePart)) {
      throw new RangeError(`years and months have no fixed length in milliseconds; use days or hours: "${iso}"`);
    }
    throw new RangeError(`"${iso}" is not an ISO 8601 duration such as PT0.015S`);
  }
  const [, days, hours, minutes, seconds, fraction] = match;
  if (days === undefined && hours === undefined && minutes === undefined && seconds === undefined) {
    throw new RangeError(`duration "${iso}" has no components; use e.g. PT0S`);
  }
  if (iso.endsWith('T')) throw new RangeError(`duration "${iso}" has a "T" with no time components`);
  if (fraction !== undefined && fraction.length > MAX_FRACTION_DIGITS) {
    throw new RangeError(`duration "${iso}" has more than ${MAX_FRACTION_DIGITS} fractional digits of a second`);
  }

  // Ticks (100 ns) of the fraction, padded to 7 digits, then rounded half up to ms with integer maths.
  const fractionTicks = fraction === undefined ? 0 : Number(fraction.padEnd(MAX_FRACTION_DIGITS, '0'));
  const fractionMs = Math.floor((fractionTicks + TICKS_PER_MS / 2) / TICKS_PER_MS);
  const total =
    num(days) * MS_PER_DAY +
    num(hours) * MS_PER_HOUR +
    num(minutes) * MS_PER_MINUTE +
    num(seconds) * MS_PER_SECOND +
    fractionMs;
  // Every term is non-negative, so any loss of precision shows up as an unsafe total.
  if (!Number.isSafeInteger(total)) throw new RangeError(`duration "${iso}" is too large`);
  return total;
}

/** True when `value` is a duration string isoDurationToMs accepts. */
export function isIsoDuration(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    isoDurationToMs(value);
    return true;
  } catch {
    return false;
  }
}

/** The reason isoDurationToMs would reject `value`, or undefined when it is a valid duration. */
export function isoDurationProblem(value: string): string | undefined {
  try {
    isoDurationToMs(value);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function num(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(digits);
}
