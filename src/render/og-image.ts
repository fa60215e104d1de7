/**
 * Link-preview cards: 1200×630 PNGs drawn with Satori and rasterised with resvg. A card
 * costs tens of milliseconds, more than Astro spends on a page, so cards stay flat
 * (no shadows, no gradients, one logo) and each is cached by a hash of what it shows.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import type { PublicPage, Tone } from '../view/public-pages.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Bump when the card design changes, so cached cards are drawn again. */
const DESIGN_VERSION = 2;

// Resolved from the project (the working directory of every build), not from this module: once Astro
// has bundled it, this module lives in the build's output folder.
const projectRoot = () => process.env.TRUSTBOOK_PROJECT_ROOT ?? process.cwd();
const fontFile = (weight: 400 | 700) => createRequire(path.join(projectRoot(), 'package.json')).resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
const loadFonts = () =>
  (fonts ??= ([400, 700] as const).map((weight) => ({ name: 'Inter', data: readFileSync(fontFile(weight)), weight, style: 'normal' as const })));

/** The card cache: the folder `trustbook build` names for its content folder, else one shared folder. */
const cacheDir = () => process.env.TRUSTBOOK_CARD_CACHE || path.join(projectRoot(), 'node_modules', '.cache', 'trustbook', 'og');

/** The card cache of one content folder, under the shared one: each prunes its own. */
export const cardCacheFor = (content: string) => path.join(projectRoot(), 'node_modules', '.cache', 'trustbook', 'og', createHash('sha256').update(path.resolve(content)).digest('hex').slice(0, 16));

const toneColours: Record<Tone, { bg: string; fg: string }> = {
  good: { bg: '#dcfce7', fg: '#14532d' },
  warn: { bg: '#fef3c7', fg: '#78350f' },
  bad: { bg: '#fee2e2', fg: '#7f1d1d' },
  neutral: { bg: '#e5e7eb', fg: '#1f2937' },
};

export interface CardBrand {
  name: string;
  /** Host name of the trust center, shown in the corner of every card. */
  host: string;
  accent: string;
  /** The logo as a data URL, or undefined. */
  logo?: string | undefined;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown; [key: string]: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown, extra: Record<string, unknown> = {}): Node => ({ type, props: { style, children, ...extra } });

function card(page: PublicPage, brand: CardBrand): Node {
  const { eyebrow, title, status, tone } = page.card;
  const size = title.length > 90 ? 52 : title.length > 50 ? 62 : 72;
  // Satori sizes boxes without their padding, so the frame is drawn by nesting rather than with padding on the root.
  return h('div', { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff', fontFamily: 'Inter', color: '#111827' }, [
    h('div', { display: 'flex', height: 16, background: brand.accent }),
    h('div', { display: 'flex', flexGrow: 1, flexDirection: 'column', justifyContent: 'space-between', padding: '48px 72px 56px' }, [
      h('div', { display: 'flex', alignItems: 'center', fontSize: 30, color: '#4b5563' }, [
        ...(brand.logo ? [h('img', { width: 56, height: 56, marginRight: 20 }, undefined, { src: brand.logo, width: 56, height: 56 })] : []),
        h('div', { display: 'flex' }, eyebrow),
      ]),
      h('div', { display: 'flex', fontSize: size, fontWeight: 700, lineHeight: 1.15, maxHeight: size * 1.15 * 3, overflow: 'hidden' }, title),
      h('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 28 }, [
        status ? h('div', { display: 'flex', background: toneColours[tone].bg, color: toneColours[tone].fg, padding: '10px 24px', borderRadius: 28, fontWeight: 700 }, status) : h('div', { display: 'flex' }, ''),
        h('div', { display: 'flex', color: '#6b7280' }, brand.host),
      ]),
    ]),
  ]);
}

/** Where a card is cached: named by a hash of everything it shows. */
const cachePath = (page: PublicPage, brand: CardBrand) =>
  path.join(cacheDir(), `${createHash('sha256').update(JSON.stringify({ v: DESIGN_VERSION, card: page.card, brand })).digest('hex')}.png`);

/** The PNG of a page's card, from the cache when nothing it shows has changed. */
export async function renderCard(page: PublicPage, brand: CardBrand): Promise<Buffer> {
  const cached = cachePath(page, brand);
  if (existsSync(cached)) return readFileSync(cached);
  const svg = await satori(card(page, brand) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
  mkdirSync(cacheDir(), { recursive: true });
  // Write then rename, so that a parallel build never reads half a file.
  const temporary = `${cached}.${process.pid}.tmp`;
  writeFileSync(temporary, png);
  renameSync(temporary, cached);
  return png;
}

/** Deletes the cached cards that none of `pages` shows: the cache holds what the site shows, no more. Returns how many went. */
export function pruneCards(pages: readonly PublicPage[], brand: CardBrand): number {
  const used = new Set(pages.map((page) => path.basename(cachePath(page, brand))));
  let pruned = 0;
  let files: string[];
  try {
    files = readdirSync(cacheDir());
  } catch {
    return 0;
  }
  for (const file of files) {
    if (!file.endsWith('.png') || used.has(file)) continue;
    rmSync(path.join(cacheDir(), file), { force: true });
    pruned++;
  }
  return pruned;
}

/** The pages whose card is not in the cache yet. */
export const missingCards = (pages: readonly PublicPage[], brand: CardBrand): PublicPage[] => pages.filter((page) => !existsSync(cachePath(page, brand)));

/**
 * Draws every card that is not in the cache yet. The build runs this while the handbook builds in
 * another process, so that both cores work and the trust center's build finds its cards ready.
 */
export async function drawCards(pages: readonly PublicPage[], brand: CardBrand): Promise<number> {
  let drawn = 0;
  for (const page of pages) {
    if (existsSync(cachePath(page, brand))) continue;
    try {
      await renderCard(page, brand);
    } catch (error) {
      throw Object.assign(new Error((error as Error).message.split('\n')[0]), { page: page.path });
    }
    drawn++;
    // Let the event loop relay the other build's output between cards.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return drawn;
}

/** A card as SVG with its text kept as text (not paths), for tests that look inside it. */
export const cardSvg = (page: PublicPage, brand: CardBrand) => satori(card(page, brand) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts(), embedFont: false });
