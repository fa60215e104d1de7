/**
 * How fast Trustbook is against the framework floor. For organisations 1×, 5× and 20× the example
 * (distinct content: see bench/generate.ts), it builds, in the same run and in turns, Trustbook and
 * a bare Astro project with the same pages (bench/floor.ts) — cold (no output, no caches) and again
 * with nothing changed — and times `check` as a whole process. It prints, and writes to
 * docs/benchmarks.md, wall time min/median/max, peak memory, pages per second, the ratios to the
 * floor and whether each target is met. Every figure is of whole processes, as a user runs them.
 *
 *   npm run bench                      # sizes 1, 5, 20; 5, 3 and 3 runs; writes docs/benchmarks.md
 *   npm run bench -- --quick           # size 1 only, 2 runs, nothing written: for development
 *   npm run bench -- --sizes 1,5 --runs 3 --no-write
 *   npm run bench -- --compare HEAD~1  # the example, this tree against another commit, in turns
 *   npm run bench -- --compare HEAD~1 --only check --runs 10   # or --only build, --only unchanged
 *   npm run bench -- --compare HEAD~1 --only unchanged --content .bench/org-x20
 *
 * Nothing in the tests runs this: it takes minutes, and times depend on the machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateOrganisation } from './bench/generate.ts';
import { clearFloor, floorManifest, htmlRoutes, writeFloorProject } from './bench/floor.ts';
import { END as ANSWERS_END, START as ANSWERS_START } from './answer-bench.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = path.join(root, '.bench');
const node = process.execPath;

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    compare: { type: 'string' },
    only: { type: 'string' },
    content: { type: 'string' },
  },
});

/** The targets of the performance issue: ratios to the floor, measured in the same run. */
const TARGETS = { cold: 1.25, warm: 1.1, cold20: 1.5, rss20GiB: 2, check1: 0.5, check20: 1 };
/** A spread (max − min) wider than this share of the median is reported as too wide to trust. */
const MAX_SPREAD = 0.25;

interface Sample {
  wall: number;
  cpu: number | null;
  /** Peak resident memory of the whole process tree, in bytes. */
  rss: number;
  stdout: string;
}

// ---------------------------------------------------------------------------------------------
// Running and measuring a whole process

