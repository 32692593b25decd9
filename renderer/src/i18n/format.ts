/**
 * Numbers, units and times in the operator's locale, through Intl only (no hand-built decimal separators).
 * Inputs carry their unit in the parameter name; a missing value is shown as an em dash, never as 0.
 */
const MISSING = '—';

export interface Formatter {
  locale: string;
  number(value: number | undefined, maximumFractionDigits?: number): string;
  /** `percent` is 0–100 (the VTC report unit), e.g. 1.38 → "1.38 %". */
  percent(percent: number | undefined, maximumFractionDigits?: number): string;
  milliseconds(ms: number | undefined): string;
  /** Bits per second, shown as kbit/s or Mbit/s. */
  bitRate(bitsPerSecond: number | undefined): string;
  /** Frames per second as a bare number: the unit comes from the message catalogue. */
  frameRate(fps: number | undefined): string;
  dateTime(iso: string | undefined): string;
  /** Compact date and time for table cells. */
  dateTimeShort(iso: string | undefined): string;
  time(iso: string | undefined): string;
  /** An age or span such as "3 h" or "12 min", largest sensible unit. */
  span(ms: number | undefined): string;
}

function isNumber(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function parseDate(iso: string | undefined): Date | undefined {
  if (iso === undefined) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const cache = new Map<string, Formatter>();

export function getFormatter(locale: string): Formatter {
  const cached = cache.get(locale);
  if (cached !== undefined) return cached;

  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numberFormats.get(digits);
    if (format === undefined) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      numberFormats.set(digits, format);
    }
    return format;
  };
  const percentFormats = new Map<number, Intl.NumberFormat>();
  const percentFormat = (digits: number) => {
    let format = percentFormats.get(digits);
    if (format === undefined) {
      format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits });
      percentFormats.set(digits, format);
    }
    return format;
  };
  const unit = (name: string, digits: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits });
  const ms = unit('millisecond', 0);
  const kbps = unit('kilobit-per-second', 0);
  const mbps = unit('megabit-per-second', 1);
  const seconds = unit('second', 0);
  const minutes = unit('minute', 0);
  const hours = unit('hour', 0);
  const days = unit('day', 0);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const dateTimeShort = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });

  const formatter: Formatter = {
    locale,
    number: (value, digits = 1) => (isNumber(value) ? numberFormat(digits).format(value) : MISSING),
    percent: (value, digits = 2) => (isNumber(value) ? percentFormat(digits).format(value / 100) : MISSING),
    milliseconds: (value) => (isNumber(value) ? ms.format(value) : MISSING),
    bitRate: (value) => {
      if (!isNumber(value)) return MISSING;
      return value >= 1_000_000 ? mbps.format(value / 1_000_000) : kbps.format(value / 1000);
    },
    frameRate: (value) => (isNumber(value) ? numberFormat(1).format(value) : MISSING),
    dateTime: (iso) => {
      const date = parseDate(iso);
      return date === undefined ? MISSING : dateTime.format(date);
    },
    dateTimeShort: (iso) => {
      const date = parseDate(iso);
      return date === undefined ? MISSING : dateTimeShort.format(date);
    },
    time: (iso) => {
      const date = parseDate(iso);
      return date === undefined ? MISSING : time.format(date);
    },
    span: (value) => {
      if (!isNumber(value)) return MISSING;
      if (value < 60_000) return seconds.format(Math.round(value / 1000));
      if (value < 3_600_000) return minutes.format(Math.round(value / 60_000));
      if (value < 86_400_000) return hours.format(Math.round(value / 3_600_000));
      return days.format(Math.round(value / 86_400_000));
    },
  };
  cache.set(locale, formatter);
  return formatter;
}
