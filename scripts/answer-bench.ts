/**
 * Measures `trustbook answer` on a labelled questionnaire written against the example organisation
 * (tests/fixtures/questionnaires/labelled.csv: each question with the answer it should get, or none):
 * exact-ID accuracy, top-1 accuracy on the answerable questions, the share of unanswerable ones not
 * answered confidently, and the time to match 1,000 questions. Prints the figures; with `--write`
 * (as `npm run bench:answers` runs it) also writes them into their section of docs/benchmarks.md.
 *
 *   node scripts/answer-bench.ts [--misses] [--write]
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { loadContent } from '../src/load/loader.ts';
import { link } from '../src/link/linker.ts';
import { answerLibrary } from '../src/questionnaire/library.ts';
import { CONFIDENT, Matcher } from '../src/questionnaire/match.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The section of docs/benchmarks.md this script owns; `npm run bench` keeps it as it is. */
export const START = '<!-- answers: written by npm run bench:answers -->';
export const END = '<!-- /answers -->';

export interface AnswerBenchmark {
  questions: number;
  byReference: { total: number; correct: number };
  answerable: { total: number; top1: number; top3: number };
  unanswerable: { total: number; notConfident: number };
  thousand: { ms: number; wholeCommandMs: number };
  misses: string[];
}

export function answerBenchmark(): AnswerBenchmark {
  const rows: { Ref: string; Question: string; Expected: string }[] = parse(readFileSync(`${root}tests/fixtures/questionnaires/labelled.csv`), { columns: true });
  const matcher = new Matcher(answerLibrary(link(loadContent(`${root}content`))));
  const result: AnswerBenchmark = { questions: rows.length, byReference: { total: 0, correct: 0 }, answerable: { total: 0, top1: 0, top3: 0 }, unanswerable: { total: 0, notConfident: 0 }, thousand: { ms: 0, wholeCommandMs: 0 }, misses: [] };
  for (const { Ref, Question, Expected } of rows) {
    const match = matcher.match(Question, Ref || null);
    const got = match.answer?.id ?? '';
    if (Ref) {
      result.byReference.total++;
      if (match.matchedBy === 'reference' && got === Expected) result.byReference.correct++;
      else result.misses.push(`ref ${Ref}: expected ${Expected}, got ${got}`);
      continue;
    }
    if (Expected) {
      result.answerable.total++;
      if (got === Expected) result.answerable.top1++;
      else result.misses.push(`${Question} → expected ${Expected}, got ${got || 'nothing'} (${match.confidence})`);
      if ([got, ...match.alternatives.map((a) => a.id)].slice(0, 3).includes(Expected)) result.answerable.top3++;
    } else {
      result.unanswerable.total++;
      if (!match.answer || match.confidence < CONFIDENT) result.unanswerable.notConfident++;
      else result.misses.push(`${Question} → expected nothing, got ${got} (${match.confidence})`);
    }
  }
  // 1,000 questions: the labelled ones over and over, as one questionnaire.
  const questions = Array.from({ length: 1000 }, (_, i) => rows[i % rows.length]!);
  const start = performance.now();
  for (const q of questions) matcher.match(q.Question, q.Ref || null);
  result.thousand.ms = performance.now() - start;
  return result;
}

/** `trustbook answer` as a user runs it, whole process, on a workbook of 1,000 questions: the median of three runs. */
export async function wholeCommand(): Promise<number> {
  const rows: { Ref: string; Question: string }[] = parse(readFileSync(`${root}tests/fixtures/questionnaires/labelled.csv`), { columns: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'trustbook answer bench '));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Questions');
  sheet.addRow(['Ref', 'Question', 'Response']);
  for (let i = 0; i < 1000; i++) sheet.addRow([rows[i % rows.length]!.Ref, rows[i % rows.length]!.Question, '']);
  const input = path.join(dir, 'questions.xlsx');
  await workbook.xlsx.writeFile(input);
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const child = spawnSync(process.execPath, [`${root}bin/trustbook.js`, 'answer', input, '--content', `${root}content`, '--out', path.join(dir, 'answered.xlsx')], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`trustbook answer failed: ${child.stderr}`);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1]!;
}

if (import.meta.main) {
  const r = answerBenchmark();
  r.thousand.wholeCommandMs = await wholeCommand();
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}% (${a}/${b})`;
  console.log(`exact IDs: ${pct(r.byReference.correct, r.byReference.total)}`);
  console.log(`top-1 on answerable: ${pct(r.answerable.top1, r.answerable.total)}; top-3: ${pct(r.answerable.top3, r.answerable.total)}`);
  console.log(`unanswerable not answered confidently: ${pct(r.unanswerable.notConfident, r.unanswerable.total)}`);
  console.log(`1,000 questions: ${r.thousand.ms.toFixed(0)} ms matching; ${(r.thousand.wholeCommandMs / 1000).toFixed(2)} s for the whole command on a 1,000-row workbook`);
  if (process.argv.includes('--misses')) console.log(r.misses.join('\n'));
  if (process.argv.includes('--write')) {
    const file = `${root}docs/benchmarks.md`;
    const section = [
      START,
      '## Answering questionnaires',
      '',
      `\`npm run bench:answers\` runs \`trustbook answer\`'s matching over the labelled questionnaire in`,
      '`tests/fixtures/questionnaires/labelled.csv` against the example organisation (docs/questionnaires.md#measured).',
      `Measured on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}.`,
      '',
      '| Measure | Target | Measured |',
      '| --- | --- | --- |',
      `| Exact IDs matched to their answer | 100% | ${pct(r.byReference.correct, r.byReference.total)} |`,
      `| Top-1 accuracy on answerable questions | ≥ 90% | ${pct(r.answerable.top1, r.answerable.total)}; top 3: ${pct(r.answerable.top3, r.answerable.total)} |`,
      `| Unanswerable questions not answered confidently | ≥ 80% | ${pct(r.unanswerable.notConfident, r.unanswerable.total)} |`,
      `| A 1,000-question workbook, \`trustbook answer\` as a whole process (median of 3) | < 2 s | ${(r.thousand.wholeCommandMs / 1000).toFixed(2)} s (${r.thousand.ms.toFixed(0)} ms of it matching) |`,
      END,
    ].join('\n');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf(START);
    writeFileSync(file, at >= 0 ? `${text.slice(0, at)}${section}${text.slice(text.indexOf(END) + END.length)}` : `${text.trimEnd()}\n\n${section}\n`);
    console.log(`Wrote the figures to ${file}.`);
  }
}
