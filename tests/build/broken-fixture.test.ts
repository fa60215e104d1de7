/**
 * The broken organisation holds at least one defect per rule and per kind of bad input.
 * `check --format json` must report exactly these, with the right file and line, in one run.
 */
import { expect, test } from 'vitest';
import path from 'node:path';
import { rules } from '../../src/checks/rules/index.ts';
import { fixture } from '../helpers/content.ts';
import { runCli } from '../helpers/cli.ts';

const dir = fixture('broken-every-rule');

test('check lists every planted defect with its file and line, and exits 1', async () => {
  const { code, stdout } = await runCli(['check', '--content', dir, '--format', 'json']);
  expect(code).toBe(1);
  const { diagnostics, summary } = JSON.parse(stdout);
  const found = diagnostics.map((d: { rule: string; file: string; line: number | null; severity: string }) => `${d.severity} ${d.rule} ${path.relative(dir, path.resolve(d.file))}:${d.line}`);
  expect(found).toEqual([
    'error refs/unresolved answers/access control.yaml:5',
    'error visibility/public-cites-internal answers/access control.yaml:6',
    'error certification/surveillance-overdue certifications/iso27001.yaml:11',
    'error certification/validity certifications/iso27701.yaml:9',
    'error files/missing certifications/iso27701.yaml:10',
    'warning controls/unknown-mapping controls/IAM-01.yaml:7',
    'error load/schema evidence/bad-date.yaml:5',
    'warning evidence/freshness evidence/pentest.yaml:5',
    'error evidence/freshness evidence/stale-scan.yaml:5',
    'error model/duplicate-id people/people.yaml:14',
    'error load/encoding people/rene-dupont.yaml:2',
    'error people/owner-has-left policies/access-control.mdx:5',
    'error policy/review-due policies/access-control.mdx:9',
    'error load/yaml-syntax policies/broken-front-matter.mdx:3',
    'warning policy/review-due policies/cryptography.mdx:9',
    'error load/mdx-syntax policies/cryptography.mdx:18',
    'error load/front-matter policies/notes.mdx:1',
    'error load/yaml-syntax risks/r-2.yaml:4',
    'error load/schema risks/r-3.yaml:1',
    'error load/schema risks/r-3.yaml:7',
    'error settings/security-txt settings.yaml:5',
    'error soa/owner-required soa/A.5.1.yaml:1',
    'error soa/evidence-required soa/A.5.2.yaml:1',
    'error soa/basis-required soa/A.5.3.yaml:1',
    'error soa/status-consistent soa/A.5.4.yaml:5',
    'error soa/target-date-passed soa/A.5.5.yaml:6',
    'error people/owner-has-left soa/A.5.6.yaml:6',
    'error soa/missing-entry soa/A.5.7.yaml:null',
    'error refs/unresolved soa/A.5.8.yaml:7',
    'error load/unknown-field soa/A.5.9.yaml:6',
    'error soa/exclusion-justification soa/A.7.1.yaml:2',
    'error soa/status-consistent soa/A.7.1.yaml:3',
    'error soa/unknown-control soa/A.12.6.1.yaml:1',
    'error load/schema subprocessors/mailer.yaml:4',
    'error load/empty-file updates/empty.yaml:1',
  ]);
  expect(summary).toMatchObject({ errors: 32, warnings: 3, today: '2026-06-15' });
});

test('the fixture covers every rule', async () => {
  const { stdout } = await runCli(['check', '--content', dir, '--format', 'json']);
  const reported = new Set(JSON.parse(stdout).diagnostics.map((d: { rule: string }) => d.rule));
  for (const rule of rules) expect(reported, `no defect planted for ${rule.id}`).toContain(rule.id);
});

test('the readable report names the problem and how to fix it, without a stack trace', async () => {
  const { code, stdout, stderr } = await runCli(['check', '--content', dir]);
  expect(code).toBe(1);
  expect(stdout).toContain('soa/owner-required  A.5.1');
  expect(stdout).toContain('Hint: Add `owners: [<person id>]`');
  expect(stdout).toMatch(/32 errors, 3 warnings\.\n$/);
  expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
});

test('github format prints one annotation per problem', async () => {
  const { stdout } = await runCli(['check', '--content', dir, '--format', 'github']);
  expect(stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(35);
});
