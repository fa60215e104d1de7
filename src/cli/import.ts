/**
 * `trustbook import soa|subprocessors FILE`: a spreadsheet into the content folder. Read → plan →
 * decide per file → report → write. Any error in the sheet stops the import before a single file
 * is written; `--dry-run` reports and writes nothing.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { readTables, type Table } from '../import/table.ts';
import { parseMapOptions } from '../import/header.ts';
import { readExisting, type Existing } from '../import/existing.ts';
import { bestTable, importSoa, soaColumns, type ImportResult } from '../import/soa.ts';
import { importSubprocessors, subprocessorColumns } from '../import/subprocessors.ts';
import { compareImportProblems, formatImportProblem, importProblem } from '../import/problems.ts';
import { decide, writeDecisions, type Decision, type Outcome } from '../import/write.ts';
import type { Columns } from '../import/header.ts';

export const IMPORT_USAGE = `Usage: trustbook import <soa|subprocessors> FILE.xlsx|FILE.csv [options]

Reads a spreadsheet into the content folder: one file per SoA entry (soa/A.5.1.yaml), with the
people and evidence items it names, or one file per subprocessor. See docs/importing.md.

Options
  --content DIR           Content folder (default: $TRUSTBOOK_CONTENT or ./content)
  --sheet NAME            The workbook's sheet to read (default: the first)
  --map "Header=field"    Read the column with this header as this field (repeatable);
                          \`ignore\` skips a column
  --dry-run               Report what would be written, and write nothing
  --force                 Overwrite files edited by hand since the last import
  -h, --help              Show this help
`;

type Run = (table: Table, existing: Existing, overrides: ReadonlyMap<string, string>) => ImportResult;

// The `--map` fields were checked against each kind's columns, so its overrides fit its reader.
const kinds: Record<'soa' | 'subprocessors', { columns: Columns<string>; run: Run }> = {
  soa: { columns: soaColumns, run: importSoa as Run },
  subprocessors: { columns: subprocessorColumns, run: importSubprocessors as Run },
};

export async function importCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        sheet: { type: 'string' },
        map: { type: 'string', multiple: true, default: [] },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(IMPORT_USAGE);
    return 0;
  }
  const [kind, file, ...extra] = positionals;
  if (kind !== 'soa' && kind !== 'subprocessors') return usageError(kind ? `Unknown import "${kind}": use soa or subprocessors.` : 'Name what to import: soa or subprocessors.');
  if (!file) return usageError('Name the spreadsheet to import.');
  if (extra.length) return usageError(`Unexpected argument "${extra[0]}".`);
  const { columns, run } = kinds[kind];
  const map = parseMapOptions(values.map, columns);
  if (!map.ok) return usageError(map.reason);
  const content = path.resolve(values.content ?? (process.env.TRUSTBOOK_CONTENT || 'content'));

  const existing = readExisting(content);
  if (!existing.found) {
    process.stderr.write(`The content folder ${content} does not exist.\nCreate it with a settings.yaml (see docs/content-format.md), or name another with --content.\n`);
    return 1;
  }
  const read = await readTables(file, { sheet: values.sheet });
  if (!read.ok) {
    process.stdout.write(`${formatImportProblem(importProblem('import/unreadable', { file }, read.reason, read.hint))}\n\nNothing was written.\n`);
    return 1;
  }
  const result = run(bestTable(read.tables, columns, map.overrides), existing, map.overrides);
  const decisions = decide(content, result.files, values.force);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  process.stdout.write(report(result, decisions, { dryRun: values['dry-run'], errors }));
  if (errors) return 1;
  if (values['dry-run']) return 0;
  const written = writeDecisions(content, decisions);
  if (!written.ok) {
    process.stdout.write(`${written.reason}\n`);
    return 1;
  }
  return 0;
}

const labels: Record<Outcome, string> = { create: 'create', change: 'update', unchanged: 'unchanged', kept: 'kept', overwrite: 'overwrite' };

/** The report: what was read, every problem at its row and column, then each file and what happens to it. */
export function report(result: ImportResult, decisions: readonly Decision[], { dryRun, errors }: { dryRun: boolean; errors: number }): string {
  const out: string[] = [...result.info, ''];
  const problems = [...result.problems].sort(compareImportProblems);
  for (const p of problems) out.push(formatImportProblem(p), '');
  if (errors) {
    out.push(`${errors} ${errors === 1 ? 'error' : 'errors'} in the sheet. Nothing was written: correct the sheet (or say which column is which with --map) and import again.`);
    return `${out.join('\n')}\n`;
  }
  const width = Math.max(...Object.values(labels).map((l) => l.length));
  out.push(dryRun ? 'Would write (dry run, nothing written):' : 'Written:');
  for (const d of decisions) {
    const note = d.outcome === 'kept' ? `  ${d.file.source}: kept your edit; --force to overwrite` : d.outcome === 'overwrite' ? `  ${d.file.source}: your edit is overwritten (--force)` : '';
    out.push(`  ${labels[d.outcome].padEnd(width)}  ${d.file.path}${note}`);
  }
  for (const line of result.unchangedElsewhere) out.push(`  ${'unchanged'.padEnd(width)}  ${line}`);
  const count = (o: Outcome) => decisions.filter((d) => d.outcome === o).length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  out.push(
    '',
    `${count('create')} created, ${count('change') + count('overwrite')} updated, ${count('unchanged') + result.unchangedElsewhere.length} unchanged, ${count('kept')} kept as edited; ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`,
    dryRun ? 'Run again without --dry-run to write these files, then `trustbook check` to see what is left to decide.' : 'Next: `trustbook check` lists what the sheet did not say (a basis, evidence dates, owners to confirm).',
  );
  return `${out.join('\n')}\n`;
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${IMPORT_USAGE}`);
  return 2;
}
