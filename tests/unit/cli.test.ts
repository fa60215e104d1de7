/**
 * The command line's promises, kept by `trustbook check` (and by `build` where it stops before
 * building anything): which day is judged, what a bad command line gets, what `--strict` does,
 * and that no content, however broken, meets a stack trace.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { fixture, projectRoot } from '../helpers/content.ts';

const minimal = fixture('valid-minimal');

interface Report {
  diagnostics: { rule: string; severity: string; file: string }[];
  summary: { errors: number; warnings: number; today: string };
}

/** `check --format json` on valid-minimal: exit code, the day it judged, and its problems as `severity rule file`. */
async function checkMinimal(args: string[], env: Record<string, string> = {}) {
  const { code, stdout, stderr } = await runCli(['check', '--content', minimal, '--format', 'json', ...args], env);
  const report = JSON.parse(stdout || '{}') as Partial<Report>;
  return {
    code,
    stderr,
    today: report.summary?.today,
    problems: (report.diagnostics ?? []).map((d) => `${d.severity} ${d.rule} ${path.relative(minimal, path.resolve(d.file))}`),
  };
}

describe('the day the content is judged against', () => {
  // valid-minimal pins `today: 2026-06-15` in its settings. Its one evidence item was collected on
  // 2026-06-01 and may be 90 days old: fresh on 2026-06-20, stale from 2026-08-31.
  const PINNED = '2026-06-15';
  const FRESH = '2026-06-20';
  const STALE = '2026-08-31';
  const stale = 'error evidence/freshness evidence/access-review.yaml';

  test.concurrent('is the day the content pins when nothing else is given', async ({ expect }) => {
    const run = await checkMinimal([]);
    expect(run).toMatchObject({ code: 0, today: PINNED, problems: [] });
  });

  test.concurrent('TRUSTBOOK_TODAY wins over the pinned day: a day that makes the evidence stale fails the check', async ({ expect }) => {
    const run = await checkMinimal([], { TRUSTBOOK_TODAY: STALE });
    expect(run).toMatchObject({ code: 1, today: STALE });
    expect(run.problems).toContain(stale);
  });

  test.concurrent('--today wins over the pinned day', async ({ expect }) => {
    const run = await checkMinimal(['--today', STALE]);
    expect(run).toMatchObject({ code: 1, today: STALE });
    expect(run.problems).toContain(stale);
  });

  test.concurrent('--today wins over TRUSTBOOK_TODAY, both ways', async ({ expect }) => {
    const [fresh, late] = await Promise.all([checkMinimal(['--today', FRESH], { TRUSTBOOK_TODAY: STALE }), checkMinimal(['--today', STALE], { TRUSTBOOK_TODAY: FRESH })]);
    expect(fresh).toMatchObject({ code: 0, today: FRESH, problems: [] });
    expect(late).toMatchObject({ code: 1, today: STALE });
    expect(late.problems).toContain(stale);
  });
});

describe('a bad command line', () => {
  // Every one would otherwise check or build: `--out` names a folder that must stay unmade.
  const scratch = mkdtempSync(path.join(tmpdir(), 'trustbook usage '));
  const out = path.join(scratch, 'dist');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test.concurrent.for([
    ['an unknown command', ['publish'], {}, 'Unknown command "publish".'],
    ['no command', [], {}, 'Name a command.'],
    ['an unknown option', ['check', '--frobnicate'], {}, "Unknown option '--frobnicate'"],
    ['an option without its value', ['check', '--today'], {}, "Option '--today <value>' argument missing"],
    ['--today that is not a date', ['check', '--today', 'tomorrow'], {}, '--today must be a real date written YYYY-MM-DD, not "tomorrow".'],
    ['--today that is no real day', ['check', '--today', '2026-02-30'], {}, 'not "2026-02-30"'],
    ['TRUSTBOOK_TODAY that is not a date', ['check'], { TRUSTBOOK_TODAY: '15/06/2026' }, 'not "15/06/2026"'],
    ['--only that names no site', ['build', '--only', 'everything'], {}, '--only takes `internal` or `public`, not "everything".'],
    ['--format that does not exist', ['check', '--format', 'xml'], {}, 'Unknown format "xml"; use pretty, json, github.'],
  ] as const)('%s exits with 2, says what is wrong and how the command is used, and does nothing', async ([, args, env, message], { expect }) => {
    const [command, ...options] = args;
    const { code, stdout, stderr } = await runCli([...(command ? [command] : []), '--content', minimal, '--out', out, ...options], env, 10_000);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stderr).toMatch(/^Usage: trustbook (<command>|check|build) \[options\]/m);
    // A command's own options, or the list of commands when none was named.
    expect(stderr).toMatch(command === 'check' || command === 'build' ? /--today YYYY-MM-DD/ : /^ {2}check {2,}.*\n {2}build {2,}.*\n {2}dev /m);
    expect(existsSync(out)).toBe(false);
  });
});

