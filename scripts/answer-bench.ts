/**
 * Measures `trustbook answer` on a labelled questionnaire written against the example organisation
 * (tests/fixtures/questionnaires/labelled.csv: each question with the answer it should get, or none):
 * exact-ID accuracy, top-1 accuracy on the answerable questions, the share of unanswerable ones not
 * answered confidently, and the time to match 1,000 questions. Prints the figures; `npm run bench`
 * writes them to docs/benchmarks.md.
 *
 *   node scripts/answer-bench.ts [--misses]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { loadContent } from '../src/load/loader.ts';
import { link } from '../src/link/linker.ts';
import { answerLibrary } from '../src/questionnaire/library.ts';
import { CONFIDENT, Matcher } from '../src/questionnaire/match.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface AnswerBenchmark {
  questions: number;
  byReference: { total: number; correct: number };
  answerable: { total: number; top1: number; top3: number };
  unanswerable: { total: number; notConfident: number };
  thousand: { ms: number };
  misses: string[];
}

export function answerBenchmark(): AnswerBenchmark {
  const rows: { Ref: string; Question: string; Expected: string }[] = parse(readFileSync(`${root}tests/fixtures/questionnaires/labelled.csv`), { columns: true });
  const matcher = new Matcher(answerLibrary(link(loadContent(`${root}content`))));
  const result: AnswerBenchmark = { questions: rows.length, byReference: { total: 0, correct: 0 }, answerable: { total: 0, top1: 0, top3: 0 }, unanswerable: { total: 0, notConfident: 0 }, thousand: { ms: 0 }, misses: [] };
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

if (import.meta.main) {
  const r = answerBenchmark();
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}% (${a}/${b})`;
  console.log(`exact IDs: ${pct(r.byReference.correct, r.byReference.total)}`);
  console.log(`top-1 on answerable: ${pct(r.answerable.top1, r.answerable.total)}; top-3: ${pct(r.answerable.top3, r.answerable.total)}`);
  console.log(`unanswerable not answered confidently: ${pct(r.unanswerable.notConfident, r.unanswerable.total)}`);
  console.log(`1,000 questions: ${r.thousand.ms.toFixed(0)} ms`);
  if (process.argv.includes('--misses')) console.log(r.misses.join('\n'));
}