/** The resident memory of a process and all its descendants, read from /proc (Linux), in bytes. */
function treeRss(pid: number): number {
  let children: Map<number, number[]>;
  try {
    children = new Map();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const list = children.get(ppid) ?? [];
        list.push(Number(name));
        children.set(ppid, list);
      } catch {
        /* the process ended meanwhile */
      }
    }
  } catch {
    return 0;
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      total += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {
      /* ended */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

const hasTime = existsSync('/usr/bin/time');

/** Runs a command to its end: wall time, CPU time (user + system, all descendants) and peak memory of the process tree. */
function measure(args: string[], env: NodeJS.ProcessEnv = {}, cwd = root): Promise<Sample> {
  const cpuFile = path.join(work, `cpu-${process.pid}.txt`);
  const [command, ...rest] = hasTime ? ['/usr/bin/time', '-q', '-f', '%U %S', '-o', cpuFile, ...args] : args;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command!, rest, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let rss = 0;
    const sampler = setInterval(() => (rss = Math.max(rss, treeRss(child.pid!))), 100);
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      clearInterval(sampler);
      if (code !== 0 && code !== 1) return reject(new Error(`${args.join(' ')} exited with ${code}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      let cpu: number | null = null;
      if (hasTime) {
        const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        cpu = user! + system!;
      }
      resolve({ wall, cpu, rss, stdout });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Statistics

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const spread = (xs: readonly number[]) => (Math.max(...xs) - Math.min(...xs)) / median(xs);
const seconds = (s: number) => (s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`);
const mib = (bytes: number) => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`);
const walls = (samples: readonly Sample[]) => samples.map((s) => s.wall);
const summary = (samples: readonly Sample[]) => {
  const w = walls(samples);
  return `${seconds(Math.min(...w))} / ${seconds(median(w))} / ${seconds(Math.max(...w))}`;
};

const warnings: string[] = [];
function checkSpread(what: string, samples: readonly Sample[]) {
  if (samples.length > 1 && spread(walls(samples)) > MAX_SPREAD) {
    warnings.push(`${what}: the runs spread over ${Math.round(spread(walls(samples)) * 100)}% of their median (more than ${MAX_SPREAD * 100}%): the machine was busy; run again before trusting these figures.`);
  }
}

// ---------------------------------------------------------------------------------------------
// The commands measured

const trustbook = (args: string[]) => [node, path.join(root, 'bin', 'trustbook.js'), ...args];

/** Everything a Trustbook build keeps between runs: cards, parser cache, exports, Astro's caches. */
function clearTrustbook(out: string) {
  rmSync(path.join(root, 'node_modules', '.cache', 'trustbook'), { recursive: true, force: true });
  rmSync(path.join(root, 'node_modules', '.astro'), { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  rmSync(`${out}.builds`, { recursive: true, force: true });
}

interface SizeResult {
  n: number;
  files: number;
  pages: { internal: number; public: number };
  check: { cold: Sample[]; warm: Sample[] };
  trustbook: { cold: Sample[]; warm: Sample[] };
  floor: { cold: Sample[]; warm: Sample[] };
  edit: { sample: Sample; cards: number } | null;
  /** How long each cold build spent drawing its cards, as it says. */
  cardSeconds: number[];
}

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

async function benchSize(n: number, runs: number): Promise<SizeResult> {
  const content = path.join(work, `org-x${n}`);
  const out = path.join(work, `dist-x${n}`);
  const floorOut = path.join(work, `floor-x${n}`);
  const manifest = path.join(work, `floor-x${n}.json`);
  log(`\n×${n}: generating the organisation…`);
  generateOrganisation(path.join(root, 'content'), content, n);
  // A first build, not timed: it tells the floor which pages to build, and proves the organisation builds.
  clearTrustbook(out);
  const first = await measure(trustbook(['build', '--content', content, '--out', out]));
  if (!existsSync(path.join(out, 'public', 'index.html'))) throw new Error(`The ×${n} organisation did not build:\n${first.stdout.slice(-3000)}`);
  writeFileSync(manifest, JSON.stringify(floorManifest(content, out)));
  const pages = { internal: htmlRoutes(path.join(out, 'internal')).length, public: htmlRoutes(path.join(out, 'public')).length };
  const files = Number(/Checked (\d+) files/.exec((await measure(trustbook(['check', '--content', content]))).stdout)?.[1] ?? 0);
  log(`×${n}: ${files} files; ${pages.internal} + ${pages.public} pages. ${runs} runs, in turns:`);

  const result: SizeResult = { n, files, pages, check: { cold: [], warm: [] }, trustbook: { cold: [], warm: [] }, floor: { cold: [], warm: [] }, edit: null, cardSeconds: [] };
  const buildTrustbook = async (kind: 'cold' | 'warm') => {
    if (kind === 'cold') clearTrustbook(out);
    const sample = await measure(trustbook(['build', '--content', content, '--out', out]));
    if (!/Built /.test(sample.stdout)) throw new Error(`A build of the ×${n} organisation failed:\n${sample.stdout.slice(-3000)}`);
    result.trustbook[kind].push(sample);
    if (kind === 'cold') result.cardSeconds.push(cardTime(sample));
    log(`  trustbook ${kind.padEnd(4)} ${seconds(sample.wall)}  ${mib(sample.rss)}`);
  };
  const buildFloor = async (kind: 'cold' | 'warm') => {
    if (kind === 'cold') clearFloor(floorOut);
    const sample = await measure([node, path.join(root, 'scripts', 'bench', 'floor.ts'), manifest, floorOut]);
    result.floor[kind].push(sample);
    log(`  floor     ${kind.padEnd(4)} ${seconds(sample.wall)}  ${mib(sample.rss)}`);
  };
  const check = async (kind: 'cold' | 'warm') => {
    if (kind === 'cold') rmSync(path.join(root, 'node_modules', '.cache', 'trustbook', 'parsed'), { recursive: true, force: true });
    const sample = await measure(trustbook(['check', '--content', content]));
    result.check[kind].push(sample);
  };

  for (let run = 0; run < runs; run++) {
    // In turns, each going first every other run, so that a drift of the machine's speed touches both alike.
    const order = run % 2 === 0 ? [buildTrustbook, buildFloor] : [buildFloor, buildTrustbook];
    for (const build of order) {
      await build('cold');
      await build('warm');
    }
    await check('cold');
    for (let i = 0; i < 3; i++) await check('warm');
    log(`  check     cold ${seconds(result.check.cold.at(-1)!.wall)}, warm ${seconds(median(walls(result.check.warm.slice(-3))))}`);
  }

  // One policy's text edited after a build: how many cards are drawn again, and what the rebuild costs.
  // A public policy: its page on the trust center has a card, which must not be drawn again for a change of text.
  const policyFile = readdirSync(path.join(content, 'policies'))
    .sort()
    .map((file) => path.join(content, 'policies', file))
    .find((file) => /^visibility: public$/m.test(readFileSync(file, 'utf8')))!;
  appendFileSync(policyFile, '\nOne more sentence, added to measure a rebuild after an edit.\n');
  const edit = await measure(trustbook(['build', '--content', content, '--out', out]));
  result.edit = { sample: edit, cards: cardsDrawn(edit) };
  log(`  edit one policy, rebuild: ${seconds(edit.wall)}, ${result.edit.cards} card(s) drawn`);

  for (const [what, samples] of [
    ['Trustbook cold', result.trustbook.cold],
    ['Trustbook unchanged', result.trustbook.warm],
    ['floor cold', result.floor.cold],
    ['floor unchanged', result.floor.warm],
    ['check', result.check.warm],
  ] as const) {
    checkSpread(`×${n} ${what}`, samples);
  }
  return result;
}

/** How many link-preview cards a build drew, as it says. */
const cardsDrawn = (sample: Sample) => Number(/(\d+) link-preview cards? drawn/.exec(sample.stdout)?.[1] ?? 0);
/** How long a build spent drawing cards, as it says (`… cards drawn ahead of the build in 4.1 s`). */
const cardTime = (sample: Sample) => Number(/link-preview cards? drawn ahead of the build in ([\d.]+) s/.exec(sample.stdout)?.[1] ?? 0);

/** Trustbook ÷ floor, run by run (each pair ran side by side), and its median. */
const pairRatio = (a: readonly Sample[], b: readonly Sample[]) => median(a.map((s, i) => s.wall / b[i]!.wall));

// ---------------------------------------------------------------------------------------------
// Writing the report

function report(results: SizeResult[], runsBySize: Map<number, number>): string {
  const rows = results.map((r) => {
    const pages = r.pages.internal + r.pages.public;
    const tb = (kind: 'cold' | 'warm') => `${summary(r.trustbook[kind])}`;
    return `| ×${r.n} | ${r.files} | ${r.pages.internal} + ${r.pages.public} | ${runsBySize.get(r.n)} | cold | ${tb('cold')} | ${summary(r.floor.cold)} | **${pairRatio(r.trustbook.cold, r.floor.cold).toFixed(2)}×** | ${mib(Math.max(...r.trustbook.cold.map((s) => s.rss)))} / ${mib(Math.max(...r.floor.cold.map((s) => s.rss)))} | ${(pages / median(walls(r.trustbook.cold))).toFixed(0)} / ${(pages / median(walls(r.floor.cold))).toFixed(0)} |
| | | | | unchanged | ${tb('warm')} | ${summary(r.floor.warm)} | **${pairRatio(r.trustbook.warm, r.floor.warm).toFixed(2)}×** | ${mib(Math.max(...r.trustbook.warm.map((s) => s.rss)))} / ${mib(Math.max(...r.floor.warm.map((s) => s.rss)))} | ${(pages / median(walls(r.trustbook.warm))).toFixed(0)} / ${(pages / median(walls(r.floor.warm))).toFixed(0)} |`;
  });
  const at = (n: number) => results.find((r) => r.n === n);
  const targets: string[] = [];
  const target = (what: string, value: string, goal: string, met: boolean) => targets.push(`| ${what} | ${value} | ${goal} | ${met ? 'met' : '**not met**'} |`);
  const one = at(1);
  if (one) {
    const cold = pairRatio(one.trustbook.cold, one.floor.cold);
    const warm = pairRatio(one.trustbook.warm, one.floor.warm);
    target('Example, full build, cold', `${cold.toFixed(2)}× the floor`, `≤ ${TARGETS.cold}×`, cold <= TARGETS.cold);
    target('Example, nothing changed', `${warm.toFixed(2)}× the floor`, `≤ ${TARGETS.warm}×`, warm <= TARGETS.warm);
  }
  const twenty = at(20);
  if (twenty) {
    const cold = pairRatio(twenty.trustbook.cold, twenty.floor.cold);
    const rss = Math.max(...twenty.trustbook.cold.map((s) => s.rss));
    target('×20, full build, cold', `${cold.toFixed(2)}× the floor`, `≤ ${TARGETS.cold20}×`, cold <= TARGETS.cold20);
    target('×20, peak memory', mib(rss), `< ${TARGETS.rss20GiB} GiB`, rss < TARGETS.rss20GiB * 2 ** 30);
  }
  for (const [n, goal] of [
    [1, TARGETS.check1],
    [20, TARGETS.check20],
  ] as const) {
    const r = at(n);
    if (!r) continue;
    const warm = median(walls(r.check.warm));
    target(`\`check\`, ×${n}`, `${seconds(warm)} (every file new: ${seconds(median(walls(r.check.cold)))})`, `≤ ${goal} s`, warm <= goal);
  }
  for (const r of results) {
    if (!r.edit) continue;
    const cold = median(walls(r.trustbook.cold));
    // The cards' share of a cold build: the time it spent drawing them.
    const cards = median(r.cardSeconds);
    target(`×${r.n}, rebuild after editing one policy`, `${r.edit.cards} card(s) drawn; ${seconds(r.edit.sample.wall)} against ${seconds(cold)} cold`, `≤ 1 card; ≥ ${seconds(cards)} faster than cold`, r.edit.cards <= 1 && cold - r.edit.sample.wall >= cards);
  }
  const checks = results.map((r) => `| ×${r.n} | ${summary(r.check.warm)} | ${summary(r.check.cold)} | ${mib(Math.max(...r.check.warm.map((s) => s.rss)))} |`);
  return `| Size | Files | Pages (handbook + trust center) | Runs | Build | Trustbook min / median / max | Floor min / median / max | Trustbook ÷ floor | Peak memory, Trustbook / floor | Pages per second, Trustbook / floor |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

### \`check\`, whole process

| Size | Files parsed before (min / median / max) | Every file new (min / median / max) | Peak memory |
| --- | --- | --- | --- |
${checks.join('\n')}

### Targets

| Target | Measured | Goal | |
| --- | --- | --- | --- |
${targets.join('\n')}
${warnings.length ? `\n**Warnings.**\n\n${warnings.map((w) => `- ${w}`).join('\n')}\n` : '\nEvery series of runs stayed within 25% of its median.\n'}`;
}

/** What each speed-up measured: kept in the document that `npm run bench` writes. */
const CHANGES = readFileSync(path.join(root, 'scripts', 'bench', 'changes.md'), 'utf8').trim();

function documentOf(body: string, started: Date): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `# Benchmarks

How fast Trustbook is, measured against the floor any Astro site of the same size stands on.
\`npm run bench\` generates organisations 1×, 5× and 20× the example — evidence, policies, risks,
organisation controls and questionnaire answers copied under new ids, each copy with titles and text
of its own, so that every public page has a link-preview card of its own; the SoA keeps its 93 entries
— and, in the same run and in turns, builds each with Trustbook and with a bare Astro project that
builds the same pages: for each HTML page of both sites one page of the same kind (a policy's MDX
rendered to HTML, an entity's fields, a list of titles), two \`astro build\`s one after the other, then
Pagefind on both sites, with Trustbook's own Astro, MDX parser and Pagefind (\`scripts/bench/floor.ts\`).

- **Cold**: no output and no cache — no cards, no Astro cache, no parser cache. **Unchanged**: the same
  build again at once, nothing changed.
- Times are wall-clock times of the whole command, as a user runs it (\`node bin/trustbook.js build\`;
  the floor's \`node scripts/bench/floor.ts\`). **Trustbook ÷ floor** is the median of the ratios of the
  runs made side by side, which holds when the machine's speed drifts during the run.
- **Peak memory** is the most the whole process tree held at once (sampled every 100 ms from /proc).
- **Pages per second** counts the HTML pages of both sites.

Measured on ${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, by \`npm run bench\`.

${body}
How a build spends its time, and what it keeps for the next one:

- The Astro build processes start first and load Astro while the command reads and checks the
  content (once; the sites receive snapshots of what it found, never reading the content again).
- The two sites then build side by side, each Astro
  build in a process, a staging folder and a cache folder of its own (\`node_modules/.astro/<site>\`),
  so that both cores work. The handbook starts at once; the trust center starts once its missing
  link-preview cards are drawn, in a pool of worker threads, one per core. Each site is indexed by
  Pagefind as soon as it is built.
- Drawing a card (Satori, then resvg) costs more than rendering a page. Cards are cached by a hash of
  what they show, in a folder per content folder, and the cards no page shows any more are deleted
  after each build: an edit of a policy's text draws no card, an edit of its title one.
- \`check\` keeps what parsing each YAML file and each policy's MDX came to, by a hash of the text: a
  run parses only the files that changed (the column "every file new" is a run with that cache emptied).
- \`soa.xlsx\` is written once for what it holds, and kept by a hash of its cells.

## Changes

Each change that set out to make a command faster, measured as whole processes, before and after in
turns (A B A B …), on the example, with the medians of the runs and the median of the ratios pair by
pair, which holds when the machine's speed drifts (\`npm run bench -- --compare <commit>\`).

${CHANGES}
`;
}

