/**
 * The revision history of the content folder, from one `git log` per build: for each file,
 * the date, author and message of every commit that changed it, following renames.
 *
 * Content is untrusted, and git runs programs that a repository's configuration names. So git
 * is started in the content folder itself, never in a folder below it that a contributor could
 * have made look like a repository of its own; a bare repository is used only when named
 * explicitly (`safe.bareRepository=explicit`), and no configured program runs: no file-system
 * monitor, no external diff, no text conversion, no signature check, no pager, and no fetch of
 * missing objects in a partial clone.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

export interface Revision {
  hash: string;
  /** `YYYY-MM-DD`, the author date. */
  date: string;
  author: string;
  message: string;
}

/** Revisions of each file, newest first, by path relative to the content folder (`policies/access-control.mdx`). */
export type History = ReadonlyMap<string, readonly Revision[]>;

/** Separators made anew for each run, so that no commit message can forge a record or a field. */
const separators = () => {
  const nonce = randomUUID();
  return { record: `\u001e${nonce}\u001e`, field: `\u001f${nonce}\u001f` };
};
/** Git's output for the largest repository a build reads: 256 MiB. */
const MAX_OUTPUT = 256 * 1024 * 1024;

const SAFE_CONFIG = [
  ['safe.bareRepository', 'explicit'],
  ['core.fsmonitor', 'false'],
  ['core.pager', 'cat'],
  ['log.showSignature', 'false'],
  ['diff.external', ''],
  ['core.quotePath', 'false'],
].flatMap(([key, value]) => ['-c', `${key}=${value}`]);

/**
 * The history of `files` (paths relative to `root`) from one `git log` over `root`. Null when the
 * content folder is not in a git repository, or git is missing, or the repository cannot be read.
 */
export function contentHistory(root: string, files: Iterable<string>): History | null {
  const { record, field } = separators();
  const result = spawnSync(
    'git',
    [...SAFE_CONFIG, 'log', '-z', '--no-color', '--no-ext-diff', '--no-textconv', '--name-status', '-M', '--relative', `--format=${record}%H${field}%as${field}%an${field}%s`, '--', '.'],
    // A history that takes minutes to read (rename detection over thousands of files) is left out rather than waited for.
    { cwd: root, encoding: 'utf8', maxBuffer: MAX_OUTPUT, timeout: 120_000, killSignal: 'SIGKILL', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1' } },
  );
  if (result.error || result.status !== 0) return null;
  return historyOf(result.stdout, files, { record, field });
}

/**
 * Walks `git log -z --name-status -M` output, newest commit first, keeping for each file of today
 * the name it had at each point, so that a rename carries the older commits over to the new name.
 */
export function historyOf(log: string, files: Iterable<string>, { record: RECORD, field: FIELD } = { record: '\u001e', field: '\u001f' }): History {
  const history = new Map<string, Revision[]>();
  /** What each file of today was called at the commit being read. */
  const known = new Map<string, string>();
  for (const file of files) {
    const name = file.split(path.sep).join('/');
    known.set(name, name);
    history.set(name, []);
  }
  for (const record of log.split(RECORD)) {
    if (!record) continue;
    const end = record.indexOf('\0');
    const [hash = '', date = '', author = '', message = ''] = (end < 0 ? record : record.slice(0, end)).split(FIELD);
    const tokens = (end < 0 ? '' : record.slice(end + 1)).split('\0');
    // Git puts one line break before a commit's first status, and nowhere else: a path may begin with one.
    if (tokens[0]) tokens[0] = tokens[0].replace(/^\n/, '');
    const revision: Revision = { hash, date, author, message };
    for (let i = 0; i < tokens.length; i++) {
      const status = tokens[i]!;
      if (!status) continue;
      // Anything but a name-status letter means the record is not what it seems: read no more of it.
      if (!/^[ACDMRTUXB]\d*$/.test(status)) break;
      const renamed = status.startsWith('R') || status.startsWith('C');
      const from = tokens[++i] ?? '';
      const to = renamed ? (tokens[++i] ?? '') : from;
      const current = known.get(to);
      if (current === undefined) continue;
      history.get(current)!.push(revision);
      known.delete(to);
      // Before a rename the file had its old name; before it was added, it had none.
      if (status.startsWith('R')) known.set(from, current);
      else if (!status.startsWith('A') && !status.startsWith('C')) known.set(to, current);
    }
  }
  return history;
}
