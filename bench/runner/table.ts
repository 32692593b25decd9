/** The summary table printed after all benches: one row per figure, columns padded to their widest cell. */

export interface TableRow {
  status: string;
  name: string;
  figure: string;
  ratio: string;
  against: string;
}

const HEADER: TableRow = { status: 'status', name: 'bench', figure: 'figure', ratio: 'ratio', against: 'against (limit / alternative)' };
const COLUMNS: (keyof TableRow)[] = ['status', 'name', 'figure', 'ratio', 'against'];

export function formatTable(rows: readonly TableRow[]): string {
  const all = [HEADER, ...rows];
  const widths = COLUMNS.map((column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row: TableRow) =>
    COLUMNS.map((column, index) => (column === 'ratio' ? row[column].padStart(widths[index]!) : row[column].padEnd(widths[index]!)))
      .join('  ')
      .trimEnd();
  return [line(HEADER), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
