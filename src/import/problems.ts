/**
 * What an import can find wrong with a spreadsheet, said like the checks say it: where (file, row,
 * column), what happened, and what to do. Errors stop the import before anything is written;
 * warnings and notes are reported and the import goes on.
 */
import { printable } from '../diagnostics/format.ts';

export type ImportSeverity = 'error' | 'warning' | 'note';

/** Every problem id an import reports, with its severity. Ids are stable: people search for them. */
export const importProblems = {
  /** The file could not be opened or is not a workbook or CSV file. */
  'import/unreadable': 'error',
  /** No row looks like a header row. */
  'import/no-header': 'error',
  /** A column the import needs is not in the header row. */
  'import/missing-column': 'error',
  /** A control ID that is not in Annex A (2022) nor in the 2013 map. */
  'import/unknown-control': 'error',
  /** Two rows for the same control. */
  'import/duplicate-row': 'error',
  /** Two values that cannot both be true (applicable and "not applicable"; two rows merged by the 2013 map that disagree). */
  'import/conflicting-values': 'error',
  /** A cell whose value the import cannot read (`Maybe` in an Applicable column). */
  'import/bad-value': 'error',
  /** A required value is empty. */
  'import/missing-value': 'error',
  /** What the import would write does not fit the content format. */
  'import/invalid-entity': 'error',
  /** A row with values but no control ID, or a control without an applicability decision: not imported. */
  'import/row-skipped': 'warning',
  /** The control already has an SoA entry in another file, which an import does not rewrite. */
  'import/entry-elsewhere': 'warning',
  /** Evidence named in a row without an owner to give it: kept in the entry's notes instead. */
  'import/evidence-not-imported': 'warning',
  /** A title that does not match the control the ID names: maybe the ID is wrong. */
  'import/title-mismatch': 'warning',
  /** A column whose header is not recognised: its values are not imported. */
  'import/column-ignored': 'note',
  /** An ISO/IEC 27001:2013 ID converted to its 2022 successor. */
  'import/converted-2013': 'note',
} as const satisfies Record<string, ImportSeverity>;

export type ImportProblemId = keyof typeof importProblems;

export interface ImportProblem {
  id: ImportProblemId;
  severity: ImportSeverity;
  /** The spreadsheet as the user named it. */
  file: string;
  /** Row number as a spreadsheet program shows it (1-based), when the problem is in a row. */
  row: number | null;
  /** Column number (1-based), when the problem is in a cell. */
  column: number | null;
  message: string;
  hint?: string;
}

export interface Place {
  file: string;
  row?: number | null;
  column?: number | null;
}

export function importProblem(id: ImportProblemId, place: Place, message: string, hint?: string): ImportProblem {
  return { id, severity: importProblems[id], file: place.file, row: place.row ?? null, column: place.column ?? null, message, ...(hint ? { hint } : {}) };
}

/** `A` for column 1, `AB` for column 28: how spreadsheet programs name columns. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `soa.xlsx:12:3`, or less when the problem is not in a cell. */
export const placeOf = (p: Pick<ImportProblem, 'file' | 'row' | 'column'>): string => [p.file, p.row, p.column].filter((x) => x !== null).join(':');

/** One problem in the layout of the checks' report; spreadsheet text is shown escaped, never as terminal control codes. */
export function formatImportProblem(p: ImportProblem): string {
  const lines = [`${printable(placeOf(p))}  ${p.severity}  ${p.id}`, `  ${printable(p.message)}`];
  if (p.hint) lines.push(`  Hint: ${printable(p.hint)}`);
  return lines.join('\n');
}

const severityOrder: Record<ImportSeverity, number> = { error: 0, warning: 1, note: 2 };

/** By file, then row, then column; problems of one cell by severity. */
export const compareImportProblems = (a: ImportProblem, b: ImportProblem): number =>
  a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0) || severityOrder[a.severity] - severityOrder[b.severity];
