/**
 * Revision history, read with git from content that anyone may have written: a file deleted and
 * made anew, and a repository planted in the content to make git run a program.
 */
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentHistory } from '../../src/load/git-history.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Ann Author', '-c', 'user.email=ann@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe', encoding: 'utf8' });

function repository() {
  const repo = mkdtempSync(path.join(tmpdir(), 'trustbook history '));
  const content = path.join(repo, 'isms content');
  mkdirSync(path.join(content, 'policies'), { recursive: true });
  git(repo, 'init', '-q');
  return { repo, content };
}

const messages = (history: ReturnType<typeof contentHistory>, file: string) => history?.get(file)?.map((r) => r.message);

describe('revision history of untrusted content', () => {
  test('a file deleted and added again keeps only the history of the new one', () => {
    const { repo, content } = repository();
    const file = path.join(content, 'policies', 'backup.mdx');
    writeFileSync(file, 'old');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'Old backup policy');
    git(repo, 'rm', '-q', file);
    git(repo, 'commit', '-qm', 'Retire the backup policy');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'completely different text');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'New backup policy');
    expect(messages(contentHistory(content, ['policies/backup.mdx']), 'policies/backup.mdx')).toEqual(['New backup policy']);
  });

  test("a path that begins with a line break, or a message with the separators, cannot rewrite a file's history", () => {
    const { repo, content } = repository();
    const policy = path.join(content, 'policies', 'security.mdx');
    writeFileSync(policy, 'v1');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'Approved version 1.0');
    writeFileSync(policy, 'v2');
    git(repo, 'commit', '-qam', 'Weaken the password rule');
    mkdirSync(path.join(content, '\npolicies'));
    writeFileSync(path.join(content, '\npolicies', 'security.mdx'), 'decoy');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'Routine\u001edeadbeef\u001f2020-01-01\u001fAuditor\u001fApproved by the auditor');
    const history = contentHistory(content, ['policies/security.mdx']);
    expect(messages(history, 'policies/security.mdx')).toEqual(['Weaken the password rule', 'Approved version 1.0']);
    expect(history!.get('policies/security.mdx')!.map((r) => r.hash)).not.toContain('deadbeef');
  });

  test('never runs a program named by a repository planted in the content', () => {
    const { repo, content } = repository();
    const marker = path.join(repo, 'ran');
    const program = path.join(repo, 'planted.sh');
    writeFileSync(program, `#!/bin/sh\ntouch '${marker}'\n`);
    chmodSync(program, 0o755);
    // A folder of the content made to look like a bare repository, with a configuration that runs a program.
    const planted = path.join(content, 'policies', 'team');
    for (const dir of ['objects', 'refs/heads']) mkdirSync(path.join(planted, dir), { recursive: true });
    writeFileSync(path.join(planted, 'HEAD'), 'ref: refs/heads/main\n');
    const config = `[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n\tfsmonitor = ${program}\n\tpager = ${program}\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${program}\n[diff]\n\texternal = ${program}\n`;
    writeFileSync(path.join(planted, 'config'), config);
    writeFileSync(path.join(planted, 'policy.mdx'), 'text');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'Add the team policy');

    const history = contentHistory(content, ['policies/team/policy.mdx']);
    expect(messages(history, 'policies/team/policy.mdx')).toEqual(['Add the team policy']);
    // The content folder itself made to look like a bare repository, outside any real one.
    const bare = mkdtempSync(path.join(tmpdir(), 'trustbook bare '));
    for (const dir of ['objects', 'refs/heads']) mkdirSync(path.join(bare, dir), { recursive: true });
    writeFileSync(path.join(bare, 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(bare, 'config'), config.replace('bare = false', 'bare = true'));
    expect(contentHistory(bare, ['policy.mdx'])).toBeNull();
    expect(existsSync(marker), 'git ran the planted program').toBe(false);
  });
});
