/**
 * Finding the header row of a sheet and what each column holds. Sheets start with titles, version
 * boxes and blank rows; the header is the first row in which at least two cells are header names
 * the import knows, compared without case, spaces or punctuation.
 */
import { headerKey } from './normalise.ts';
import type { Row, Table } from './table.ts';

/** What one kind of import reads: each field with the header names that mean it. */
export interface Columns<F extends string> {
  /** Field → header names (any case, any punctuation). A name ending in `*` matches every header that starts with it. */
  names: Record<F, readonly string[]>;
  /** Fields without which nothing can be imported. */
  required: readonly F[];
}

export interface Header<F extends string> {
  row: Row;
  /** Column index (0-based) → field. */
  fields: Map<number, F>;
  /** Field → its first column index. */
  columns: Map<F, number>;
  /** Columns whose header is not recognised (index, header text). */
  ignored: { index: number; text: string }[];
  /** Columns whose field an earlier column already has. */
  repeated: { index: number; text: string; field: F }[];
}

/** How far down a sheet the header may be. */
const HEADER_SEARCH_ROWS = 50;

function fieldOf<F extends string>(columns: Columns<F>, text: string, overrides: ReadonlyMap<string, F | 'ignore'>): F | 'ignore' | null {
  const key = headerKey(text);
  if (!key) return null;
  const override = overrides.get(key);
  if (override) return override;
  for (const [field, names] of Object.entries(columns.names) as [F, string[]][]) {
    for (const name of names) {
      if (name.endsWith('*') ? key.startsWith(headerKey(name)) : key === headerKey(name)) return field;
    }
  }
  return null;
}

/** The header row and its columns, or null when no row in the first fifty has two known header names. */
export function findHeader<F extends string>(table: Table, columns: Columns<F>, overrides: ReadonlyMap<string, F | 'ignore'> = new Map()): Header<F> | null {
  for (const row of table.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const found = row.cells.map((text) => fieldOf(columns, text, overrides));
    if (new Set(found.filter((f) => f !== null && f !== 'ignore')).size < 2) continue;
    const header: Header<F> = { row, fields: new Map(), columns: new Map(), ignored: [], repeated: [] };
    found.forEach((field, index) => {
      const text = row.cells[index]!;
      if (field === 'ignore' || !text) return;
      if (field === null) header.ignored.push({ index, text });
      else if (header.columns.has(field)) header.repeated.push({ index, text, field });
      else {
        header.fields.set(index, field);
        header.columns.set(field, index);
      }
    });
    return header;
  }
  return null;
}

/** How well a table's header is recognised: the number of columns mapped (0 without a header). */
export const headerScore = <F extends string>(table: Table, columns: Columns<F>, overrides: ReadonlyMap<string, F | 'ignore'>): number =>
  findHeader(table, columns, overrides)?.fields.size ?? 0;

/** Parses `--map "Column header=field"` values. */
export function parseMapOptions<F extends string>(values: readonly string[], columns: Columns<F>): { ok: true; overrides: Map<string, F | 'ignore'> } | { ok: false; reason: string } {
  const overrides = new Map<string, F | 'ignore'>();
  const fields = Object.keys(columns.names) as F[];
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const header = at < 0 ? '' : value.slice(0, at);
    const field = at < 0 ? '' : value.slice(at + 1).trim();
    if (!headerKey(header) || !field) return { ok: false, reason: `--map takes "Column header=field", not "${value}".` };
    if (field !== 'ignore' && !fields.includes(field as F)) return { ok: false, reason: `--map "${value}": unknown field "${field}"; use one of ${[...fields, 'ignore'].join(', ')}.` };
    overrides.set(headerKey(header), field as F | 'ignore');
  }
  return { ok: true, overrides };
}
