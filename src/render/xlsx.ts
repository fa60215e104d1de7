/** A real spreadsheet: header row, frozen header, autofilter, one row per record, dates as dates. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface Column<R> {
  header: string;
  value: (row: R) => string | Date | null;
  width: number;
  /** Values are dates: written as date cells with a date format. */
  date?: boolean;
}

export async function toXlsx<R>(sheetName: string, columns: Column<R>[], rows: R[], created: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trustbook';
  const day = new Date(`${created}T00:00:00Z`);
  // Dated by the build day, not the clock, so that the same content and day give the same file.
  workbook.created = workbook.modified = day;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
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
  const zip = await JSZip.loadAsync(xlsx);
  zip.forEach((_, entry) => {
    entry.date = day;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' }) as Promise<Uint8Array<ArrayBuffer>>;
}
