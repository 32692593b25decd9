/**
 * Human output of the shell commands: aligned tables and short figures. `--json` output does not come
 * through here: it is the UI's view shapes, printed as one document.
 */

/** Columns padded to their widest cell; a missing value prints as "-" so columns never shift. */
export function formatTable(headers: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string[] {
  const cells = rows.map((row) => headers.map((_, column) => cellText(row[column])));
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...cells.map(line)];
}

function cellText(value: string | number | undefined): string {
  if (value === undefined || value === '') return '-';
  return String(value);
}

/** `key: value` lines (../shared/design/contracts.md style) with the values aligned; undefined values are left out. */
export function formatFields(fields: readonly (readonly [string, string | number | undefined])[]): string[] {
  const present = fields.filter((field): field is readonly [string, string | number] => field[1] !== undefined && field[1] !== '');
  const width = Math.max(0, ...present.map(([key]) => key.length + 1));
  return present.map(([key, value]) => `${`${key}:`.padEnd(width)} ${value}`);
}

/** 90061000 → "1d 1h 1m": the largest two units, enough to judge a backlog at a glance. */
export function formatDurationMs(durationMs: number): string {
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ];
  if (durationMs < 1_000) return `${Math.max(0, Math.round(durationMs))}ms`;
  const parts: string[] = [];
  let rest = durationMs;
  for (const [suffix, unitMs] of units) {
    const count = Math.floor(rest / unitMs);
    if (count > 0 || parts.length > 0) parts.push(`${count}${suffix}`);
    rest -= count * unitMs;
    if (parts.length === 2) break;
  }
  return parts.filter((part) => !part.startsWith('0')).join(' ') || '0s';
}

/** 0.1234 → "12.3%". */
export function formatRatioPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** A Graph error as one line: "400 BadRequest: message (request-id …, client-request-id …)". */
export function formatGraphError(error: { httpStatus?: number; code?: string; message?: string; requestId?: string; clientRequestId?: string }): string {
  const head = [error.httpStatus, error.code].filter((part) => part !== undefined).join(' ');
  const ids = [error.requestId && `request-id ${error.requestId}`, error.clientRequestId && `client-request-id ${error.clientRequestId}`].filter(Boolean);
  return `${head}${error.message ? `: ${error.message}` : ''}${ids.length > 0 ? ` (${ids.join(', ')})` : ''}`;
}
