/**
 * One CSV line (RFC 4180): a cell with a comma, a quote or a line break is quoted, its
 * quotes doubled; null is an empty cell. Values are written exactly as they are, for
 * analysis tools that read them back with a Table Schema: unlike the dashboard's CSV
 * for spreadsheets (sittings-csv.ts), nothing is prefixed to defuse formulas.
 */
export function csvRow(cells: readonly (string | number | boolean | null)[]): string {
  return cells.map(csvValue).join(',');
}

function csvValue(cell: string | number | boolean | null): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
