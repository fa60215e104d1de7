/**
 * The revision history the handbook shows beside each policy, read from git: on a small
 * repository made here, with commits on known days by known people, an unrelated commit,
 * and a move of the policy to another folder and name.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentHistory } from '../../src/load/git-history.ts';

/** The history of `file` (relative to the content folder) as the handbook receives it, from the one `git log` of a build. */
const historyOf = (repo: string, file: string) => {
  const history = contentHistory(repo, [file]);
  return history ? history.get(file) : null;
};

const ADA = { name: 'Ada Lovelace', email: 'ada@minimal.example' };
const GRACE = { name: 'Grace Hopper', email: 'grace@minimal.example' };

/** git as a person at a given moment, whatever the machine's own git configuration says. */
function gitAs(repo: string, who = ADA, authored = '2026-01-01T09:00:00+00:00', committed = authored) {
  return (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_AUTHOR_DATE: authored,
        GIT_COMMITTER_NAME: who.name,
        GIT_COMMITTER_EMAIL: who.email,
        GIT_COMMITTER_DATE: committed,
      },
    }).trim();
}

const POLICY_BEFORE = 'drafts/security policy.mdx';
const POLICY = 'policies/information-security.mdx';
const policyText = (extra = '') => `---\ntitle: Information security policy\n---\n\nEvery member of staff protects the information entrusted to us.\n${extra}`;

let repo: string;
let outside: string;
const commits: Record<string, string> = {};

beforeAll(() => {
  // A space in the folder names keeps path handling honest.
  repo = mkdtempSync(path.join(tmpdir(), 'trustbook history '));
  outside = mkdtempSync(path.join(tmpdir(), 'trustbook no history '));
  mkdirSync(path.join(repo, 'drafts'));
  mkdirSync(path.join(repo, 'policies'));
  gitAs(repo)('init', '-q');

  writeFileSync(path.join(repo, POLICY_BEFORE), policyText());
  writeFileSync(path.join(repo, 'people.yaml'), '- id: ada-lovelace\n');
  gitAs(repo, ADA, '2026-01-10T10:00:00+00:00')('add', '.');
  gitAs(repo, ADA, '2026-01-10T10:00:00+00:00')('commit', '-qm', 'First approved version of the security policy');
  commits['first'] = gitAs(repo)('rev-parse', 'HEAD');

  writeFileSync(path.join(repo, 'people.yaml'), '- id: ada-lovelace\n- id: grace-hopper\n');
  gitAs(repo, GRACE, '2026-02-03T10:00:00+00:00')('commit', '-qam', 'Grace Hopper joins');
  commits['unrelated'] = gitAs(repo)('rev-parse', 'HEAD');

  gitAs(repo, GRACE, '2026-03-15T10:00:00+00:00')('mv', POLICY_BEFORE, POLICY);
  gitAs(repo, GRACE, '2026-03-15T10:00:00+00:00')('commit', '-qm', 'Publish the security policy under its approved name');
  commits['moved'] = gitAs(repo)('rev-parse', 'HEAD');

  // Written on one day, committed two days later: the history shows when the change was written.
  writeFileSync(path.join(repo, POLICY), policyText('\n## Scope\n\nAll staff & systems <including contractors>.\n'));
  gitAs(repo, ADA, '2026-04-20T10:00:00+00:00', '2026-04-22T16:00:00+00:00')('commit', '-qam', 'Add the scope section: staff & "contractors" <all>\n\nAsked for by the auditor in the stage 1 review.');
  commits['scope'] = gitAs(repo)('rev-parse', 'HEAD');

  writeFileSync(path.join(outside, 'policy.mdx'), policyText());
});

afterAll(() => {
  for (const dir of [repo, outside]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the revision history of a file in git', () => {
  test('lists every commit that changed it, newest first, with author date, author and subject', () => {
    expect(historyOf(repo, POLICY)).toEqual([
      { hash: commits['scope'], date: '2026-04-20', author: 'Ada Lovelace', message: 'Add the scope section: staff & "contractors" <all>' },
      { hash: commits['moved'], date: '2026-03-15', author: 'Grace Hopper', message: 'Publish the security policy under its approved name' },
      { hash: commits['first'], date: '2026-01-10', author: 'Ada Lovelace', message: 'First approved version of the security policy' },
    ]);
  });

  test('follows the file back through a move to another folder and name', () => {
    const messages = historyOf(repo, POLICY)!.map((r) => r.message);
    expect(messages.at(-1)).toBe('First approved version of the security policy');
  });

  test('leaves out commits that changed only other files', () => {
    expect(historyOf(repo, POLICY)!.map((r) => r.hash)).not.toContain(commits['unrelated']);
    expect(historyOf(repo, 'people.yaml')!.map((r) => r.message)).toEqual(['Grace Hopper joins', 'First approved version of the security policy']);
  });

  test('is empty for a file that has never been committed', () => {
    writeFileSync(path.join(repo, 'policies', 'draft.mdx'), policyText());
    expect(historyOf(repo, 'policies/draft.mdx')).toEqual([]);
  });

  test('is null when the content folder is not in a git repository', () => {
    expect(historyOf(outside, 'policy.mdx')).toBeNull();
  });
});
