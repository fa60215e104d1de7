/**
 * The output folder (`dist/`) changes in one step. Each build is written into a folder of its
 * own beside it (`dist.builds/<build>/internal`, `…/public`), and `dist` is a symbolic link to
 * the live one. Publishing a build renames a new link over `dist`: one rename, which the
 * operating system does atomically, so a reader (or a build killed at any moment) sees either
 * the old pair of sites or the new pair, never a mix and never half a site.
 */
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The folder that holds the builds of `out`: `dist` → `dist.builds`. */
export const buildsDir = (out: string) => `${out}.builds`;

/** Whether `out` is a link this module made, to one of its builds. */
function isOurLink(out: string): boolean {
  try {
    if (!lstatSync(out).isSymbolicLink()) return false;
    const target = readlinkSync(out);
    return path.dirname(target) === path.basename(buildsDir(out)) && !target.includes('..');
  } catch {
    return false;
  }
}

/**
 * The output folder a build publishes to. A link the user made (`dist → /var/www/trust`) is followed,
 * so the build lands where they pointed it; a link this module made is kept.
 */
export function resolveOut(out: string): string {
  let current = path.resolve(out);
  for (let hops = 0; hops < 40; hops++) {
    let stats;
    try {
      stats = lstatSync(current);
    } catch {
      return current;
    }
    if (!stats.isSymbolicLink() || isOurLink(current)) return current;
    current = path.resolve(path.dirname(current), readlinkSync(current));
  }
  return current;
}

/** The folder of the live build: where `out` points, or `out` itself if it is a plain folder; null if there is none. */
export function liveBuild(out: string): string | null {
  if (!existsSync(out)) return null;
  return isOurLink(out) ? realpathSync(out) : out;
}

/** A new, empty folder for a build of `out`. Builds left behind by killed runs are removed first. */
export function newBuild(out: string): string {
  const dir = buildsDir(out);
  mkdirSync(dir, { recursive: true });
  const live = liveBuild(out);
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (full !== live) rmSync(full, { recursive: true, force: true });
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const build = path.join(dir, `${stamp}-${randomBytes(4).toString('hex')}`);
  mkdirSync(build);
  return build;
}

/** Copies a published site into a new build as hard links: instant, and the old build stays untouched. */
export function carryOver(from: string, to: string): void {
  // Read first: a site that was never built leaves no empty folder behind.
  const entries = readdirSync(from, { withFileTypes: true });
  mkdirSync(to, { recursive: true });
  for (const entry of entries) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) carryOver(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** Makes `build` the live build of `out` in one rename, then removes every other build. */
export function publish(out: string, build: string): void {
  const dir = buildsDir(out);
  if (existsSync(out) && !isOurLink(out)) {
    // A plain folder (an earlier version of Trustbook, or made by hand): moved aside once, then replaced by the link.
    const stats = lstatSync(out);
    if (stats.isDirectory()) renameSync(out, path.join(dir, `previous-${path.basename(build)}`));
    else throw new Error(`${out} exists and is not a folder; move it away and build again.`);
  }
  const link = path.join(path.dirname(out), `.${path.basename(out)}.link-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(path.join(path.basename(dir), path.basename(build)), link, 'dir');
  renameSync(link, out);
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (full !== build) rmSync(full, { recursive: true, force: true });
  }
}

/** Removes a build that will not be published. */
export function discard(build: string | null): void {
  if (build) rmSync(build, { recursive: true, force: true });
}
