/**
 * Measures how Trustbook scales with the size of an ISMS. Generates organisations N times
 * the example (more evidence, policies, risks, controls and answers; always the 93 SoA
 * entries), times `check` in-process and the full `build` as a user runs it, and writes the
 * figures to docs/benchmarks.md.
 *
 *   npm run bench            # sizes 1, 5 and 10; builds for 1 and 5
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/checks/run.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const example = path.join(root, 'content');
const work = path.join(root, '.bench');
const CHECK_SIZES = [1, 5, 10, 20];
const BUILD_SIZES = [1, 5];

/** A copy of the example with every multipliable collection repeated `n` times under new ids. */
function generate(n: number): string {
  const dir = path.join(work, `org-x${n}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(example, dir, { recursive: true });
  for (let copy = 2; copy <= n; copy++) {
    for (const folder of ['evidence', 'risks', 'controls', 'policies', 'answers']) {
      for (const file of readdirSync(path.join(example, folder))) {
        const text = readFileSync(path.join(example, folder, file), 'utf8');
        const renamed =
          folder === 'controls'
            ? text.replace(/^id: ([A-Z]+)-(\d+)$/m, `id: $1-${copy}$2`)
            : folder === 'answers'
              ? text.replace(/^(\s*- id: )(.+)$/gm, `$1$2-x${copy}`)
              : text.replace(/^id: (.+)$/m, `id: $1-x${copy}`);
        const target = file.replace(/(\.[a-z]+)$/, `-x${copy}$1`);
        writeFileSync(path.join(dir, folder, target), renamed);
      }
    }
  }
  return dir;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** What each speed-up measured, kept in the document that `npm run bench` writes. */
const CHANGES = `### One build context (2026-12-04)

The content is read, linked and checked once per command; each Astro build renders a snapshot of its
site's part of it instead of loading, validating and compiling the content again, and the policies'
revision history comes from one \`git log\` per build instead of two git processes per policy page.

| Example, whole process | Before | After | After ÷ before |
| --- | --- | --- | --- |
| \`build\`, cold (no card or Astro cache) | 10.4 s wall | 8.9 s wall | 0.92 wall, 0.86 CPU |
| \`build\`, nothing changed | 9.8 s wall, 12.7 s CPU | 8.1 s wall, 10.2 s CPU | 0.82 wall, 0.81 CPU |
| \`check\` | 1.04 s | 0.99 s | 0.96 wall, 1.01 CPU |

\`check\` does the same work as before; its time is mostly spent importing the Markdown and MDX parsers.`;

mkdirSync(work, { recursive: true });
const rows: string[] = [];
for (const n of CHECK_SIZES) {
  const dir = generate(n);
  const runs = [1, 2, 3].map(() => time(() => checkContent({ content: dir })));
  const { summary } = runs[0]!.value;
  const entities = Object.values(summary.checked).reduce((a, b) => a + b, 0);
  const checkMs = median(runs.map((r) => r.ms));
  let build = '—';
  if (BUILD_SIZES.includes(n)) {
    const out = path.join(work, `dist-x${n}`);
    // Twice: the first draws every link-preview card, the second finds them in the cache.
    rmSync(path.join(root, 'node_modules', '.cache', 'trustbook', 'og'), { recursive: true, force: true });
    const cold = time(() => spawnSync(process.execPath, ['src/cli/main.ts', 'build', '--content', dir, '--out', out], { cwd: root, stdio: 'ignore' }));
    const warm = time(() => spawnSync(process.execPath, ['src/cli/main.ts', 'build', '--content', dir, '--out', out], { cwd: root, stdio: 'ignore' }));
    if (cold.value.status !== 0 || warm.value.status !== 0) throw new Error(`The build of the x${n} organisation failed.`);
    build = `${(cold.ms / 1000).toFixed(1)} s / ${(warm.ms / 1000).toFixed(1)} s`;
  }
  rows.push(`| ×${n} | ${summary.files} | ${entities} | ${checkMs.toFixed(0)} ms | ${build} |`);
  process.stdout.write(`${rows.at(-1)}\n`);
}

const doc = `# Benchmarks

How long Trustbook takes as an ISMS grows. \`npm run bench\` generates organisations N times the
example (evidence, policies, risks, organisation controls and questionnaire answers repeated under new
ids; the SoA keeps its 93 entries), then times \`check\` in-process (median of three runs) and the whole
\`build\` — both sites, link-preview cards and search indexes — as a user runs it: first with an empty
card cache, then again with the cards cached.

Measured on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.

| Size | Files | Entities | \`check\` | \`build\` (cold / cached cards) |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

What the figures say:

- \`check\` grows linearly with the number of entities: it loads each file once, links references
  through maps and runs each rule once over the model.
- Most of a cold build is drawing link-preview cards (Satori + resvg, tens of milliseconds each, one per
  public page). Cards are cached by a hash of what they show, so a rebuild after an edit draws only the
  cards whose page title or status changed.
- The two sites are built one after the other (Astro keeps generated content modules in one folder per
  project), then each is indexed by Pagefind. While the handbook builds in its own process, the command
  draws the trust center's missing cards, so that both cores work during a cold build.

## Changes

Each change that set out to make a command faster, measured as whole processes, before and after in
turns (A B A B …), on the example, with the medians of five runs and the median of the ratios pair by
pair, which holds when the machine's speed drifts.

${CHANGES}
`;
writeFileSync(path.join(root, 'docs', 'benchmarks.md'), doc);
process.stdout.write('Wrote docs/benchmarks.md\n');
