/**
 * Writes the binary example files from their text: for examples/acme (the organisation
 * docs/getting-started.md walks through), `soa.xlsx` from `soa.csv` as a spreadsheet program would
 * hold it (merged title and section rows, dates as dates, a frozen header) and the Word policy; and
 * examples/questionnaire.xlsx, a customer's questionnaire for the example organisation
 * (docs/questionnaires.md), from the questions of tests/fixtures/questionnaires/labelled.csv.
 *
 *   node scripts/examples.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { docx } from '../tests/helpers/docx.ts';

const dir = fileURLToPath(new URL('../examples/acme/', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));
const rows: string[][] = parse(readFileSync(path.join(dir, 'soa.csv')), { relaxColumnCount: true });

const workbook = new ExcelJS.Workbook();
workbook.created = workbook.modified = new Date(Date.UTC(2026, 2, 1));
const sheet = workbook.addWorksheet('SoA', { views: [{ state: 'frozen', ySplit: 4 }] });
rows.forEach((cells, i) => {
  const values: (string | Date)[] = cells.map((c, col) => (col === 11 && /^\d{4}-\d{2}-\d{2}$/.test(c) ? new Date(`${c}T00:00:00Z`) : c));
  const row = sheet.addRow(values);
  const filled = cells.filter(Boolean).length;
  // Title and section rows span the table, as they do in most SoA templates.
  if (filled === 1 && cells[0]) sheet.mergeCells(i + 1, 1, i + 1, cells.length);
  if (i === 3) row.font = { bold: true };
});
sheet.getColumn(12).numFmt = 'dd/mm/yyyy';
writeFileSync(path.join(dir, 'soa.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));

writeFileSync(
  path.join(dir, 'policies', 'Access Control Policy.docx'),
  await docx([
    { style: 'Title', text: 'Access Control Policy' },
    { table: [['Document owner', 'Ben Li (CTO)'], ['Version', '2.1'], ['Approved by', 'Priya Shah'], ['Approval date', '12 March 2026'], ['Effective date', '2026-04-01'], ['Review frequency', 'Annual'], ['Classification', 'Internal'], ['ISO 27001 controls', 'A.5.15, A.5.18, A.9.4.2, A.8.5']] },
    { style: 'Heading1', text: '1. Purpose' },
    { text: 'This policy sets out how access to Acme systems and data is requested, granted, reviewed and removed.' },
    { style: 'Heading1', text: '2. Rules' },
    { style: 'Heading2', text: '2.1 Accounts' },
    { text: 'Every account belongs to one named person. Shared accounts are not allowed, except the break-glass accounts kept in 1Password.' },
    { style: 'Heading2', text: '2.2 Authentication' },
    { text: 'Every application is behind Okta single sign-on with phishing-resistant MFA.' },
    { style: 'Heading2', text: '2.3 Reviews' },
    { text: 'Owners review who has access to their systems every quarter; leavers lose all access on their last day.' },
    { table: [['System', 'Owner', 'Review'], ['AWS', 'Ben Li', 'Quarterly'], ['Okta', 'Marco Ruiz', 'Quarterly'], ['GitHub', 'Ben Li', 'Quarterly']] },
    { image: true },
    { style: 'Heading1', text: 'Document history' },
    { table: [['Version', 'Date', 'Author', 'Changes'], ['1.0', '2024-02-01', 'Ben Li', 'First issue'], ['2.0', '2025-03-10', 'Ben Li', 'Okta replaces Google sign-in'], ['2.1', '2026-03-12', 'Ben Li', 'Yearly review']] },
  ]),
);

// A customer's questionnaire: a cover sheet, a title, a styled header, sections, and the questions
// of the labelled fixture without their labels.
const labelled: { Ref: string; Question: string }[] = parse(readFileSync(path.join(root, 'tests/fixtures/questionnaires/labelled.csv')), { columns: true });
const questionnaire = new ExcelJS.Workbook();
questionnaire.created = questionnaire.modified = new Date(Date.UTC(2026, 10, 2));
const cover = questionnaire.addWorksheet('Instructions');
cover.getCell('A1').value = 'Northwind Bank — Third-party security assessment';
cover.getCell('A3').value = 'Answer every question in the Vendor response column. Return by 30 November 2026.';
const questions = questionnaire.addWorksheet('Questions', { views: [{ state: 'frozen', ySplit: 3 }] });
questions.addRow(['Northwind Bank — Third-party security assessment']);
questions.mergeCells('A1:D1');
questions.getCell('A1').font = { bold: true, size: 14 };
questions.addRow([]);
const header = questions.addRow(['Ref', 'Question', 'Vendor response', 'Northwind comments']);
header.eachCell((cell) => {
  cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
});
questions.columns = [{ width: 10 }, { width: 70 }, { width: 60 }, { width: 30 }];
questions.addRow(['', 'Security questions']).font = { bold: true };
labelled.forEach((q, i) => questions.addRow([q.Ref || `Q${String(i + 1).padStart(3, '0')}`, q.Question, '', '']));
writeFileSync(path.join(root, 'examples', 'questionnaire.xlsx'), Buffer.from(await questionnaire.xlsx.writeBuffer()));
