/**
 * Revision history comes from one `git log` over the content folder, follows renames, and never
 * runs a program that a contributor planted in the content as a repository of its own.
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

describe('revision history', () => {
  test('lists the commits that changed each file, newest first, across a rename and an odd file name', () => {
    const { repo, content } = repository();
    writeFileSync(path.join(content, 'policies', 'access.mdx'), 'one');
    writeFileSync(path.join(content, 'policies', 'crypto | keys.mdx'), 'one');
    writeFileSync(path.join(repo, 'outside.txt'), 'one');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'Adopt the first policies');
    git(repo, 'mv', path.join(content, 'policies', 'access.mdx'), path.join(content, 'policies', 'access-control.mdx'));
    git(repo, 'commit', '-qm', 'Name the access policy after its subject');
    writeFileSync(path.join(content, 'policies', 'access-control.mdx'), 'two');
    writeFileSync(path.join(repo, 'outside.txt'), 'two');
    git(repo, 'commit', '-qam', 'Review: MFA for every admin');

    const history = contentHistory(content, ['policies/access-control.mdx', 'policies/crypto | keys.mdx', 'policies/new.mdx']);
    expect(messages(history, 'policies/access-control.mdx')).toEqual(['Review: MFA for every admin', 'Name the access policy after its subject', 'Adopt the first policies']);
    expect(messages(history, 'policies/crypto | keys.mdx')).toEqual(['Adopt the first policies']);
    expect(messages(history, 'policies/new.mdx')).toEqual([]);
    const [latest] = history!.get('policies/access-control.mdx')!;
    expect(latest).toMatchObject({ author: 'Ann Author', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), hash: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });

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

  test('is null when the content folder is not in a repository', () => {
    const content = mkdtempSync(path.join(tmpdir(), 'trustbook no history '));
    expect(contentHistory(content, ['policies/a.mdx'])).toBeNull();
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
