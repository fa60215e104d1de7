/**
 * `trustbook answer FILE --out OUT`: a customer's questionnaire filled from the answer library, and
 * `trustbook answer --learn REVIEWED`: the wordings a reviewer accepted added to the answers'
 * `phrasings`. Read → match → write a copy; the customer's file is never changed.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { LineSchema } from '../model/schemas.ts';
import { loadContent } from '../load/loader.ts';
import { link } from '../link/linker.ts';
import { answerLibrary } from '../questionnaire/library.ts';
import { CONFIDENT, Matcher, terms, type Match } from '../questionnaire/match.ts';
import { addedColumns, readQuestionnaire, writeFilled, type Filled, type Questionnaire } from '../questionnaire/sheet.ts';
import { readTables } from '../import/table.ts';
import { headerKey } from '../import/normalise.ts';
import { plural } from '../model/words.ts';
import { contentFolder } from './args.ts';

export const ANSWER_USAGE = `Usage: trustbook answer FILE.xlsx|FILE.csv --out OUT.xlsx|OUT.csv [options]
       trustbook answer --learn REVIEWED.xlsx|REVIEWED.csv [options]

Fills a customer's security questionnaire from the answer library: by a standard questionnaire's
ID when an answer references it, else by the question's words. Writes a copy with the answers and,
at the right, the answer's id, its link, its controls, a confidence (0–1), how it matched and
whether it needs review. --learn reads a reviewed copy back and adds each accepted question's
wording to its answer's \`phrasings\`. See docs/questionnaires.md.

Options
  --content DIR              Content folder (default: $TRUSTBOOK_CONTENT or ./content)
  --out FILE                 Where to write the filled copy (.xlsx or .csv; never the input)
  --sheet NAME               The workbook's sheet (default: the one with a question column)
  --question-column HEADER   The column of questions, by its header
  --answer-column HEADER     The column answers go in (default: one headed Answer, Response, …;
                             else a new column)
  --id-column HEADER         The column of questionnaire IDs (CAIQ, SIG, …)
  --questionnaire ID         Match IDs only against this questionnaire's (caiq-v4, sig-lite-2024)
  --format text|json         The report (default: text)
  --learn FILE               Add the accepted wordings of a reviewed copy to the answers
  --dry-run                  With --learn: say what would be added, and change nothing
  -h, --help                 Show this help
`;

interface RowResult {
  row: number;
  ref: string | null;
  question: string;
  match: Match;
}

export async function answerCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        out: { type: 'string' },
        sheet: { type: 'string' },
        'question-column': { type: 'string' },
        'answer-column': { type: 'string' },
        'id-column': { type: 'string' },
        questionnaire: { type: 'string' },
        format: { type: 'string', default: 'text' },
        learn: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(ANSWER_USAGE);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') return usageError(`--format is text or json, not "${values.format}".`);
  const content = contentFolder(values.content);
  if (!existsSync(content)) {
    process.stderr.write(`The content folder ${content} does not exist. Name it with --content.\n`);
    return 1;
  }
  const loaded = loadContent(content);
  const model = link(loaded);
  const broken = loaded.diagnostics.filter((d) => d.severity === 'error' && d.file.includes('answers'));
  if (broken.length) {
    process.stderr.write(`The answer library cannot be read: ${broken.map((d) => `${d.file}${d.line ? `:${d.line}` : ''} ${d.message}`).join('; ')}\nRun \`trustbook check\` and fix it first.\n`);
    return 1;
  }
  const twice = model.duplicates.filter((d) => d.second.collection === 'answers');
  if (twice.length) {
    process.stderr.write(`${twice.map((d) => `${d.second.file}:${d.second.position.line}: the answer id "${d.second.id}" is used already at ${d.first.file}:${d.first.position.line}`).join('\n')}\nGive each answer an id of its own (\`trustbook check\` lists every problem).\n`);
    return 1;
  }
  const library = answerLibrary(model);
  if (!library.length) {
    process.stderr.write(`${content} has no answers yet: add questionnaire answers to answers/ (docs/content-format.md#questionnaire-answers).\n`);
    return 1;
  }
  const matcher = new Matcher(library);
  if (values.learn) {
    if (positionals.length) return usageError('--learn reads one reviewed file: name it after --learn alone.');
    return learn(values.learn, matcher, content, { sheet: values.sheet, question: values['question-column'], answer: values['answer-column'], id: values['id-column'], dryRun: values['dry-run'] });
  }

  const [file, ...extra] = positionals;
  if (!file) return usageError('Name the questionnaire to answer.');
  if (extra.length) return usageError(`Unexpected argument "${extra[0]}".`);
  if (!values.out) return usageError('Name where to write the filled copy with --out (the questionnaire itself is never changed).');
  const out = path.resolve(values.out);
  if (!/\.(xlsx|csv)$/i.test(out)) return usageError('--out must end in .xlsx or .csv.');
  if (/\.csv$/i.test(file) !== /\.csv$/i.test(out)) return usageError('--out must be of the same kind as the questionnaire (.xlsx for a workbook, .csv for CSV), so that nothing of it is lost.');
  if (sameFile(out, file)) return usageError('--out names the questionnaire itself: write the filled copy to another file.');
  if (!existsSync(path.dirname(out)) || !statSync(path.dirname(out)).isDirectory()) return usageError(`--out: the folder ${path.dirname(out)} does not exist.`);

  const read = await readQuestionnaire(file, { sheet: values.sheet, question: values['question-column'], answer: values['answer-column'], id: values['id-column'] });
  if (!read.ok) {
    process.stderr.write(`${read.reason}${read.hint ? `\nHint: ${read.hint}` : ''}\nNothing was written.\n`);
    return 1;
  }
  const questionnaire = read.questionnaire;
  const results: RowResult[] = questionnaire.questions.map((q) => ({ ...q, match: matcher.match(q.question, q.ref, values.questionnaire) }));
  const filled: Filled[] = results.map(({ row, match }) => ({
    row,
    answer: match.answer?.text ?? '',
    values: {
      id: match.answer?.id ?? '',
      link: match.answer ? (match.answer.url ?? 'internal — not for sharing as a link') : '',
      controls: match.answer?.controls.join(', ') ?? '',
      confidence: match.answer ? match.confidence : '',
      matchedBy: match.matchedBy,
      review: reviewNote(match),
    },
  }));
  const { bytes, kept } = await writeFilled(questionnaire, filled, out);
  // Written beside the target and renamed into place: a reader never sees half a workbook.
  const temporary = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    process.stderr.write(`${out} could not be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Choose a file you can write.\n`);
    return 1;
  }
  const summary = summarise(results);
  if (values.format === 'json') process.stdout.write(`${JSON.stringify({ rows: results.map(jsonRow), summary }, null, 2)}\n`);
  else process.stdout.write(textReport(questionnaire, results, summary, path.relative(process.cwd(), out) || out, kept));
  return 0;
}

/** Whether two paths name one file, however they are spelt (case, links): by device and inode. */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function reviewNote(match: Match): string {
  if (!match.answer) return 'unanswered: no answer in the library matches';
  const notes = [match.matchedBy === 'text' && match.confidence < CONFIDENT ? 'needs review: low confidence' : '', match.answer.public ? '' : 'internal answer: check before sharing'].filter(Boolean);
  return notes.join('; ');
}