// ---------------------------------------------------------------------------------------------
// `--compare REF`: this tree against another commit, in turns, on the example

async function compare(ref: string, runs: number, only: string | undefined) {
  const sha = spawnSync('git', ['rev-parse', '--short', ref], { cwd: root, encoding: 'utf8' }).stdout.trim();
  if (!sha) throw new Error(`No commit ${ref}.`);
  const other = path.join(work, `at-${sha}`);
  if (!existsSync(other)) {
    mkdirSync(other, { recursive: true });
    const archive = spawnSync('sh', ['-c', `git archive ${sha} | tar -x -C "${other}"`], { cwd: root, stdio: 'inherit' });
    if (archive.status !== 0) throw new Error(`Could not extract ${sha}.`);
    symlinkSync(path.join(root, 'node_modules'), path.join(other, 'node_modules'));
  }
  const content = path.resolve(options.content ?? path.join(root, 'content'));
  const sides = { before: other, after: root };
  const samples: Record<string, Record<'before' | 'after', Sample[]>> = {};
  const add = (what: string, side: 'before' | 'after', sample: Sample) => ((samples[what] ??= { before: [], after: [] })[side].push(sample));
  for (let run = 0; run < runs; run++) {
    const order = (run % 2 === 0 ? ['before', 'after'] : ['after', 'before']) as ('before' | 'after')[];
    for (const side of order) {
      const bin = path.join(sides[side], 'bin', 'trustbook.js');
      const out = path.join(work, `compare-${side}`);
      if (only === 'unchanged') {
        // A first build of each side, not timed, then only builds with nothing changed.
        if (run < 2) await measure([node, bin, 'build', '--content', content, '--out', out], {}, sides[side]);
        add('`build`, nothing changed', side, await measure([node, bin, 'build', '--content', content, '--out', out], {}, sides[side]));
      } else if (only !== 'check') {
        clearTrustbook(out);
        add('`build`, cold', side, await measure([node, bin, 'build', '--content', content, '--out', out], {}, sides[side]));
        add('`build`, nothing changed', side, await measure([node, bin, 'build', '--content', content, '--out', out], {}, sides[side]));
      }
      if (only !== 'build' && only !== 'unchanged') for (let i = 0; i < 3; i++) add('`check`', side, await measure([node, bin, 'check', '--content', content], {}, sides[side]));
    }
    log(`run ${run + 1}/${runs} done`);
  }
  log(`\n| ${options.content ? path.basename(content) : 'Example'}, whole process | Before (${sha}) | After | After ÷ before |\n| --- | --- | --- | --- |`);
  for (const [what, { before, after }] of Object.entries(samples)) {
    const cpu = (xs: Sample[]) => (xs[0]?.cpu === null ? '' : `, ${seconds(median(xs.map((s) => s.cpu!)))} CPU`);
    const ratio = median(after.map((s, i) => s.wall / before[i]!.wall));
    const cpuRatio = after[0]?.cpu === null ? '' : `, ${median(after.map((s, i) => s.cpu! / before[i]!.cpu!)).toFixed(2)} CPU`;
    log(`| ${what} | ${seconds(median(walls(before)))} wall${cpu(before)} | ${seconds(median(walls(after)))} wall${cpu(after)} | ${ratio.toFixed(2)} wall${cpuRatio} |`);
  }
  log(`\n${runs} runs each, in turns.`);
}

