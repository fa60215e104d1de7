/** Helpers to make throw-away content folders from the fixtures. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../src/load/loader.ts';
import { link, type Model } from '../../src/link/linker.ts';
import { runRules } from '../../src/checks/run.ts';
import type { Rule } from '../../src/checks/rule.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (name: string) => path.join(projectRoot, 'tests', 'fixtures', name);
export const exampleContent = path.join(projectRoot, 'content');

/** A temporary copy of a fixture (default `valid-minimal`) with some files replaced, added or (with `null`) removed. */
export function contentWith(files: Record<string, string | Buffer | null>, base = fixture('valid-minimal')): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustbook content '));
  cpSync(base, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    if (text === null) rmSync(target, { force: true });
    else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  return dir;
}

export const modelOf = (dir: string): Model => link(loadContent(dir));

/** The diagnostics one rule reports on a content folder, as `rule file:line` strings relative to it. */
export function reportsOf(rule: Rule, dir: string, today = '2026-06-15') {
  return runRules(modelOf(dir), today, [rule])
    .filter((d) => d.rule === rule.id)
    .map((d) => ({ ...d, file: path.relative(dir, path.resolve(d.file)) }));
}

/**
 * Files that take control `id` out of valid-minimal's SoA list and give it a file of its own,
 * `soa/<id>.yaml` holding `yaml` — so a test can plant a defect in one entry.
 */
export function soaEntry(id: string, yaml: string | null): Record<string, string | null> {
  const list = readFileSync(path.join(fixture('valid-minimal'), 'soa', 'controls.yaml'), 'utf8');
  const blocks = list.split(/(?=^- id: )/m);
  const kept = blocks.filter((b) => !b.startsWith(`- id: ${id}\n`));
  if (kept.length === blocks.length) throw new Error(`valid-minimal has no SoA entry ${id}`);
  return { 'soa/controls.yaml': kept.join(''), [`soa/${id}.yaml`]: yaml };
}
