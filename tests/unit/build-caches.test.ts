/**
 * What a build keeps between runs besides Astro's own cache: the SoA workbook, written once for
 * what it holds, and the link-preview cards, drawn by a pool of workers only when missing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toXlsx, type Column } from '../../src/render/xlsx.ts';
import { drawCardsInPool } from '../../src/cli/cards.ts';
import { missingCards, pruneCards, type CardBrand } from '../../src/render/og-image.ts';
import type { PublicPage } from '../../src/view/public-pages.ts';
import { projectRoot } from '../helpers/content.ts';

let cacheRoot: string;
const previous = process.env.TRUSTBOOK_PROJECT_ROOT;
beforeAll(() => {
  cacheRoot = mkdtempSync(path.join(tmpdir(), 'trustbook caches '));
  // The caches live under the project; the fonts are found from it too, so they are linked in.
  writeFileSync(path.join(cacheRoot, 'package.json'), '{}');
  process.env.TRUSTBOOK_PROJECT_ROOT = cacheRoot;
});
afterAll(() => {
  if (previous === undefined) delete process.env.TRUSTBOOK_PROJECT_ROOT;
  else process.env.TRUSTBOOK_PROJECT_ROOT = previous;
  rmSync(cacheRoot, { recursive: true, force: true });
});

describe('the SoA workbook', () => {
  const columns: Column<{ id: string; due: string }>[] = [
    { header: 'Control', value: (r) => r.id, width: 10 },
    { header: 'Due', value: (r) => new Date(`${r.due}T00:00:00Z`), width: 12, date: true },
  ];
  const cached = () => readdirSync(path.join(cacheRoot, 'node_modules', '.cache', 'trustbook', 'xlsx'));

  test('is written once for what it holds, and again when that changes', async () => {
    const first = await toXlsx('SoA', columns, [{ id: 'A.5.1', due: '2026-01-01' }], '2026-06-15');
    expect(cached()).toHaveLength(1);
    // The second build with the same content reads the file it wrote: proven by planting other bytes there.
    writeFileSync(path.join(cacheRoot, 'node_modules', '.cache', 'trustbook', 'xlsx', cached()[0]!), 'planted');
    expect(Buffer.from(await toXlsx('SoA', columns, [{ id: 'A.5.1', due: '2026-01-01' }], '2026-06-15')).toString()).toBe('planted');
    const changed = await toXlsx('SoA', columns, [{ id: 'A.5.1', due: '2026-01-02' }], '2026-06-15');
    expect(cached()).toHaveLength(2);
    expect(Buffer.from(changed).subarray(0, 2).toString()).toBe('PK');
    expect(Buffer.from(changed).equals(Buffer.from(first))).toBe(false);
  });
});

describe('link-preview cards', () => {
  const brand: CardBrand = { name: 'Example', host: 'trust.example.com', accent: '#1d4ed8' };
  const pages: PublicPage[] = Array.from({ length: 12 }, (_, i) => ({ path: `/p/${i}/`, title: `Page ${i}`, description: '', card: { eyebrow: 'Example', title: `A page of its own, number ${i}`, tone: 'neutral' } }));

  test('are drawn by the pool only when missing, each into the cache', async () => {
    // Fonts are resolved from the project; the cache goes to the temporary folder.
    writeFileSync(path.join(cacheRoot, 'package.json'), JSON.stringify({ name: 'x' }));
    rmSync(path.join(cacheRoot, 'node_modules'), { recursive: true, force: true });
    const { symlinkSync, mkdirSync } = await import('node:fs');
    mkdirSync(path.join(cacheRoot, 'node_modules', '@fontsource'), { recursive: true });
    symlinkSync(path.join(projectRoot, 'node_modules', '@fontsource', 'inter'), path.join(cacheRoot, 'node_modules', '@fontsource', 'inter'));
    expect(missingCards(pages, brand)).toHaveLength(12);
    expect(await drawCardsInPool(pages.slice(0, 3), brand, { size: 2 })).toBe(3);
    expect(missingCards(pages, brand)).toHaveLength(9);
    expect(await drawCardsInPool(pages, brand, { size: 2 })).toBe(9);
    expect(missingCards(pages, brand)).toEqual([]);
    expect(await drawCardsInPool(pages, brand, { size: 2 })).toBe(0);
    const og = path.join(cacheRoot, 'node_modules', '.cache', 'trustbook', 'og');
    expect(existsSync(og) && readdirSync(og).filter((f) => f.endsWith('.png'))).toHaveLength(12);

    // Pages gone or retitled: their cards go too, and the others stay.
    expect(pruneCards(pages.slice(0, 5), brand)).toBe(7);
    expect(readdirSync(og).filter((f) => f.endsWith('.png'))).toHaveLength(5);
    expect(missingCards(pages.slice(0, 5), brand)).toEqual([]);
  }, 60_000);
});
