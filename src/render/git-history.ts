/**
 * The revision history of a file from git: date, author and message of every commit that
 * changed it, following renames. Null when the content folder is not in a git repository.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface Revision {
  hash: string;
  date: string;
  author: string;
  message: string;
}

const SEPARATOR = '\u001f';

export function gitHistory(file: string): Revision[] | null {
  const cwd = path.dirname(file);
  try {
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
  const out = execFileSync('git', ['log', '--follow', `--format=%H${SEPARATOR}%as${SEPARATOR}%an${SEPARATOR}%s`, '--', path.basename(file)], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash, date, author, message] = line.split(SEPARATOR) as [string, string, string, string];
      return { hash, date, author, message };
    });
}
