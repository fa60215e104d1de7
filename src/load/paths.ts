import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where reported paths are relative to: the root of the git repository that holds the content
 * folder, so that GitHub annotations attach to the lines of a pull request whatever folder the
 * command ran in; else the working directory. Set by the loader for the folder it reads.
 */
let base: string | undefined;

/** The root of the git repository that holds `dir`, found by its `.git` (a folder, or a file in a worktree); undefined outside one. */
export function repositoryRoot(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** Makes reported paths relative to the repository of `contentRoot`, or to the working directory. */
export function reportPathsFor(contentRoot: string): void {
  base = repositoryRoot(contentRoot) ?? process.cwd();
}

/**
 * A path as reports show it: relative to the content's repository root (see `reportPathsFor`), or
 * to the working directory, with forward slashes; never an absolute path of the build machine.
 */
export function displayPath(absPath: string): string {
  const relative = path.relative(base ?? process.cwd(), absPath);
  return (relative || '.').split(path.sep).join('/');
}

/** The absolute path of a path as reports show it. */
export const resolveDisplayPath = (shown: string): string => path.resolve(base ?? process.cwd(), shown);

/**
 * A path inside the content folder as the handbook shows it: relative to the folder, with forward
 * slashes (`soa/A.8.24.yaml`), so that a page says the same wherever the folder is. A path outside
 * the folder is returned as given.
 */
export function contentPath(root: string, absPath: string): string {
  const relative = path.relative(root, absPath);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absPath;
}
