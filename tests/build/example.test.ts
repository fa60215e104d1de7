/**
 * The example organisation: it passes every check, builds both sites, and a defect
 * planted in it stops the build before anything in dist/ changes.
 */
import { describe, expect, inject, test } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { runCli } from '../helpers/cli.ts';
import { exampleContent, modelOf } from '../helpers/content.ts';
import { buildFolder } from '../helpers/builds.ts';

// Built once for all tests by tests/global-setup.ts, with `trustbook build --out`.
const out = inject('exampleSite');

describe('the example organisation', () => {
  // That it passes every check, with its two warnings: tests/unit/cli.test.ts (--strict).

  test('is complete enough to document the format', () => {
    const model = modelOf(exampleContent);
    const count = (c: keyof typeof model.entries) => model.entries[c].length;
    expect(count('people')).toBeGreaterThanOrEqual(10);
    expect(count('policies')).toBeGreaterThanOrEqual(12);
    expect(count('soa')).toBe(93);
    expect(count('controls')).toBeGreaterThanOrEqual(25);
    expect(count('evidence')).toBeGreaterThanOrEqual(40);
    expect(count('risks')).toBeGreaterThanOrEqual(15);
    expect(count('subprocessors')).toBeGreaterThanOrEqual(8);
    expect(count('answers')).toBeGreaterThanOrEqual(40);
    expect(new Set(model.entries.answers.map((a) => a.data.topic)).size).toBeGreaterThanOrEqual(8);
    const excluded = model.entries.soa.filter((e) => !e.data.applicable);
    expect(excluded.length).toBeGreaterThan(0);
    for (const e of excluded) expect(e.data.justification?.length, e.id).toBeGreaterThan(40);
    for (const p of model.entries.policies) expect(p.body.split(/\s+/).length, p.id).toBeGreaterThan(300);
    const leavers = model.entries.people.filter((p) => p.data.left);
    expect(leavers).toHaveLength(1);
    expect(model.references.filter((r) => r.to === 'people' && r.id === leavers[0]!.id)).toEqual([]);
    expect(model.entries.controls.some((c) => c.data.mappings['soc2']?.length && c.data.mappings['nist-csf-2']?.length)).toBe(true);
  });

  test('builds both sites', () => {
    const internal = readFileSync(path.join(out, 'internal', 'index.html'), 'utf8');
    const publicHome = readFileSync(path.join(out, 'public', 'index.html'), 'utf8');
    expect(internal).toContain('Larkspur Analytics');
    expect(internal).toContain('noindex');
    expect(publicHome).toContain('Larkspur Analytics Trust Center');
    expect(publicHome).toContain('ISO/IEC 27001');
    expect(readdirSync(out).sort()).toEqual(['internal', 'public']);
    expect(existsSync(path.join(out, 'public', 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(path.join(out, 'internal', 'pagefind', 'pagefind.js'))).toBe(true);
  });

  test('internal notes stay out of the public site', () => {
    const model = modelOf(exampleContent);
    const notes = model.entries.soa.flatMap((e) => (e.data.notes ? [e.data.notes] : []));
    expect(notes.length).toBeGreaterThan(0);
    const publicText = allFiles(path.join(out, 'public')).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const note of notes) expect(publicText).not.toContain(note);
  });

  test('an applicable control without owner stops the build with one message, and dist/ stays as it was', async () => {
    // A copy of the example's sites stands in for dist/: were the build to write, it would not touch what other tests read.
    const dist = path.join(buildFolder('broken example'), 'dist');
    cpSync(realpathSync(out), dist, { recursive: true });
    const before = snapshot(dist);
    expect(Object.keys(before).length).toBeGreaterThan(100);
    const content = mkdtempSync(path.join(tmpdir(), 'trustbook broken example '));
    cpSync(exampleContent, content, { recursive: true });
    const file = path.join(content, 'soa', 'A.8.24.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const start = lines.findIndex((l) => l.startsWith('owners:'));
    expect(start, 'A.8.24 lists owners').toBeGreaterThan(-1);
    let end = start + 1;
    while (end < lines.length && /^\s+-/.test(lines[end]!)) end++;
    lines.splice(start, end - start);
    writeFileSync(file, lines.join('\n'));

    const { code, stderr } = await runCli(['build', '--content', content, '--out', dist]);
    expect(code).toBe(1);
    const errors = stderr.split('\n').filter((l) => /^\s+\d+:\d+\s+error\s/.test(l));
    expect(errors, stderr).toEqual([expect.stringMatching(/^\s+\d+:\d+\s+error\s+soa\/owner-required\s+A\.8\.24$/)]);
    expect(stderr).toContain('A.8.24 "Use of cryptography" is applicable but has no owner.');
    expect(stderr).toContain('soa/A.8.24.yaml');
    expect(stderr).toContain('1 error, 2 warnings.');
    expect(stderr).toContain('Nothing was written.');
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(path.dirname(dist))).toEqual(['dist']);
  });
});

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

/** Every file under `dir` with its content hash and modification time. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    allFiles(dir).map((f) => [path.relative(dir, f), `${createHash('sha256').update(readFileSync(f)).digest('hex')} ${statSync(f).mtimeMs}`]),
  );
}
