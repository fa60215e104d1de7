/** Publishing a build in one step, and one build at a time. */
import { describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildsDir, carryOver, liveBuild, newBuild, publish, resolveOut } from '../../src/cli/output.ts';
import { acquireLock } from '../../src/cli/lock.ts';
import { projectRoot } from '../helpers/content.ts';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'trustbook output '));
const site = (build: string, audience: string, text: string) => {
  mkdirSync(path.join(build, audience), { recursive: true });
  writeFileSync(path.join(build, audience, 'index.html'), text);
};

describe('publishing', () => {
  test('makes the output a link to the new build, and removes the one before', () => {
    const out = path.join(scratch(), 'dist');
    const first = newBuild(out);
    site(first, 'public', 'one');
    publish(out, first);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(out, 'public', 'index.html'), 'utf8')).toBe('one');
    const second = newBuild(out);
    site(second, 'public', 'two');
    // Until it is published, readers see the first build whole.
    expect(readFileSync(path.join(out, 'public', 'index.html'), 'utf8')).toBe('one');
    publish(out, second);
    expect(readFileSync(path.join(out, 'public', 'index.html'), 'utf8')).toBe('two');
    expect(readdirSync(buildsDir(out))).toEqual([path.basename(second)]);
    // The link is relative, so the folder holding both can be moved.
    expect(readlinkSync(out)).toBe(path.join('dist.builds', path.basename(second)));
  });

  test('replaces a plain output folder of an earlier version once, keeping it whole until then', () => {
    const out = path.join(scratch(), 'dist');
    site(out, 'internal', 'old internal');
    expect(liveBuild(out)).toBe(out);
    const build = newBuild(out);
    carryOver(path.join(out, 'internal'), path.join(build, 'internal'));
    site(build, 'public', 'new public');
    publish(out, build);
    expect(readFileSync(path.join(out, 'internal', 'index.html'), 'utf8')).toBe('old internal');
    expect(readFileSync(path.join(out, 'public', 'index.html'), 'utf8')).toBe('new public');
  });

  test('carries a site over as hard links, so it stays byte-identical and costs no copy', () => {
    const from = path.join(scratch(), 'a');
    site(from, 'internal', 'same bytes');
    const to = path.join(scratch(), 'b');
    carryOver(path.join(from, 'internal'), path.join(to, 'internal'));
    const [a, b] = [path.join(from, 'internal', 'index.html'), path.join(to, 'internal', 'index.html')].map((f) => lstatSync(f));
    expect(b!.ino).toBe(a!.ino);
  });

  test('builds left behind by a killed run are removed when the next one starts', () => {
    const out = path.join(scratch(), 'dist');
    const live = newBuild(out);
    publish(out, live);
    const abandoned = path.join(buildsDir(out), 'abandoned');
    mkdirSync(abandoned);
    newBuild(out);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  test('a link the user made is followed: the build lands where it points', () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'www'));
    symlinkSync(path.join(dir, 'www'), path.join(dir, 'dist'));
    expect(resolveOut(path.join(dir, 'dist'))).toBe(path.join(dir, 'www'));
    const out = path.join(dir, 'own');
    publish(out, newBuild(out));
    expect(resolveOut(out)).toBe(out);
  });
});

describe('the build lock', () => {
  test('one holder at a time; a second is told who holds it', () => {
    const file = path.join(scratch(), 'build.lock');
    const first = acquireLock(file, 'dist from content');
    expect(first.acquired).toBe(true);
    const second = acquireLock(file, 'dist from content');
    expect(second).toMatchObject({ acquired: false, holder: { pid: process.pid, what: 'dist from content' } });
    if (first.acquired) first.release();
    expect(acquireLock(file, 'again').acquired).toBe(true);
  });

  test('a lock left by a process that has gone is taken over', async () => {
    const file = path.join(scratch(), 'build.lock');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    await new Promise((resolve) => child.once('spawn', resolve));
    writeFileSync(file, JSON.stringify({ pid: child.pid, start: null, since: new Date().toISOString(), what: 'killed' }));
    expect(acquireLock(file, 'next').acquired).toBe(false);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(acquireLock(file, 'next').acquired).toBe(true);
  });

  test('builds started at the same moment never both hold it, from a stale lock or from none', async () => {
    const lockModule = path.join(projectRoot, 'src', 'cli', 'lock.ts');
    // Each contender takes the lock, notes the time it held it, and lets it go.
    const contender = `import { acquireLock } from ${JSON.stringify(lockModule)};
      const [file, log, at] = process.argv.slice(1);
      const { appendFileSync } = await import('node:fs');
      while (Date.now() < Number(at));
      const lock = acquireLock(file, 'race');
      if (lock.acquired) { const from = Date.now(); const until = from + 150; while (Date.now() < until); appendFileSync(log, from + ' ' + Date.now() + '\\n'); lock.release(); }`;
    for (const start of ['stale', 'none'] as const) {
      for (let round = 0; round < 5; round++) {
        const dir = scratch();
        const file = path.join(dir, 'build.lock');
        const log = path.join(dir, 'held.log');
        writeFileSync(log, '');
        if (start === 'stale') writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 12345, start: null, since: new Date().toISOString(), what: 'gone' }));
        // All start together, once every process is up.
        const at = String(Date.now() + 1500);
        const children = Array.from({ length: 6 }, () => spawn(process.execPath, ['--input-type=module', '-e', contender, file, log, at]));
        await Promise.all(children.map((c) => new Promise((resolve) => c.once('exit', resolve))));
        const spans = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(' ').map(Number) as [number, number]).sort((a, b) => a[0] - b[0]);
        expect(spans.length, `${start}, round ${round}: someone held the lock`).toBeGreaterThan(0);
        for (let i = 1; i < spans.length; i++) expect(spans[i]![0], `${start}, round ${round}: two builds held the lock at once`).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      }
    }
  });

  test('a half-written lock file is stale', () => {
    const file = path.join(scratch(), 'build.lock');
    writeFileSync(file, '{"pid":');
    expect(acquireLock(file, 'next').acquired).toBe(true);
  });
});
