/**
 * A customer's questionnaire, read and written back. The question, answer and ID columns are found by
 * their headers (`--question-column`, `--answer-column` and `--id-column` name them otherwise); rows
 * without a question (titles, sections, blanks) are skipped. A workbook is written back as a copy of
 * itself — every sheet, style, width and merged cell as it was — with the answers in the answer
 * column and Trustbook's columns added at the right of the questions' sheet; a CSV file, as CSV.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { findHeader, type Columns, type Header } from '../import/header.ts';
import { headerKey } from '../import/normalise.ts';
import { readTables, type Row, type Table } from '../import/table.ts';

export type QuestionnaireField = 'question' | 'answer' | 'id' | 'comments';

export const questionnaireColumns: Columns<QuestionnaireField> = {
  names: {
    question: ['Question', 'Questions', 'Control question', 'Question text', 'Assessment question', 'Requirement', 'Description', 'Question description', 'Control description', 'Control specification', 'Query'],
    answer: ['Answer', 'Answers', 'Response', 'Responses', 'Vendor response', 'Supplier response', 'Your response', 'Vendor answer', 'Answer/Comments', 'Response details'],
    id: ['ID', 'Question ID', 'Question No', 'Question number', 'No', '#', 'Ref', 'Reference', 'Control ID', 'CAIQ ID', 'Question ref', 'SIG ID', 'SIG question number', 'Item'],
    comments: ['Comments', 'Comment', 'Notes', 'Vendor comments', 'Additional information', 'Explanation', 'Evidence'],
  },
  required: ['question'],
};

/** The columns Trustbook adds, at the right of the sheet, in this order. `--learn` reads them back by these headers. */
export const addedColumns = {
  id: 'Trustbook answer',
  link: 'Trustbook link',
  controls: 'Trustbook controls',
  confidence: 'Trustbook confidence',
  matchedBy: 'Trustbook matched by',
  review: 'Trustbook review',
} as const;

export interface QuestionRow {
  /** The row number a spreadsheet program shows. */
  row: number;
  question: string;
  /** The row's questionnaire ID, if it has one. */
  ref: string | null;
}

export interface Questionnaire {
  file: string;
  table: Table;
  header: Header<QuestionnaireField>;
  questions: QuestionRow[];
  /** Column (0-based) the answers go in: the answer column, or a new one at the right. */
  answerColumn: number;
}

export type ReadQuestionnaire = { ok: true; questionnaire: Questionnaire } | { ok: false; reason: string; hint?: string };

export interface ColumnOverrides {
  sheet?: string | undefined;
  question?: string | undefined;
  answer?: string | undefined;
  id?: string | undefined;
}

export async function readQuestionnaire(file: string, options: ColumnOverrides): Promise<ReadQuestionnaire> {
  const read = await readTables(file, { sheet: options.sheet, allSheets: true });
  if (!read.ok) return read;
  const overrides = new Map<string, QuestionnaireField>();
  for (const field of ['question', 'answer', 'id'] as const) if (options[field]) overrides.set(headerKey(options[field]!), field);
  const candidates = read.tables
    .map((table) => ({ table, header: findHeader(table, questionnaireColumns, overrides) ?? singleField(table, questionnaireColumns, overrides) }))
    .filter((c): c is { table: Table; header: Header<QuestionnaireField> } => c.header !== null && c.header.columns.has('question'));
  const best = candidates.sort((a, b) => b.header.fields.size - a.header.fields.size)[0];
  const where = read.tables[0]!.sheet === null ? file : read.tables.length > 1 ? `any sheet of ${file}` : `${file}, sheet "${read.tables[0]!.sheet}"`;
  if (!best) {
    return {
      ok: false,
      reason: `No question column found in the first 50 rows of ${where}.`,
      hint: `Name it with --question-column "<its header>" (headers read as questions: ${questionnaireColumns.names.question.slice(0, 5).join(', ')}, …).`,
    };
  }
  for (const [field, header] of Object.entries(options) as [keyof ColumnOverrides, string | undefined][]) {
    if (field !== 'sheet' && header && !best.header.columns.has(field)) return { ok: false, reason: `${best.table.sheet === null ? file : `${file}, sheet "${best.table.sheet}"`} has no column headed "${header}" (--${field}-column).`, hint: `Its headers: ${best.header.row.cells.filter(Boolean).map((c) => `"${c}"`).join(', ')}.` };
  }
  const { table, header } = best;
  const at = (row: Row, field: QuestionnaireField) => (header.columns.has(field) ? (row.cells[header.columns.get(field)!] ?? '').trim() : '');
  const questions: QuestionRow[] = [];
  for (const row of table.rows.filter((r) => r.number > header.row.number)) {
    const question = at(row, 'question');
    // A section heading is a short line with no question in it, alone on its row.
    if (!question || (row.cells.filter(Boolean).length === 1 && question.length < 60 && !/\?/.test(question) && !at(row, 'id'))) continue;
    const ref = at(row, 'id') || /^\s*([A-Z&]{2,5}-\d{1,3}(?:\.\d{1,3})?)\b/.exec(question)?.[1] || null;
    questions.push({ row: row.number, question, ref });
  }
  // Without an answer column, a comments column is where a vendor answers; without either, a new column.
  const answerColumn = header.columns.get('answer') ?? header.columns.get('comments') ?? Math.max(header.row.cells.length, ...table.rows.map((r) => r.cells.length));
  return { ok: true, questionnaire: { file, table, header, questions, answerColumn } };
}

