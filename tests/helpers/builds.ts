/** Where build tests put what they build, and the build caches they may need to do without. */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './content.ts';

/**
 * An empty folder of its own for one test file's builds, under test-results/builds/: emptied when
 * the file starts, so that no two files and no two runs share one, and what the last run built is
 * there to look at when a test fails. `name` should carry a space: it keeps path handling honest.
 */
export function buildFolder(name: string): string {
  const dir = path.join(projectRoot, 'test-results', 'builds', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The caches a build reads before it draws or renders anything: the link-preview cards
 * (src/render/og-image.ts), the SoA workbook (src/render/xlsx.ts), what parsing each file came to
 * (src/load/parse-cache.ts) and Astro's cache folder of each audience (astro.config.mjs). No setting
 * moves them out of the project, so a test that needs cold builds sets the warm caches aside,
 * empties them before each build, and puts them back afterwards for the tests that follow.
 */
const caches = [
  path.join(projectRoot, 'node_modules', '.cache', 'trustbook', 'og'),
  path.join(projectRoot, 'node_modules', '.cache', 'trustbook', 'xlsx'),
  path.join(projectRoot, 'node_modules', '.cache', 'trustbook', 'parsed'),
  path.join(projectRoot, 'node_modules', '.astro', 'internal'),
  path.join(projectRoot, 'node_modules', '.astro', 'public'),
];

export interface ColdCaches {
  /** Empties every build cache: the next build starts cold. */
  clear(): void;
  /** Drops what the test's builds cached and brings back the caches as they were. */
  restore(): void;
}

export function setCachesAside(): ColdCaches {
  // One name, not one per run: a run stopped halfway leaves one copy behind, which the next run replaces.
  const aside = (cache: string) => `${cache}.set-aside`;
  for (const cache of caches) {
    rmSync(aside(cache), { recursive: true, force: true });
    if (existsSync(cache)) renameSync(cache, aside(cache));
  }
  return {
    clear() {
      for (const cache of caches) rmSync(cache, { recursive: true, force: true });
    },
    restore() {
      for (const cache of caches) {
        rmSync(cache, { recursive: true, force: true });
        if (existsSync(aside(cache))) renameSync(aside(cache), cache);
      }
    },
  };
}
