import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 CSV with a header row; dates are written `YYYY-MM-DD`. A BOM lets Excel read it as UTF-8.
 * A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return
 * first) is written with a `'` in front, so that it opens as the text an author wrote.
 */
export function toCsv(header: string[], rows: (string | number | Date | null)[][]): string {
  const cell = (v: string | number | Date | null) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? ''));
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(cell))], { record_delimiter: '\r\n', escape_formulas: true })}`;
}