function summarise(results: readonly RowResult[]) {
  const by = (f: (r: RowResult) => boolean) => results.filter(f).length;
  return {
    questions: results.length,
    byReference: by((r) => r.match.matchedBy === 'reference'),
    confident: by((r) => r.match.matchedBy === 'text' && r.match.confidence >= CONFIDENT),
    needsReview: by((r) => r.match.matchedBy === 'text' && r.match.confidence < CONFIDENT),
    unanswered: by((r) => r.match.matchedBy === 'none'),
  };
}

const jsonRow = ({ row, ref, question, match }: RowResult) => ({
  row,
  ref,
  question,
  answer: match.answer ? { id: match.answer.id, text: match.answer.text, url: match.answer.url, public: match.answer.public } : null,
  confidence: match.confidence,
  matchedBy: match.matchedBy,
  alternatives: match.alternatives,
});

function textReport(q: Questionnaire, results: readonly RowResult[], s: ReturnType<typeof summarise>, out: string, kept: readonly number[]): string {
  const where = q.table.sheet === null ? path.basename(q.file) : `${path.basename(q.file)}, sheet "${q.table.sheet}"`;
  const lines = [`${where}: ${plural(s.questions, 'question')} from row ${q.header.row.number + 1}.`, ''];
  const review = results.filter((r) => r.match.matchedBy === 'text' && r.match.confidence < CONFIDENT);
  const none = results.filter((r) => r.match.matchedBy === 'none');
  const cut = (text: string) => (text.length > 90 ? `${text.slice(0, 89).replace(/\s+\S*$/, '')}…` : text);
  if (review.length) {
    lines.push('Needs review (answered with low confidence):');
    for (const r of review) lines.push(`  row ${r.row}  ${r.match.confidence.toFixed(2)}  ${r.match.answer!.id}  ${cut(r.question)}`);
    lines.push('');
  }
  if (none.length) {
    lines.push('Unanswered (left blank):');
    for (const r of none) lines.push(`  row ${r.row}  ${cut(r.question)}`);
    lines.push('');
  }
  if (kept.length) {
    lines.push(`Answer cell left as it was (it holds text already, or is merged with another cell; the answer is in the "${addedColumns.id}" column):`, `  ${kept.map((r) => `row ${r}`).join(', ')}`, '');
  }
  lines.push(
    `${s.byReference} answered by reference, ${s.confident} answered confidently, ${s.needsReview} ${s.needsReview === 1 ? 'needs' : 'need'} review, ${s.unanswered} unanswered.`,
    `Wrote ${out}. Review it, correct the "${addedColumns.id}" column where an answer is wrong, then: trustbook answer --learn ${out}`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `--learn`: each row of a reviewed copy whose Trustbook answer column names an answer adds the
 * row's question to that answer's `phrasings` — unless the library already matches it by reference,
 * or the wording is (nearly) the answer's own question or one of its phrasings.
 */
async function learn(file: string, matcher: Matcher, content: string, options: { sheet?: string | undefined; question?: string | undefined; answer?: string | undefined; id?: string | undefined; dryRun: boolean }): Promise<number> {
  const read = await readQuestionnaire(file, { sheet: options.sheet, question: options.question, answer: options.answer, id: options.id });
  if (!read.ok) {
    process.stderr.write(`${read.reason}${read.hint ? `\nHint: ${read.hint}` : ''}\n`);
    return 1;
  }
  const tables = await readTables(file, { sheet: read.questionnaire.table.sheet ?? undefined });
  const header = read.questionnaire.header.row.cells.map(headerKey);
  const idColumn = header.indexOf(headerKey(addedColumns.id));
  const byColumn = header.indexOf(headerKey(addedColumns.matchedBy));
  const reviewColumn = header.indexOf(headerKey(addedColumns.review));
  if (!tables.ok || idColumn < 0) {
    process.stderr.write(`${file} has no "${addedColumns.id}" column: --learn reads a copy that \`trustbook answer\` wrote and a person reviewed.\n`);
    return 1;
  }
  const rows = new Map(read.questionnaire.table.rows.map((r) => [r.number, r]));
  const added = new Map<string, string[]>();
  const unknown: string[] = [];
  let unreviewed = 0;
  const key = (text: string) => terms(text).sort().join(' ');
  for (const q of read.questionnaire.questions) {
    const cells = rows.get(q.row)!.cells;
    const id = (cells[idColumn] ?? '').trim();
    // A phrasing is one line: a question typed over several lines in its cell is read as one.
    const wording = q.question.replace(/\s+/g, ' ').trim();
    if (!id) continue;
    const answer = matcher.get(id);
    if (!answer) {
      unknown.push(`row ${q.row}: "${id}" is not an answer of the library`);
      continue;
    }
    if ((cells[byColumn] ?? '').trim() === 'reference' && q.ref && matcher.byReference(q.ref).some((a) => a.id === id)) continue;
    // A row still marked for review has not been accepted: the reviewer clears the mark.
    if (/needs review/i.test(cells[reviewColumn] ?? '')) {
      unreviewed++;
      continue;
    }
    const known = [answer.question, ...answer.phrasings, ...(added.get(id) ?? [])].map(key);
    if (known.includes(key(wording)) || !LineSchema.safeParse(wording).success) continue;
    added.set(id, [...(added.get(id) ?? []), wording]);
  }
  if (unknown.length) {
    process.stderr.write(`${unknown.join('\n')}\nCorrect the "${addedColumns.id}" column (an answer's id, or empty), and learn again. Nothing was changed.\n`);
    return 1;
  }
  const files = writePhrasings(content, added, options.dryRun);
  const count = [...added.values()].flat().length;
  const lines = [...added].flatMap(([id, wordings]) => wordings.map((w) => `  ${id}: "${w}"`));
  const skipped = unreviewed ? `\n${plural(unreviewed, 'row')} still marked "needs review" ${unreviewed === 1 ? 'was' : 'were'} not learnt: check each, correct its answer, clear the mark in the "${addedColumns.review}" column, and learn again.` : '';
  process.stdout.write(`${lines.join('\n')}${lines.length ? '\n\n' : ''}${options.dryRun ? 'Would add' : 'Added'} ${plural(count, 'phrasing')} to ${plural(added.size, 'answer')}${files.length ? ` in ${files.join(', ')}` : ''}.${count && !options.dryRun ? ' Review the change with git diff, and commit it.' : ''}${skipped}\n`);
  return 0;
}

/**
 * Adds phrasings to the answers' YAML as new lines in the files as they are: every other line, its
 * comments, folding and spacing, stays byte for byte, so the change reads as what it is in a review.
 * Returns the files changed. Each file is checked to read back with exactly the phrasings added.
 */
function writePhrasings(content: string, added: ReadonlyMap<string, string[]>, dryRun: boolean): string[] {
  const loaded = loadContent(content);
  const changed: string[] = [];
  const byFile = new Map<string, string[]>();
  for (const id of added.keys()) {
    const entry = loaded.entries.answers.find((a) => a.id === id)!;
    byFile.set(entry.absPath, [...(byFile.get(entry.absPath) ?? []), id]);
  }
  for (const [file, ids] of byFile) {
    const text = readFileSync(file, 'utf8');
    const next = withPhrasings(text, new Map(ids.map((id) => [id, added.get(id)!])));
    changed.push(path.relative(content, file));
    if (!dryRun) {
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, next, { flag: 'wx' });
      renameSync(temporary, file);
    }
  }
  return changed;
}

/** The text of an answers file with `wordings` added to the phrasings of the answers they name. */
export function withPhrasings(text: string, wordings: ReadonlyMap<string, readonly string[]>): string {
  const doc = parseDocument(text);
  const items = isSeq(doc.contents) ? (doc.contents.items as unknown[]) : [doc.contents];
  const edits: { at: number; insert: string; end?: number }[] = [];
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => {
    const end = text.indexOf('\n', offset);
    return end < 0 ? text.length : end;
  };
  const quoted = (s: string) => JSON.stringify(s);
  for (const item of items) {
    if (!isMap(item)) continue;
    const id = String((item as YAMLMap).get('id'));
    const add = wordings.get(id);
    if (!add?.length) continue;
    const pairs = (item as YAMLMap).items as Pair<Scalar, unknown>[];
    const existing = pairs.find((p) => isScalar(p.key) && p.key.value === 'phrasings');
    const keyIndent = (p: Pair<Scalar, unknown>) => text.slice(lineStart(p.key.range![0]), p.key.range![0]).replace(/[^ ]/g, ' ');
    if (existing && isSeq(existing.value) && !existing.value.flow && existing.value.items.length) {
      // A block list: new items after its last, indented as it is.
      const last = existing.value.items.at(-1) as Node;
      const start = lineStart(last.range![0]);
      const dash = text.slice(start, last.range![0]);
      edits.push({ at: lineEnd(last.range![1] - 1), insert: add.map((w) => `\n${dash}${quoted(w)}`).join('') });
    } else if (existing && isSeq(existing.value)) {
      // A flow list (`phrasings: [a, b]` or `[]`): written again with the new ones.
      const all = [...(existing.value.items as Scalar[]).map((i) => String(i.value)), ...add];
      edits.push({ at: existing.value.range![0], end: existing.value.range![1], insert: `[${all.map(quoted).join(', ')}]` });
    } else if (!existing) {
      // No list yet: one after the answer's last field, at the indentation of its fields.
      const last = pairs.at(-1)!;
      const end = (last.value as Node | null)?.range?.[1] ?? last.key.range![1];
      const indent = keyIndent(pairs[pairs.length - 1]!);
      edits.push({ at: lineEnd(Math.max(end - 1, 0)), insert: `\n${indent}phrasings:${add.map((w) => `\n${indent}  - ${quoted(w)}`).join('')}` });
    }
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = `${out.slice(0, edit.at)}${edit.insert}${out.slice(edit.end ?? edit.at)}`;
  // What was written must read back as the same answers with the phrasings added, or nothing is written.
  const before = parseDocument(text).toJS() as unknown;
  const after = parseDocument(out).toJS() as unknown;
  const list = (v: unknown) => (Array.isArray(v) ? v : [v]) as Record<string, unknown>[];
  const expected = list(before).map((a) => (a && wordings.has(String(a.id)) ? { ...a, phrasings: [...((a.phrasings as string[] | undefined) ?? []), ...wordings.get(String(a.id))!] } : a));
  if (!isDeepStrictEqual(list(after), expected)) throw new Error('The phrasings could not be added without changing the rest of the file.');
  return out;
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${ANSWER_USAGE}`);
  return 2;
}

