/**
 * `trustbook import soa|subprocessors FILE` (a spreadsheet) and `trustbook import policies FILE…`
 * (Markdown or Word documents) into the content folder. Read → plan → decide per file → report →
 * write. Any error stops the import before a single file is written; `--dry-run` reports and writes
 * nothing.
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
import { readDocument, type PolicyDocument } from '../import/document.ts';
import { importPolicies } from '../import/policies.ts';
import { resolveToday } from '../model/dates.ts';
import { contentFolder } from './args.ts';
import { readdirSync, statSync } from 'node:fs';
import type { Columns } from '../import/header.ts';

export const IMPORT_USAGE = `Usage: trustbook import <soa|subprocessors> FILE.xlsx|FILE.csv [options]
       trustbook import policies FILE.docx|FILE.md|FOLDER… [options]

Reads a spreadsheet into the content folder: one file per SoA entry (soa/A.5.1.yaml), with the
people and evidence items it names, or one file per subprocessor. Reads policy documents (Word or
Markdown; a folder means each such document in it) into one policy each (policies/<id>.mdx), with
the title, version, owner, approver and dates the document gives. See docs/importing.md.

Options
  --content DIR           Content folder (default: $TRUSTBOOK_CONTENT or ./content)
  --sheet NAME            The workbook's sheet to read (default: the first; not for policies)
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
  if (kind === 'policies') return importPolicyFiles(positionals.slice(1), values);
  if (kind !== 'soa' && kind !== 'subprocessors') return usageError(kind ? `Unknown import "${kind}": use soa, subprocessors or policies.` : 'Name what to import: soa, subprocessors or policies.');
  if (!file) return usageError('Name the spreadsheet to import.');
  if (extra.length) return usageError(`Unexpected argument "${extra[0]}".`);
  const { columns, run } = kinds[kind];
  const map = parseMapOptions(values.map, columns);
  if (!map.ok) return usageError(map.reason);
  const content = contentFolder(values.content);
  const existing = readExisting(content);
  if (!existing.found) return noContent(content);
  const read = await readTables(file, { sheet: values.sheet });
  if (!read.ok) {
    process.stdout.write(`${formatImportProblem(importProblem('import/unreadable', { file }, read.reason, read.hint))}\n\nNothing was written.\n`);
    return 1;
  }
  const result = run(bestTable(read.tables, columns, map.overrides), existing, map.overrides);
  return finish(content, result, values);
}

interface ImportOptions {
  content?: string | undefined;
  sheet?: string | undefined;
  map: string[];
  'dry-run': boolean;
  force: boolean;
}

function noContent(content: string): number {
  process.stderr.write(`The content folder ${content} does not exist.\nCreate it with \`trustbook init\` (see docs/getting-started.md), or name another with --content.\n`);
  return 1;
}

/** `import policies`: every document named (a folder: each Word or Markdown document in it), all read before anything is planned. */
async function importPolicyFiles(named: string[], values: ImportOptions): Promise<number> {
  if (!named.length) return usageError('Name the policy documents to import (.docx or .md files, or a folder of them).');
  if (values.sheet) return usageError('--sheet is for spreadsheets; policies are read whole.');
  if (values.map.length) return usageError('--map is for spreadsheets; policies are read by the labels they use (docs/importing.md#policies).');
  const content = contentFolder(values.content);
  const existing = readExisting(content);
  if (!existing.found) return noContent(content);
  const files = named.flatMap((name) => documentsIn(name));
  const documents: PolicyDocument[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const read = await readDocument(file);
    if (read.ok) documents.push(read.document);
    else unreadable.push(formatImportProblem(importProblem('import/unreadable', { file }, read.reason, read.hint)));
  }
  if (unreadable.length) {
    process.stdout.write(`${unreadable.join('\n\n')}\n\nNothing was written.\n`);
    return 1;
  }
  const today = resolveToday(process.env.TRUSTBOOK_TODAY || undefined, undefined);
  return finish(content, importPolicies(documents, existing, { today }), values, true);
}

/** A file as named; a folder as the Word and Markdown documents directly in it, in name order. */
function documentsIn(name: string): string[] {
  try {
    if (!statSync(name).isDirectory()) return [name];
  } catch {
    return [name];
  }
  const found = readdirSync(name)
    .filter((f) => /\.(docx|md|markdown)$/i.test(f) && !f.startsWith('~$') && !f.startsWith('.'))
    .sort()
    .map((f) => path.join(name, f));
  return found.length ? found : [name];
}

/** Decides each planned file, reports, and writes unless there were errors or it is a dry run. */
function finish(content: string, result: ImportResult, values: ImportOptions, documents = false): number {
  const decisions = decide(content, result.files, values.force);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors || values['dry-run']) {
    process.stdout.write(report(result, decisions, { dryRun: values['dry-run'], errors, documents }));
    return errors ? 1 : 0;
  }
  // Written first, reported after: the report says "Written" only of what was.
  const written = writeDecisions(content, decisions);
  if (!written.ok) {
    process.stdout.write(`${report(result, decisions, { dryRun: true, errors, documents }).replace('Would write (dry run, nothing written):', 'Would have written:').replace(/\n[^\n]*Run again without --dry-run[^\n]*\n$/, '\n')}\n${written.reason}\n`);
    return 1;
  }
  process.stdout.write(report(result, decisions, { dryRun: false, errors, documents }));
  return 0;
}

const labels: Record<Outcome, string> = { create: 'create', change: 'update', unchanged: 'unchanged', kept: 'kept', overwrite: 'overwrite' };

/** The report: what was read, every problem at its row and column, then each file and what happens to it. */
export function report(result: ImportResult, decisions: readonly Decision[], { dryRun, errors, documents = false }: { dryRun: boolean; errors: number; documents?: boolean }): string {
  const out: string[] = [...result.info, ''];
  const problems = [...result.problems].sort(compareImportProblems);
  for (const p of problems) out.push(formatImportProblem(p), '');
  if (errors) {
    out.push(`${errors} ${errors === 1 ? 'error' : 'errors'} in the ${documents ? 'documents' : 'sheet'}. Nothing was written: ${documents ? 'correct the documents' : 'correct the sheet (or say which column is which with --map)'} and import again.`);
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
    dryRun ? 'Run again without --dry-run to write these files, then `trustbook check` to see what is left to decide.' : documents ? 'Next: `trustbook check` lists what the documents did not say; the `to confirm` comments in each file mark what the import inferred.' : 'Next: `trustbook check` lists what the sheet did not say, and the placeholders the import wrote.',
  );
  return `${out.join('\n')}\n`;
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${IMPORT_USAGE}`);
  return 2;
}
