/**
 * Promise 1: the same content on the same day gives byte-identical sites, and another day changes
 * only the files that show the day. With them, `--only public`, which rebuilds the trust center
 * and leaves the handbook beside it as it was. Four builds of valid-minimal prove all of it:
 *
 * - `first` and `second`: the same day, each from cold caches (no cached card, no Astro cache), from
 *   a copy of the content outside any git repository, each into its own folder — so that nothing of
 *   where the output lies, and nothing a cache kept, can hide a difference;
 * - `next day`: the same content a day later;
 * - `--only public` on the next day, into `second`.
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
const folder = (name: string) => path.join(out, name);

async function build(name: string, ...args: string[]) {
  const { code, stdout, stderr } = await runCli(['build', '--content', content, '--out', folder(name), ...args]);
  expect(code, `${stdout}\n${stderr}`).toBe(0);
}

beforeAll(async () => {
  out = buildFolder('reproducible builds');
  content = contentWith({});
  caches = setCachesAside();
  caches.clear();
  await build('first', '--today', DAY);
  caches.clear();
  await build('second', '--today', DAY);
  await build('next day', '--today', NEXT_DAY);
});

afterAll(() => {
  caches?.restore();
  if (content) rmSync(content, { recursive: true, force: true });
});

describe('the same content on the same day', () => {
  test('two builds from cold caches, into two folders, are byte-identical, spreadsheets and search index included', () => {
    const [first, second] = [fileHashes(folder('first')), fileHashes(folder('second'))];
    expect(Object.keys(first).length).toBeGreaterThan(200);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['internal/soa.xlsx', 'public/og/index.png', 'public/pagefind/pagefind-entry.json', 'internal/pagefind/pagefind-entry.json']));
    expect(changedFiles(first, second)).toEqual([]);
  });
});

describe('the same content on another day', () => {
  test('changes exactly the files that show the day, and the search index of the handbook that holds them', () => {
    const changed = changedFiles(fileHashes(folder('first')), fileHashes(folder('next day')));
    expect(changed.filter((f) => !f.startsWith('internal/pagefind/'))).toEqual(Object.keys(DATED).sort());
  });

  test('and each of those files shows the new day', async () => {
    for (const [file, showsNextDay] of Object.entries(DATED)) expect(showsNextDay(read(path.join(folder('next day'), file))), file).toBe(true);
    const xlsx = await JSZip.loadAsync(readFileSync(path.join(folder('next day'), 'internal', 'soa.xlsx')));
    expect(await xlsx.file('docProps/core.xml')!.async('string')).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${NEXT_DAY}T00:00:00Z</dcterms:modified>`);
  });
});

describe('--only public', () => {
  test('rebuilds the trust center alone: the handbook beside it stays byte-identical, and the trust center equals a full build', async () => {
    const handbook = path.join(folder('second'), 'internal');
    const before = fileHashes(handbook);
    await build('second', '--only', 'public', '--today', NEXT_DAY);
    expect(changedFiles(before, fileHashes(handbook))).toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThan(100);
    // The trust center did change: it is now the next day's, byte for byte what a full build makes.
    expect(changedFiles(fileHashes(path.join(folder('second'), 'public')), fileHashes(path.join(folder('next day'), 'public')))).toEqual([]);
  });
});

test('a content folder outside git: the handbook says plainly that there is no revision history', () => {
  expect(existsSync(path.join(content, '.git'))).toBe(false);
  expect(read(fileFor(path.join(folder('first'), 'internal'), '/policies/information-security/')!)).toContain('The content folder is not a git repository, so there is no revision history to show.');
});
