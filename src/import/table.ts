/**
 * A spreadsheet as rows of text, whatever it came from: an Excel workbook (one sheet of it) or a
 * CSV file with `,`, `;` or tab between cells. Row numbers are the ones a spreadsheet program shows,
 * so that a problem at `soa.xlsx:12:3` is found where the user looks for it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

export interface Row {
  /** 1-based, as a spreadsheet program numbers it. */
  number: number;
  /** Cell texts, trimmed; index 0 is column 1. */
  cells: string[];
}

export interface Table {
  /** The file as the user named it on the command line. */
  file: string;
  /** The sheet read, for a workbook. */
  sheet: string | null;
  /** The delimiter a CSV file was read with. */
  delimiter?: string;
  rows: Row[];
}

export type TableResult = { ok: true; tables: Table[] } | { ok: false; reason: string; hint?: string };

/** Files larger than this are refused: an SoA is a few hundred rows, not a database export. */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads a file into candidate tables: one for a workbook, one per plausible delimiter for a CSV
 * file (the caller keeps the one whose header row it recognises best).
 */
export async function readTables(file: string, options: { sheet?: string | undefined; allSheets?: boolean } = {}): Promise<TableResult> {
  const shown = file;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, reason: `${shown} could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, hint: 'Check the path and that the file is readable.' };
  }
  if (bytes.length > MAX_BYTES) return { ok: false, reason: `${shown} is ${Math.round(bytes.length / 1024 / 1024)} MB, more than a Statement of Applicability needs (at most ${MAX_BYTES / 1024 / 1024} MB).` };
  const extension = path.extname(file).toLowerCase();
  const isZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  // Excel 97–2003 files, and workbooks encrypted with a password, are OLE containers, not zip archives.
  if (extension === '.xls' || bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return { ok: false, reason: `${shown} is an old Excel 97–2003 workbook (.xls) or protected with a password, which cannot be read.`, hint: 'Remove the password, or save it as an Excel workbook (.xlsx) or as CSV (UTF-8), and use that.' };
  }
  if (extension === '.xlsx' || extension === '.xlsm' || isZip) return readWorkbook(shown, bytes, options.sheet, options.allSheets ?? false);
  if (options.sheet !== undefined) return { ok: false, reason: `--sheet names a sheet of a workbook, but ${shown} is a CSV file.` };
  return readCsv(shown, bytes);
}

async function readWorkbook(file: string, bytes: Buffer, sheetName: string | undefined, allSheets: boolean): Promise<TableResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; the bytes are what it wants.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, reason: `${file} is not a workbook that can be read: ${firstLine(error)}.`, hint: 'Open it in a spreadsheet program and save it again as an Excel workbook (.xlsx), or export the sheet as CSV.' };
  }
  const sheets = workbook.worksheets;
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) {
    const names = sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
    return { ok: false, reason: sheetName === undefined ? `${file} has no sheets.` : `${file} has no sheet "${sheetName}".`, hint: `Its sheets: ${names}.` };
  }
  const read = (sheet: ExcelJS.Worksheet): Table => {
    const rows: Row[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      rows.push({ number, cells: Array.from(cells, (c) => c ?? '') });
    });
    return { file, sheet: sheet.name, rows };
  };
  // Without a sheet named, every sheet is a candidate when the caller asks (the one it recognises wins).
  return { ok: true, tables: allSheets && sheetName === undefined ? sheets.map(read) : [read(sheet)] };
}

/** The text a cell shows: a formula's result, a link's text, rich text joined, a date as `YYYY-MM-DD`. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.valueOf()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

function readCsv(file: string, bytes: Buffer): TableResult {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) {
    return { ok: false, reason: `${file} is not UTF-8 text.`, hint: 'Export it again choosing "CSV UTF-8", or save it as an Excel workbook (.xlsx).' };
  }
  const tables: Table[] = [];
  let lastError = '';
  for (const delimiter of [',', ';', '\t']) {
    try {
      const records = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
      tables.push({ file, sheet: null, delimiter, rows: records.map((cells, i) => ({ number: i + 1, cells: cells.map(csvCell) })) });
    } catch (error) {
      lastError = firstLine(error);
    }
  }
  if (!tables.length) return { ok: false, reason: `${file} is not a CSV file that can be read: ${lastError}.` };
  return { ok: true, tables };
}

/**
 * A CSV cell as text. Trustbook's own CSV exports put a `'` before a cell that a spreadsheet would
 * run as a formula; that `'` is not part of the value.
 */
const csvCell = (cell: string): string => cell.replace(/^'(?=[=+\-@\t\r])/, '').trim();

const firstLine = (error: unknown): string => ((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '').replace(/\.$/, '');
