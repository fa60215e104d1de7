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
// One run of `check --format json`, read by the first two tests.
let json: Promise<{ code: number; stdout: string }>;
const checkJson = () => (json ??= runCli(['check', '--content', dir, '--format', 'json']));

test('check lists every planted defect with its file and line, and exits 1', async () => {
  const { code, stdout } = await checkJson();
  expect(code).toBe(1);
  const { diagnostics, summary } = JSON.parse(stdout);
  const found = diagnostics.map((d: { rule: string; file: string; line: number | null; severity: string }) => `${d.severity} ${d.rule} ${path.relative(dir, path.resolve(d.file))}:${d.line}`);
  expect(found).toEqual([
    'error refs/unresolved answers/access control.yaml:5',
    'error visibility/public-cites-internal answers/access control.yaml:6',
    'warning markdown/raw-html answers/general.yaml:12',
    'warning markdown/unsafe-link answers/general.yaml:12',
    'warning markdown/image answers/general.yaml:14',
    'warning answers/topic-spelling answers/general.yaml:15',
    'error model/alias-conflict answers/general.yaml:18',
    'warning answers/claims-unimplemented answers/general.yaml:26',
    'error files/outside-content certifications/csa-star.yaml:11',
    'error certification/validity certifications/cyber-essentials.yaml:7',
    'error certification/surveillance-overdue certifications/iso27001.yaml:11',
    'error files/wrong-type certifications/iso27001.yaml:14',
    'error certification/validity certifications/iso27701.yaml:9',
    'error files/missing certifications/iso27701.yaml:10',
    'error certification/report-stale certifications/soc2.yaml:7',
    'warning controls/unknown-mapping controls/IAM-01.yaml:7',
    'error documents/download-missing documents/dpa.yaml:5',
    'error documents/validity documents/insurance.yaml:7',
    'error load/schema evidence/bad-date.yaml:5',
    'error files/dangling-link evidence/dangling.yaml:null',
    'error files/outside-content evidence/linked:null',
    'warning evidence/freshness evidence/pentest.yaml:5',
    'error evidence/freshness evidence/stale-scan.yaml:5',
    'error placeholder/unconfirmed evidence/undated.yaml:5',
    'error exceptions/unknown-target exceptions/exceptions.yaml:3',
    'error exceptions/expired exceptions/exceptions.yaml:16',
    'warning exceptions/expiring exceptions/exceptions.yaml:24',
    'error exceptions/approver-left exceptions/exceptions.yaml:30',
    'warning exceptions/unused exceptions/exceptions.yaml:34',
    'error model/duplicate-id people/people.yaml:14',
    'error load/schema people/people.yaml:20',
    'error load/encoding people/rene-dupont.yaml:2',
    'warning placeholder/unconfirmed people/sam-okoro.yaml:4',
    'error people/owner-has-left policies/access-control.mdx:5',
    'error policy/review-due policies/access-control.mdx:9',
    'error load/yaml-syntax policies/broken-front-matter.mdx:3',
    'warning policy/review-due policies/cryptography.mdx:9',
    'error load/mdx-syntax policies/cryptography.mdx:18',
    'error load/front-matter policies/notes.mdx:1',
    'error model/alias-conflict policies/program.mdx:10',
    'error mdx/import policies/program.mdx:13',
    'error mdx/expression policies/program.mdx:19',
    'error mdx/component policies/program.mdx:21',
    'error mdx/attribute policies/program.mdx:23',
    'warning markdown/raw-html policies/program.mdx:25',
    'error load/yaml-aliases risks/bomb.yaml:1',
    'error load/yaml-syntax risks/r-2.yaml:4',
    'error load/schema risks/r-3.yaml:1',
    'error load/schema risks/r-3.yaml:7',
    'error soa/owner-required soa/A.5.1.yaml:1',
    'error soa/evidence-required soa/A.5.2.yaml:1',
    'error soa/basis-required soa/A.5.3.yaml:1',
    'error soa/status-consistent soa/A.5.4.yaml:5',
    'error soa/target-date-passed soa/A.5.5.yaml:6',
    'error people/owner-has-left soa/A.5.6.yaml:6',
    'error soa/missing-entry soa/A.5.7.yaml:null',
    'error load/unknown-field soa/A.5.9.yaml:6',
    'error soa/exclusion-justification soa/A.7.1.yaml:2',
    'error soa/status-consistent soa/A.7.1.yaml:3',
    'error soa/unknown-control soa/A.12.6.1.yaml:1',
    'error soa/undecided soa/controls.yaml:3',
    'warning public/summary-missing soa/controls.yaml:12',
    'error load/schema subprocessors/mailer.yaml:4',
    'error model/anchor-conflict subprocessors/main.yaml:2',
    'error load/schema subprocessors/scripted.yaml:6',
    'error load/empty-file updates/empty.yaml:1',
  ]);
  expect(summary).toMatchObject({ errors: 53, warnings: 13, today: '2026-06-15' });
});

test('the fixture covers every rule', async () => {
  const { stdout } = await checkJson();
  const reported = new Set(JSON.parse(stdout).diagnostics.map((d: { rule: string }) => d.rule));
  // The settings schema refuses every value that would make security.txt invalid, so no content can
  // trip this rule; it stays as a guard on the file Trustbook writes (tests/unit/rules.test.ts).
  // published/removed needs a trust.json published before, which a check of one folder has not: tests/build/published.test.ts.
  const guardedBySchema = ['settings/security-txt', 'published/removed'];
  for (const rule of rules.filter((r) => !guardedBySchema.includes(r.id))) expect(reported, `no defect planted for ${rule.id}`).toContain(rule.id);
  for (const rule of ['files/outside-content', 'files/dangling-link', 'files/wrong-type', 'files/missing', 'mdx/import', 'mdx/expression', 'mdx/component', 'mdx/attribute', 'markdown/raw-html', 'markdown/unsafe-link', 'markdown/image', 'load/yaml-aliases']) {
    expect(reported, `no defect planted for ${rule}`).toContain(rule);
  }
});

test('the readable report names the problem and how to fix it, without a stack trace', async () => {
  const { code, stdout, stderr } = await runCli(['check', '--content', dir]);
  expect(code).toBe(1);
  expect(stdout).toContain('soa/owner-required  A.5.1');
  expect(stdout).toContain('Hint: Add `owners: [<person id>]`');
  expect(stdout).toMatch(/53 errors, 13 warnings\.\n$/);
  expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
});

test('github format prints one annotation per problem', async () => {
  const { stdout } = await runCli(['check', '--content', dir, '--format', 'github']);
  expect(stdout.split('\n').filter((l) => l.startsWith('::error') || l.startsWith('::warning'))).toHaveLength(66);
});
