/**
 * The one door for files. Every file Trustbook reads from a content folder — a collection's
 * YAML and MDX, the settings, a logo, a certificate — is found and opened here, and nowhere
 * else. A path is resolved to its real location first: a symbolic link (or a link to a
 * folder) that leads outside the content folder is never followed, whatever it points at.
 * Only regular files are opened, without blocking, so a named pipe cannot hang a check, and
 * a file larger than its kind allows is refused before it is read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/** Why a path could not be used. */
export type FileProblem =
  /** Nothing is there. */
  | { kind: 'missing' }
  /** A symbolic link whose target does not exist. */
  | { kind: 'dangling'; target: string }
  /** The path, or a link on the way to it, resolves outside the content folder. */
  | { kind: 'outside'; target: string }
  /** A folder where a file was expected. */
  | { kind: 'directory' }
  /** A named pipe, socket or device. */
  | { kind: 'special'; what: string }
  /** Larger than the limit for its kind. */
  | { kind: 'too-large'; size: number; limit: number }
  /** The operating system refused to open or read it. */
  | { kind: 'unreadable'; reason: string };

export type Resolved = { ok: true; realPath: string } | { ok: false; problem: FileProblem };

/** The real location of a content folder, or null when it is not a folder. */
export function contentRoot(dir: string): string | null {
  try {
    const real = realpathSync(dir);
    return statSync(real).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

const isDirectory = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

const isInside = (root: string, real: string) => real === root || real.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);

const specialKind = (stats: Stats): string | null =>
  stats.isFIFO() ? 'a named pipe' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : null;

/**
 * Resolves `relative` (as written in content) against the real content root, following
 * symbolic links only while they stay inside it.
 */
export function resolveInside(root: string, relative: string): Resolved {
  const joined = path.resolve(root, relative);
  let real: string;
  try {
    real = realpathSync(joined);
  } catch {
    // Either nothing is there, or a link on the way dangles: tell them apart for the message.
    const link = danglingLink(root, joined);
    return { ok: false, problem: link ? { kind: link.outside ? 'outside' : 'dangling', target: link.target } : { kind: 'missing' } };
  }
  if (!isInside(root, real)) return { ok: false, problem: { kind: 'outside', target: real } };
  return { ok: true, realPath: real };
}

/** The first symbolic link on the way from `root` to `target` that cannot be resolved. */
function danglingLink(root: string, target: string): { target: string; outside: boolean } | null {
  const parts = path.relative(root, target).split(path.sep);
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch {
      return null;
    }
    if (stats.isSymbolicLink()) {
      try {
        realpathSync(current);
      } catch {
        const to = path.resolve(path.dirname(current), readlinkSync(current));
        return { target: to, outside: !isInside(root, to) };
      }
    }
  }
  return null;
}

/** Reads a resolved file, refusing anything that is not a regular file or is larger than `limit` bytes. */
export function readRegularFile(realPath: string, limit: number): { ok: true; bytes: Buffer } | { ok: false; problem: FileProblem } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe for reading would otherwise wait for a writer for ever.
    // O_NOFOLLOW: the path was resolved already; a link swapped in since is refused.
    fd = openSync(realPath, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', reason: code ?? String(error) } };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, problem: { kind: 'directory' } };
    const special = specialKind(stats);
    if (special || !stats.isFile()) return { ok: false, problem: { kind: 'special', what: special ?? 'not a regular file' } };
    if (stats.size > limit) return { ok: false, problem: { kind: 'too-large', size: stats.size, limit } };
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, bytes, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, bytes: read === stats.size ? bytes : bytes.subarray(0, read) };
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) } };
  } finally {
    closeSync(fd);
  }
}

/** A file found while listing a collection folder. */
export interface ListedFile {
  /** The path as it appears in the content folder (through any link inside it). */
  path: string;
  /** Where it really is: always inside the content folder. */
  realPath: string;
}

/** An entry of a collection folder that cannot be read, with why. */
export interface ListedProblem {
  path: string;
  problem: FileProblem;
}

/**
 * Files with one of `extensions` under `dir`, recursively and in a stable order. Dot-files and
 * dot-folders are skipped. Links are followed only to places inside `root`, each real folder is
 * visited once (so a link loop ends), and entries that cannot be read are returned as problems.
 */
export function listFiles(root: string, dir: string, extensions: readonly string[]): { files: ListedFile[]; problems: ListedProblem[] } {
  const files: ListedFile[] = [];
  const problems: ListedProblem[] = [];
  const visited = new Set<string>();
  const wanted = (name: string) => extensions.includes(path.extname(name).toLowerCase());

  const walk = (folder: string, realFolder: string) => {
    if (visited.has(realFolder)) return;
    visited.add(realFolder);
    let names: string[];
    try {
      names = readdirSync(folder).sort((a, b) => a.localeCompare(b, 'en'));
    } catch (error) {
      problems.push({ path: folder, problem: { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) } });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = path.join(folder, name);
      let stats: Stats;
      try {
        stats = lstatSync(full);
      } catch {
        continue;
      }
      if (stats.isSymbolicLink()) {
        const resolved = resolveInside(root, path.relative(root, full));
        if (!resolved.ok) {
          // A link that leads nowhere or outside matters when it could hold content: a file of the
          // collection's kind, or a folder (a dangling link without an extension may have been one).
          if (wanted(name) || isDirectory(full) || (resolved.problem.kind === 'dangling' && !path.extname(name))) problems.push({ path: full, problem: resolved.problem });
          continue;
        }
        let target: Stats;
        try {
          target = statSync(resolved.realPath);
        } catch {
          continue;
        }
        if (target.isDirectory()) walk(full, resolved.realPath);
        else if (wanted(name)) {
          const special = specialKind(target);
          if (special || !target.isFile()) problems.push({ path: full, problem: { kind: 'special', what: special ?? 'not a regular file' } });
          else files.push({ path: full, realPath: resolved.realPath });
        }
        continue;
      }
      if (stats.isDirectory()) {
        walk(full, path.join(realFolder, name));
        continue;
      }
      if (!wanted(name)) continue;
      const special = specialKind(stats);
      if (special || !stats.isFile()) problems.push({ path: full, problem: { kind: 'special', what: special ?? 'not a regular file' } });
      else files.push({ path: full, realPath: path.join(realFolder, name) });
    }
  };

  const start = resolveInside(root, path.relative(root, dir));
  if (!start.ok) {
    problems.push({ path: dir, problem: start.problem });
    return { files, problems };
  }
  walk(dir, start.realPath);
  return { files, problems };
}

/** A sentence about a problem, for diagnostics: `is a symbolic link to /etc/passwd, outside the content folder`. */
export function describeProblem(problem: FileProblem, shown: (p: string) => string = (p) => p): string {
  switch (problem.kind) {
    case 'missing':
      return 'does not exist';
    case 'dangling':
      return `is a symbolic link to ${shown(problem.target)}, which does not exist`;
    case 'outside':
      return `resolves to ${shown(problem.target)}, outside the content folder`;
    case 'directory':
      return 'is a folder, not a file';
    case 'special':
      return `is ${problem.what}, not a regular file`;
    case 'too-large':
      return `is ${formatBytes(problem.size)}, more than the ${formatBytes(problem.limit)} allowed`;
    case 'unreadable':
      return `cannot be read (${problem.reason})`;
  }
}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`);
