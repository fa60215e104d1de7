/**
 * docs/getting-started.md, followed as written: a new content folder, Acme's SoA workbook, its
 * subprocessor list and its policies (Word and Markdown) from examples/acme imported, the settings'
 * placeholders replaced, then `check` and both sites built. If a step of the guide stops working,
 * this test says which.
 */
import { expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { projectRoot } from '../helpers/content.ts';
import { buildFolder } from '../helpers/builds.ts';

const examples = path.join(projectRoot, 'examples', 'acme');
// The day the guide's output was recorded: the example's evidence and reviews are fresh on it.
const env = { TRUSTBOOK_TODAY: '2026-12-04' };

test('from init to both sites, with the files in examples/acme', { timeout: 240_000 }, async () => {
  const work = buildFolder('getting started');
  const content = path.join(work, 'acme-isms');
  const run = async (args: string[]) => {
    const result = await runCli(args, env);
    return { ...result, all: `$ trustbook ${args.join(' ')}\n${result.stdout}\n${result.stderr}` };
  };

  const init = await run(['init', content, '--name', 'Acme Widgets', '--person', 'Priya Shah', '--email', 'priya@acme-widgets.com']);
  expect(init.code, init.all).toBe(0);

  const dry = await run(['import', 'soa', path.join(examples, 'soa.xlsx'), '--content', content, '--dry-run']);
  expect(dry.code, dry.all).toBe(0);
  expect(dry.stdout).toContain('93 rows read for 93 controls; 6 title, section, blank or total rows skipped.');
  expect(dry.stdout).toContain('A.12.6.1 is an ISO/IEC 27001:2013 control: imported as A.8.8');
  for (const step of [
    ['import', 'soa', path.join(examples, 'soa.xlsx'), '--content', content],
    ['import', 'subprocessors', path.join(examples, 'subprocessors.csv'), '--content', content],
    ['import', 'policies', path.join(examples, 'policies'), '--content', content],
  ]) {
    const result = await run(step);
    expect(result.code, result.all).toBe(0);
  }

  // Before the settings are filled in, the check says so — and nothing else is an error.
  const first = await run(['check', '--content', content, '--format', 'json']);
  const diagnostics: { rule: string; severity: string; file: string; entity: string | null }[] = JSON.parse(first.stdout).diagnostics;
  expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.entity}`)).toEqual(['placeholder/unconfirmed settings']);
  expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.rule} ${d.file}`)).toEqual(['ben-li', 'lena-ford', 'marco-ruiz', 'tom-baker'].map((p) => `placeholder/unconfirmed people/${p}.yaml`));

  const settings = path.join(content, 'settings.yaml');
  writeFileSync(
    settings,
    readFileSync(settings, 'utf8')
      .replace(/description: .*/, 'description: "Acme Widgets makes inventory software for independent retailers."')
      .replaceAll('acme-widgets.invalid', 'acme-widgets.com'),
  );
  const check = await run(['check', '--content', content]);
  expect(check.code, check.all).toBe(0);
  expect(check.stdout).toContain('0 errors, 4 warnings.');

  const out = path.join(work, 'dist');
  const build = await run(['build', '--content', content, '--out', out]);
  expect(build.code, build.all).toBe(0);
  const home = readFileSync(path.join(out, 'public', 'index.html'), 'utf8');
  expect(home).toContain('Acme Widgets does not publish its Statement of Applicability');
  expect(home).toContain('Acme Widgets makes inventory software for independent retailers.');
  expect(existsSync(path.join(out, 'public', 'policies', 'information-security-policy', 'index.html'))).toBe(true);
  // The Word policy is internal (its classification says so): in the handbook only.
  expect(existsSync(path.join(out, 'public', 'policies', 'access-control-policy', 'index.html'))).toBe(false);
  const policy = readFileSync(path.join(out, 'internal', 'policies', 'access-control-policy', 'index.html'), 'utf8');
  expect(policy).toContain('Every application is behind Okta single sign-on with phishing-resistant MFA.');
  expect(readFileSync(path.join(out, 'public', 'subprocessors', 'index.html'), 'utf8')).toContain('Postmark');
});