/** A header of one known field, when the sheet names only its question column (a common layout). */
function singleField(table: Table, columns: Columns<QuestionnaireField>, overrides: ReadonlyMap<string, QuestionnaireField>): Header<QuestionnaireField> | null {
  for (const row of table.rows.slice(0, 50)) {
    const index = row.cells.findIndex((text) => {
      const key = headerKey(text);
      return overrides.get(key) === 'question' || columns.names.question.some((n) => headerKey(n) === key);
    });
    if (index >= 0) return { row, fields: new Map([[index, 'question']]), columns: new Map([['question', index]]), ignored: [], repeated: [] };
  }
  return null;
}

/** What goes in a question's row. */
export interface Filled {
  row: number;
  answer: string;
  values: Record<keyof typeof addedColumns, string | number>;
}

/** The note in the review column of a row whose answer cell was left as it was. */
export const KEPT_NOTE = 'answer not written: the answer cell already holds text';
export const MERGED_NOTE = 'answer not written: the answer cell is merged with another cell';

/**
 * Writes the filled copy: a workbook as a copy of the input with cells set, a CSV file as CSV with
 * the delimiter it was read with. Trustbook writes only into empty cells of the answer column and
 * into its own columns: a cell that already holds the customer's text, or is merged with another
 * (the question's, often), is left as it was, and the row's review note says so.
 */
export async function writeFilled(questionnaire: Questionnaire, filled: readonly Filled[], out: string): Promise<{ bytes: Buffer; kept: number[] }> {
  const { header, answerColumn } = questionnaire;
  const newAnswerColumn = !header.columns.has('answer') && !header.columns.has('comments');
  const extension = path.extname(out).toLowerCase();
  const firstAdded = Math.max(header.row.cells.length, answerColumn + 1, ...questionnaire.table.rows.map((r) => r.cells.length));
  const titles = Object.values(addedColumns);
  const kept: number[] = [];
  const note = (f: Filled, why: string) => {
    kept.push(f.row);
    return { ...f.values, review: [why, f.values.review].filter(Boolean).join('; ') };
  };
  if (extension === '.csv') {
    // The file again, as written: cells untrimmed, in the delimiter it was read with.
    const text = readFileSync(questionnaire.file, 'utf8');
    const delimiter = questionnaire.table.delimiter ?? ',';
    const rows = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
    const width = firstAdded + titles.length;
    const written = new Set<string>();
    const put = (row: number, column: number, value: string) => {
      const cells = rows[row - 1]!;
      while (cells.length < width) cells.push('');
      cells[column] = value;
      written.add(`${row}:${column}`);
    };
    if (newAnswerColumn) put(header.row.number, answerColumn, 'Answer');
    titles.forEach((t, i) => put(header.row.number, firstAdded + i, t));
    for (const f of filled) {
      const existing = (rows[f.row - 1]![answerColumn] ?? '').trim();
      const values = existing && f.answer ? note(f, KEPT_NOTE) : f.values;
      if (f.answer && !existing) put(f.row, answerColumn, f.answer);
      Object.values(values).forEach((v, i) => put(f.row, firstAdded + i, String(v)));
    }
    // What Trustbook writes is never read as a formula; the customer's cells stay as they were.
    const safe = rows.map((cells, r) => cells.map((c, i) => (written.has(`${r + 1}:${i}`) && /^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
    return { bytes: Buffer.from(stringify(safe, { bom: text.startsWith('\uFEFF'), delimiter })), kept };
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(questionnaire.file) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((s) => s.name === questionnaire.table.sheet) ?? workbook.worksheets[0]!;
  const headerRow = sheet.getRow(header.row.number);
  const model = headerRow.getCell(header.columns.get('question')! + 1);
  const title = (column: number, text: string) => {
    const cell = headerRow.getCell(column + 1);
    cell.value = text;
    cell.style = structuredClone(model.style);
    sheet.getColumn(column + 1).width = Math.max(14, text.length + 2);
  };
  if (newAnswerColumn) {
    title(answerColumn, 'Answer');
    sheet.getColumn(answerColumn + 1).width = 60;
  }
  titles.forEach((t, i) => title(firstAdded + i, t));
  sheet.getColumn(firstAdded + 2).width = 40;
  for (const f of filled) {
    const row = sheet.getRow(f.row);
    const answer = row.getCell(answerColumn + 1);
    const holds = answer.value !== null && answer.value !== undefined && String(answer.text ?? '').trim() !== '';
    let values = f.values;
    // A merged cell whose value lives in another cell (the question's, often) is not the answer's to fill.
    if (f.answer && answer.isMerged && answer.master.address !== answer.address) values = note(f, MERGED_NOTE);
    else if (f.answer && holds) values = note(f, KEPT_NOTE);
    else if (f.answer) {
      answer.value = f.answer;
      answer.alignment = { ...answer.alignment, wrapText: true, vertical: 'top' };
    }
    Object.values(values).forEach((v, i) => {
      const cell = row.getCell(firstAdded + i + 1);
      cell.value = v === '' ? null : typeof v === 'string' && /^https:\/\//.test(v) ? { text: v, hyperlink: v } : v;
      cell.alignment = { vertical: 'top', wrapText: i === 2 };
      if (i === 3 && typeof v === 'number') cell.numFmt = '0.00';
    });
  }
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), kept };
}