describe('--strict', () => {
  // The example passes with two deliberate warnings: a piece of evidence and a policy review fall due soon.
  test.concurrent('the example passes every check with its two warnings, and --strict fails it on them', async ({ expect }) => {
    const [plain, strict] = await Promise.all([runCli(['check']), runCli(['check', '--strict'])]);
    expect(plain.code, plain.stdout).toBe(0);
    expect(plain.stdout).toMatch(/Checked \d+ files as of 2026-06-15: 11 people, 3 certifications, 6 documents, 93 SoA entries, \d+ policies/);
    expect(plain.stdout).toMatch(/\n0 errors, 2 warnings\.\n$/);
    expect(strict.code, strict.stdout).toBe(1);
    expect(strict.stdout).toMatch(/\n0 errors, 2 warnings\.\n$/);
    for (const rule of ['evidence/freshness', 'policy/review-due']) expect(strict.stdout).toContain(rule);
  });

  test.concurrent('build --strict stops on the warnings and writes nothing', async ({ expect }) => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'trustbook strict '));
    try {
      const { code, stderr } = await runCli(['build', '--strict', '--out', path.join(scratch, 'dist')], {}, 20_000);
      expect(code, stderr).toBe(1);
      expect(stderr).toContain('Build stopped: fix the warnings (--strict) above. Nothing was written.');
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('no stack trace', () => {
  const fixtures = readdirSync(path.join(projectRoot, 'tests', 'fixtures'));
  const contents = [...fixtures.map((name) => [name, fixture(name)] as const), ['a folder that does not exist', path.join(projectRoot, 'tests', 'fixtures', 'no such organisation')] as const];

  test('every fixture is checked', () => {
    expect(fixtures).toEqual(expect.arrayContaining(['broken-every-rule', 'canaries', 'hostile', 'outside', 'valid-minimal']));
  });

  test.concurrent.for(contents)('check on %s reports within 10 s and exits with 0 or 1, never a stack trace', async ([, content], { expect }) => {
    const { code, stdout, stderr } = await runCli(['check', '--content', content], {}, 10_000);
    expect([0, 1], `exit code ${code}\n${stderr}`).toContain(code);
    expect(`${stdout}${stderr}`).not.toMatch(/^ {4}at /m);
    expect(stdout).toMatch(/\n(\d+ errors?, \d+ warnings?|No problems)\.\n$/);
  });
});

describe('paths in reports', () => {
  const soaWithoutOwner = (dir: string) => {
    const file = path.join(dir, 'soa', 'controls.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(- id: A\.5\.2\n(?:  .*\n)*?)  owners: \[ada-lovelace\]\n/, '$1'));
  };

  test('are relative to the root of the repository that holds the content, wherever the command runs', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'trustbook content repository '));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const content = path.join(repo, 'isms');
    cpSync(minimal, content, { recursive: true });
    soaWithoutOwner(content);
    const { code, stdout } = await runCli(['check', '--content', content, '--format', 'github']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=isms\/soa\/controls\.yaml,line=\d+,col=\d+,title=soa\/owner-required::/m);
    expect(stdout).not.toContain(repo);
  });

  test('are relative to the working directory outside a repository, never absolute', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'trustbook loose content '));
    cpSync(minimal, content, { recursive: true });
    soaWithoutOwner(content);
    const { stdout } = await runCli(['check', '--content', content, '--format', 'json']);
    const files: string[] = JSON.parse(stdout).diagnostics.map((d: { file: string }) => d.file);
    expect(files).toContain(`${path.relative(projectRoot, content)}/soa/controls.yaml`);
    for (const file of files) expect(path.isAbsolute(file), file).toBe(false);
  });
});

describe('npx trustbook', () => {
  test('runs the command named, on the Node the project brings, with help for each command', () => {
    const run = (...args: string[]) => spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'node'), [path.join(projectRoot, 'bin', 'trustbook.js'), ...args], { cwd: projectRoot, encoding: 'utf8' });
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^ {2}check .*\n {2}build .*\n {2}dev /m);
    for (const command of ['check', 'build', 'dev']) {
      const own = run(command, '--help');
      expect(own.status, command).toBe(0);
      expect(own.stdout).toContain(`Usage: trustbook ${command} [options]`);
    }
    const check = run('check', '--content', minimal, '--format', 'json');
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout).summary.errors).toBe(0);
    expect(run('dev', '--site', 'everything').status).toBe(2);
  });

  test("started by an older Node (the machine's own), hands over to the Node the project brings", () => {
    const system = ['/usr/bin/node', '/usr/local/bin/node'].find((n) => existsSync(n) && Number(spawnSync(n, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) < 22);
    if (!system) return; // every Node on this machine is recent enough: nothing to hand over
    const result = spawnSync(system, [path.join(projectRoot, 'bin', 'trustbook.js'), 'check', '--content', minimal], { cwd: tmpdir(), encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/No problems\.\n$/);
  });
});
