/**
 * A list of subprocessors kept in a spreadsheet, read into one file per subprocessor
 * (`subprocessors/postmark.yaml`), each internal until someone decides to publish it.
 */
import path from 'node:path';
import { SubprocessorSchema } from '../model/schemas.ts';
import type { Columns } from './header.ts';
import { parseBoolean, parseDate, slugify, splitList } from './normalise.ts';
import { importProblem, type ImportProblem, type Place } from './problems.ts';
import { fileOf, type Existing } from './existing.ts';
import { describeTable, readHeader, type ImportResult } from './soa.ts';
import type { Table } from './table.ts';
import { sameData, type PlannedFile } from './write.ts';

export type SubprocessorField = 'name' | 'purpose' | 'dataCategories' | 'location' | 'website' | 'since' | 'public';

export const subprocessorColumns: Columns<SubprocessorField> = {
  names: {
    name: ['Name', 'Subprocessor', 'Sub-processor', 'Vendor', 'Supplier', 'Company', 'Provider', 'Entity'],
    purpose: ['Purpose', 'Service', 'Services', 'Purpose of processing', 'Processing activity', 'Description', 'Nature of processing'],
    dataCategories: ['Data categories', 'Data', 'Categories of data', 'Data processed', 'Personal data', 'Data types', 'Type of data'],
    location: ['Location', 'Region', 'Country', 'Processing location', 'Data location', 'Hosting location'],
    website: ['Website', 'URL', 'Web site', 'Link', 'Homepage'],
    since: ['Since', 'Start date', 'Started', 'Date added', 'Effective date', 'Added'],
    public: ['Public', 'Published', 'Show on trust center', 'Visible'],
  },
  required: ['name'],
};

const required: SubprocessorField[] = ['name', 'purpose', 'dataCategories', 'location', 'website', 'since'];

export function importSubprocessors(table: Table, existing: Existing, overrides: ReadonlyMap<string, SubprocessorField | 'ignore'>): ImportResult {
  const problems: ImportProblem[] = [];
  const info: string[] = [];
  const result: ImportResult = { problems, files: [], info, unchangedElsewhere: [] };
  const header = readHeader(table, subprocessorColumns, overrides, problems, info);
  if (!header) return result;
  for (const field of required.filter((f) => !header.columns.has(f) && f !== 'name')) {
    problems.push(importProblem('import/missing-column', { file: table.file, row: header.row.number }, `The header row has no ${field} column, which every subprocessor needs.`, `Add one, or name the column that holds it: --map "Column header=${field}".`));
  }
  if (problems.some((p) => p.severity === 'error')) return result;

  const seen = new Map<string, number>();
  let rows = 0;
  for (const row of table.rows.filter((r) => r.number > header.row.number)) {
    const cell = (field: SubprocessorField) => (header.columns.has(field) ? (row.cells[header.columns.get(field)!] ?? '').trim() : '');
    const at = (field?: SubprocessorField): Place => ({ file: table.file, row: row.number, column: field && header.columns.has(field) ? header.columns.get(field)! + 1 : null });
    const values = new Set(row.cells.filter(Boolean));
    if (values.size <= 1 || /^(sub)?totals?\b/i.test(row.cells.find(Boolean) ?? '')) continue;
    const name = cell('name');
    if (!name) {
      problems.push(importProblem('import/row-skipped', at('name'), 'This row has values but no name: it was not imported.', 'Write the subprocessor\'s name, or delete the row.'));
      continue;
    }
    const id = slugify(name);
    if (seen.has(id)) {
      problems.push(importProblem('import/duplicate-row', at('name'), `${name} is on row ${seen.get(id)} already.`, 'Keep one row per subprocessor.'));
      continue;
    }
    seen.set(id, row.number);
    rows++;
    let failed = false;
    const bad = (field: SubprocessorField, reason: string, hint?: string) => {
      problems.push(importProblem('import/bad-value', at(field), `${field}: ${reason}`, hint));
      failed = true;
    };
    for (const field of required) if (!cell(field)) {
      problems.push(importProblem('import/missing-value', at(field), `${name} has no ${field}, which every subprocessor needs.`));
      failed = true;
    }
    const since = parseDate(cell('since'));
    if (!since.ok) bad('since', since.reason, since.hint);
    const visible = parseBoolean(cell('public'));
    if (!visible.ok) bad('public', visible.reason, visible.hint);
    let website = cell('website');
    if (website && !/^[a-z][a-z0-9+.-]*:/i.test(website)) website = `https://${website}`;
    if (/^http:/i.test(website)) bad('website', `"${website}" is not an https:// address.`, 'Write the https:// address: the trust center links only to https.');
    if (failed) continue;
    const data: Record<string, unknown> = {
      id,
      name,
      purpose: cell('purpose'),
      dataCategories: splitList(cell('dataCategories'), /[;\n,]/y),
      location: cell('location'),
      website,
      since: since.ok ? since.value : undefined,
      ...(visible.ok && visible.value ? { visibility: 'public' } : {}),
    };
    const parsed = SubprocessorSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(importProblem('import/invalid-entity', at(issue.path[0] === 'website' ? 'website' : undefined), `subprocessors/${id}.yaml would not load: \`${issue.path.map(String).join('.')}\`: ${issue.message}`, 'Correct the value in the sheet.'));
      continue;
    }
    const elsewhere = existing.files.subprocessors.get(id);
    const normal = (v: unknown) => {
      const p = SubprocessorSchema.safeParse(v);
      return p.success ? p.data : v;
    };
    const planned: PlannedFile = {
      path: `subprocessors/${id}.yaml`,
      data,
      comment: [`Imported from ${path.basename(table.file)}${table.sheet === null ? '' : `, sheet "${table.sheet}"`}, row ${row.number}.`],
      source: `${table.file}:${row.number}`,
      same: (a, b) => sameData(normal(a), normal(b)),
    };
    if (elsewhere && fileOf(existing, elsewhere) !== planned.path) {
      if (planned.same(elsewhere.data, data)) result.unchangedElsewhere.push(`${fileOf(existing, elsewhere)} (${id})`);
      else problems.push(importProblem('import/entry-elsewhere', at('name'), `${name} already has an entry in ${fileOf(existing, elsewhere)}, which differs from this row; an import does not rewrite it.`, `Edit ${fileOf(existing, elsewhere)} by hand.`));
      continue;
    }
    result.files.push(planned);
  }
  info.push(`${describeTable(table)}: ${rows} subprocessors read.`);
  return result;
}