// ---------------------------------------------------------------------------------------------

mkdirSync(work, { recursive: true });
if (options.compare) {
  await compare(options.compare, Number(options.runs ?? 5), options.only);
} else {
  const started = new Date();
  const sizes = (options.sizes ?? (options.quick ? '1' : '1,5,20')).split(',').map(Number);
  const runsFor = (n: number) => Number(options.runs ?? (options.quick ? 2 : n === 1 ? 5 : 3));
  writeFloorProject();
  const results: SizeResult[] = [];
  const runsBySize = new Map<number, number>();
  for (const n of sizes) {
    runsBySize.set(n, runsFor(n));
    results.push(await benchSize(n, runsFor(n)));
  }
  const body = report(results, runsBySize);
  log(`\n${body}`);
  if (options.quick || options['no-write']) log('Nothing written (--quick or --no-write).');
  else {
    // The questionnaire figures are written by `npm run bench:answers`: kept as they are.
    const file = path.join(root, 'docs', 'benchmarks.md');
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const answers = previous.includes(ANSWERS_START) ? previous.slice(previous.indexOf(ANSWERS_START), previous.indexOf(ANSWERS_END) + ANSWERS_END.length) : '';
    writeFileSync(file, answers ? `${documentOf(body, started).trimEnd()}\n\n${answers}\n` : documentOf(body, started));
    log('Wrote docs/benchmarks.md');
  }
}
