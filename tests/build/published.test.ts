/**
 * Promise 2 across builds: an address the trust center published keeps working. A build compares
 * the content with the trust.json of the build it is about to replace, and `check --published`
 * with the one a pull request's workflow downloaded.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { contentWith, fixture } from '../helpers/content.ts';
import { buildFolder } from '../helpers/builds.ts';
import { changedFiles, fileHashes } from '../helpers/site.ts';

const policyFile = 'policies/information-security.mdx';
const policy = readFileSync(path.join(fixture('valid-minimal'), policyFile), 'utf8');
const answers = readFileSync(path.join(fixture('valid-minimal'), 'answers', 'general.yaml'), 'utf8');
const madeInternal = { [policyFile]: policy.replace('visibility: public', 'visibility: internal') };
let out: string;

beforeAll(async () => {
  out = buildFolder('published addresses');
  const { code, stdout, stderr } = await runCli(['build', '--content', contentWith({}), '--out', out, '--only', 'public']);
  expect(code, `${stdout}\n${stderr}`).toBe(0);
});

describe('a build that would drop a published address', () => {
  test('stops with published/removed at the line that dropped it, and leaves the trust center as it was', async () => {
    const before = fileHashes(out);
    const { code, stderr } = await runCli(['build', '--content', contentWith(madeInternal), '--out', out, '--only', 'public']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/policies\/information-security\.mdx\n\s+11:1\s+error\s+published\/removed\s+policy information-security/);
    expect(stderr).toContain('is now internal: links to https://trust.minimal.example/policies/information-security/');
    expect(changedFiles(before, fileHashes(out))).toEqual([]);
  });

  test('goes ahead when the old id is an alias of the public policy that replaced it', async () => {
    const renamed = policy.replace('id: information-security', 'id: security\naliases: [information-security]');
    const { code, stdout, stderr } = await runCli(['build', '--content', contentWith({ [policyFile]: null, 'policies/security.mdx': renamed, 'answers/general.yaml': answers.replaceAll('information-security', 'security') }), '--out', out, '--only', 'public']);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
  });
});

describe('check --published', () => {
  const published = path.join(fixture('published'), 'trust.json');

  test('compares with a downloaded trust.json', async () => {
    const { code, stdout } = await runCli(['check', '--content', contentWith(madeInternal), '--published', published, '--format', 'json']);
    expect(code).toBe(1);
    const rules = JSON.parse(stdout).diagnostics.map((d: { rule: string; subject: unknown }) => [d.rule, d.subject]);
    expect(rules).toContainEqual(['published/removed', { collection: 'policies', id: 'information-security', field: 'visibility' }]);
  });

  test('names a file that cannot be read, and compares nothing without one', async () => {
    const missing = await runCli(['check', '--content', fixture('valid-minimal'), '--published', path.join(out, 'nowhere.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/error\s+published\/unreadable/);
    expect((await runCli(['check', '--content', contentWith(madeInternal)])).stdout).not.toContain('published/');
  });
});
