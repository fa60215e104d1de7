/** `trustbook init`: a new content folder whose first check is one to-do item, with examples that are right. */
import { describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { fixture } from '../helpers/content.ts';
import { checkContent } from '../../src/checks/run.ts';

const fresh = async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'trustbook init ')), 'acme isms');
  const result = await runCli(['init', dir, '--name', 'Acme Widgets', '--person', 'Priya Shah', '--email', 'priya@acme.example']);
  return { dir, result };
};

const allFiles = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes(`${path.sep}.git`)).map((e) => path.join(e.parentPath, e.name));

describe('trustbook init', () => {
  test('makes a git repository whose first check is two problems: the settings to fill in, 93 controls to decide', async () => {
    const { dir, result } = await fresh();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Created');
    expect(existsSync(path.join(dir, '.git'))).toBe(true);
    const check = await runCli(['check', '--content', dir, '--format', 'json']);
    expect(check.code).toBe(1);
    const { diagnostics, summary } = JSON.parse(check.stdout);
    expect(diagnostics.map((d: { rule: string; message: string }) => `${d.rule}: ${d.message.split(':')[0]}`)).toEqual(['placeholder/unconfirmed: The settings still hold the placeholders `trustbook init` wrote', 'soa/undecided: 93 controls need a decision']);
    expect(summary.checked).toMatchObject({ people: 1, soa: 93 });
    expect(readFileSync(path.join(dir, 'people', 'priya-shah.yaml'), 'utf8')).toContain('name: Priya Shah');
  });

  test('pins no date and carries nothing of the example organisation', async () => {
    const { dir } = await fresh();
    for (const file of allFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/larkspur|Minimal Ltd/i);
      if (file.endsWith('settings.yaml')) expect(text).not.toMatch(/^today:/m);
    }
  });

  test('every example, once its comment marks are removed, is content that passes its own checks', async () => {
    const { dir } = await fresh();
    const examples = allFiles(dir).filter((f) => f.endsWith('.txt'));
    expect(examples.map((f) => path.relative(dir, f)).sort()).toEqual(['answers', 'certifications', 'controls', 'documents', 'evidence', 'exceptions', 'policies', 'risks', 'subprocessors', 'updates'].map((c) => `${c}/example.${c === 'policies' ? 'mdx' : 'yaml'}.txt`));
    for (const file of examples) {
      const lines = readFileSync(file, 'utf8').split('\n').slice(2);
      writeFileSync(file.replace(/\.txt$/, ''), lines.map((l) => l.replace(/^# ?/, '')).join('\n'));
      rmSync(file);
    }
    const { diagnostics, summary } = checkContent({ content: dir, today: '2026-06-15' });
    // The example evidence is in its last 30 days, and the example exception accepts that warning.
    expect(diagnostics.filter((d) => d.rule !== 'soa/undecided' && !(d.rule === 'placeholder/unconfirmed' && d.entity === 'settings')).map((d) => `${d.severity} ${d.rule} ${d.file}`)).toEqual([expect.stringMatching(/^warning evidence\/freshness /)]);
    expect(summary.checked).toMatchObject({ exceptions: 1, certifications: 1, policies: 1, evidence: 1, controls: 1, risks: 1, subprocessors: 1, answers: 1, updates: 1 });
  });

  test('the SoA a spreadsheet imports fills the entries init wrote, and the rest stay to decide', async () => {
    const { dir } = await fresh();
    const imported = await runCli(['import', 'soa', path.join(fixture('import'), 'soa-messy.csv'), '--content', dir]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/\b0 kept as edited\b/);
    expect(readFileSync(path.join(dir, 'soa', 'A.5.1.yaml'), 'utf8')).toMatch(/^applicable: true$/m);
    const { diagnostics } = checkContent({ content: dir, today: '2026-06-15' });
    expect(diagnostics.find((d) => d.rule === 'soa/undecided')?.message).toMatch(/^87 controls need a decision/);
    expect(diagnostics.filter((d) => d.rule.startsWith('load/'))).toEqual([]);
  });

  test('never writes into a folder that holds something', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook init busy '));
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const result = await runCli(['init', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not empty');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect((await runCli(['init'])).code).toBe(2);
    const file = path.join(dir, 'notes.txt');
    const onFile = await runCli(['init', file]);
    expect({ code: onFile.code, said: onFile.stderr.trim() }).toEqual({ code: 1, said: `${file} is a file. Give a new folder, or an empty one.` });
  });
});
