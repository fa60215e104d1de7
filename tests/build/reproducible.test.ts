/**
 * Promise 1: the same content on the same day gives byte-identical sites, and another day changes
 * only the files that show the day. With them, `--only`, which rebuilds one site and leaves the
 * other beside it as it was. Four builds of valid-minimal, from a copy outside any git repository,
 * prove all of it:
 *
 * - `first` and `second`, on the same day, each from cold caches (no cached card, no Astro cache),
 *   each from its own copy of the content and into its own folder: nothing of where the content
 *   or the output lies, and nothing a cache kept, may make a difference;
 * - then `second` again, a day later, one site at a time: `--only public`, then `--only internal`.
 *   Each must leave the other site byte-identical, and together they must differ from `first` in
 *   exactly the files that show the day.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../helpers/cli.ts';
import { contentWith } from '../helpers/content.ts';
import { buildFolder, setCachesAside, type ColdCaches } from '../helpers/builds.ts';
import { changedFiles, fileFor, fileHashes, read } from '../helpers/site.ts';

const DAY = '2026-06-15';
const NEXT_DAY = '2026-06-16';

/**
 * Every file that shows the day it was built for, and how it shows the next day. A file that starts
 * to depend on the day must be added here on purpose: anything else changing is a leak of the clock.
 */
const DATED: Record<string, (text: string) => boolean> = {
  'internal/evidence.csv': (t) => t.includes(',2026-06-01,15,90,2026-08-30,fresh,'), // the evidence is a day older
  'internal/evidence/index.html': (t) => t.includes(`As of <time datetime="${NEXT_DAY}"`),
  'internal/index.html': (t) => t.includes(`Posture as of <time datetime="${NEXT_DAY}"`) && t.includes('in 75 days'),
  'internal/risks/index.html': (t) => t.includes(`As of <time datetime="${NEXT_DAY}"`),
  'internal/soa.xlsx': () => true, // its document properties: checked below
  'internal/soa/index.html': (t) => t.includes(`As of <time datetime="${NEXT_DAY}"`),
  'public/.well-known/security.txt': (t) => t.includes('Expires: 2027-06-15T00:00:00.000Z'),
  'public/index.html': (t) => t.includes(`Status as of <time datetime="${NEXT_DAY}"`),
  'public/trust.json': (t) => JSON.parse(t).buildDate === NEXT_DAY,
  'public/updates/feed.xml': (t) => t.includes(`<updated>${NEXT_DAY}T00:00:00.000Z</updated>`),
};

let out: string;
let caches: ColdCaches;
let content: string;
let copy: string;
const folder = (...parts: string[]) => path.join(out, ...parts);
/** Hashes of every file, taken between the builds. */
const seen: Record<'first' | 'second' | 'afterPublic' | 'afterInternal', Record<string, string>> = { first: {}, second: {}, afterPublic: {}, afterInternal: {} };

async function build(name: string, ...args: string[]) {
  const { code, stdout, stderr } = await runCli(['build', '--content', name === 'first' ? copy : content, '--out', folder(name), ...args]);
  expect(code, `${stdout}\n${stderr}`).toBe(0);
  return fileHashes(folder(name));
}

beforeAll(async () => {
  out = buildFolder('reproducible builds');
  content = contentWith({});
  copy = contentWith({});
  caches = setCachesAside();
  caches.clear();
  seen.first = await build('first', '--today', DAY);
  caches.clear();
  seen.second = await build('second', '--today', DAY);
  seen.afterPublic = await build('second', '--today', NEXT_DAY, '--only', 'public');
  seen.afterInternal = await build('second', '--today', NEXT_DAY, '--only', 'internal');
});

afterAll(() => {
  caches?.restore();
  for (const dir of [content, copy]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The hashes of one site (`internal/`, `public/`) of a folder's hashes. */
const site = (hashes: Record<string, string>, name: 'internal' | 'public') => Object.fromEntries(Object.entries(hashes).filter(([file]) => file.startsWith(`${name}/`)));

describe('the same content on the same day', () => {
  test('two builds from cold caches, into two folders, are byte-identical, spreadsheets and search index included', () => {
    expect(Object.keys(seen.first).length).toBeGreaterThan(200);
    expect(Object.keys(seen.first)).toEqual(expect.arrayContaining(['internal/soa.xlsx', 'public/og/index.png', 'public/pagefind/pagefind-entry.json', 'internal/pagefind/pagefind-entry.json']));
    expect(changedFiles(seen.first, seen.second)).toEqual([]);
  });
});

describe('one site at a time', () => {
  test('--only public rebuilds the trust center and leaves the handbook byte-identical', () => {
    expect(Object.keys(site(seen.second, 'internal')).length).toBeGreaterThan(100);
    expect(changedFiles(site(seen.second, 'internal'), site(seen.afterPublic, 'internal'))).toEqual([]);
    expect(changedFiles(site(seen.second, 'public'), site(seen.afterPublic, 'public'))).not.toEqual([]);
  });

  test('--only internal rebuilds the handbook and leaves the trust center byte-identical', () => {
    expect(changedFiles(site(seen.afterPublic, 'public'), site(seen.afterInternal, 'public'))).toEqual([]);
    expect(changedFiles(site(seen.afterPublic, 'internal'), site(seen.afterInternal, 'internal'))).not.toEqual([]);
  });
});

describe('the same content on another day', () => {
  test('changes exactly the files that show the day, and the search index of the handbook that holds them', () => {
    const changed = changedFiles(seen.first, seen.afterInternal);
    expect(changed.filter((f) => !f.startsWith('internal/pagefind/'))).toEqual(Object.keys(DATED).sort());
  });

  test('and each of those files shows the new day', async () => {
    for (const [file, showsNextDay] of Object.entries(DATED)) expect(showsNextDay(read(folder('second', file))), file).toBe(true);
    const xlsx = await JSZip.loadAsync(readFileSync(folder('second', 'internal', 'soa.xlsx')));
    expect(await xlsx.file('docProps/core.xml')!.async('string')).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${NEXT_DAY}T00:00:00Z</dcterms:modified>`);
  });
});

test('a content folder outside git: the handbook says plainly that there is no revision history', () => {
  expect(existsSync(path.join(content, '.git'))).toBe(false);
  expect(read(fileFor(folder('first', 'internal'), '/policies/information-security/')!)).toContain('The content folder is not a git repository, so there is no revision history to show.');
});
