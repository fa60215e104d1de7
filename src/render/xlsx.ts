/**
 * A real spreadsheet: header row, frozen header, autofilter, one row per record, dates as dates.
 * Writing one costs a fraction of a second, so each is kept in Trustbook's cache by a hash of what
 * it holds, and written again only when that changes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bump when the layout of the workbooks changes, so cached ones are written again. */
const LAYOUT_VERSION = 1;
const cacheDir = () => path.join(process.env.TRUSTBOOK_PROJECT_ROOT ?? process.cwd(), 'node_modules', '.cache', 'trustbook', 'xlsx');

export interface Column<R> {
  header: string;
  value: (row: R) => string | Date | null;
  width: number;
  /** Values are dates: written as date cells with a date format. */
  date?: boolean;
}

export async function toXlsx<R>(sheetName: string, columns: Column<R>[], rows: R[], created: string): Promise<Uint8Array<ArrayBuffer>> {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const key = createHash('sha256')
    .update(JSON.stringify({ v: LAYOUT_VERSION, sheetName, columns: columns.map((c) => [c.header, c.width, c.date ?? false]), cells, created }))
    .digest('hex');
  const cached = path.join(cacheDir(), `${key}.xlsx`);
  try {
    return new Uint8Array(readFileSync(cached));
  } catch {
    /* not written yet */
  }
  const xlsx = await writeXlsx(sheetName, columns, cells, created);
  try {
    mkdirSync(cacheDir(), { recursive: true });
    const temporary = `${cached}.${process.pid}.tmp`;
    writeFileSync(temporary, xlsx);
    renameSync(temporary, cached);
  } catch {
    /* a cache that cannot be written only makes the next build slower */
  }
  return xlsx;
}

async function writeXlsx<R>(sheetName: string, columns: Column<R>[], cells: (string | Date | null)[][], created: string): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trustbook';
  const day = new Date(`${created}T00:00:00Z`);
  // Dated by the build day, not the clock, so that the same content and day give the same file.
  workbook.created = workbook.modified = day;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  for (const row of cells) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.alignment = { vertical: 'top', wrapText: c.width >= 30 };
    if (c.date) column.numFmt = 'yyyy-mm-dd';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return restamp(new Uint8Array(await workbook.xlsx.writeBuffer()), day);
}

/** Rewrites the zip container with every entry dated `day` (ExcelJS stamps them with the current time). */
async function restamp(xlsx: Uint8Array, day: Date): Promise<Uint8Array<ArrayBuffer>> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(xlsx);
  zip.forEach((_, entry) => {
    entry.date = day;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' }) as Promise<Uint8Array<ArrayBuffer>>;
}
