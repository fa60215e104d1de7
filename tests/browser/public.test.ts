/** The trust center in a real browser, as customers and sales use it. */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, inViewport, launch, screenshot, watch, type Watched } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/server.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await serve(path.join(inject('exampleSite'), 'public'));
  browser = await launch();
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const resultLinks = (page: Page) => page.locator('.pagefind-ui__result-link');
const hrefsOf = (links: Locator) => links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));

describe('search', () => {
  test('finds a control by a word from its public summary, and filters by kind', async () => {
    const page = await context.newPage();
    const watched = watch(page, server.url);
    await page.goto(`${server.url}/search/`);
    await page.locator('.pagefind-ui__search-input').fill('rotated yearly');
    await resultLinks(page).first().waitFor();
    expect(await hrefsOf(resultLinks(page))).toContain('/controls/a-8-24/');
    await expect.poll(async () => (await page.locator('.pagefind-ui__filter-name').allTextContents()).map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['kind', 'theme']));
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
    await page.close();
  });

  test('a search link with ?q= fills in the box and shows the results, the control that answers it among them', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=encryption`);
    await resultLinks(page).first().waitFor();
    expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe('encryption');
    expect(await hrefsOf(resultLinks(page))).toContain('/controls/a-8-24/');
    expect(await inViewport(resultLinks(page).first())).toBe(true);
    await page.close();
  });
});

describe('questionnaire answers', () => {
  test('the copy-link button puts the deep URL on the clipboard and says so', async () => {
    const page = await context.newPage();
    const watched = watch(page, server.url);
    await page.goto(`${server.url}/answers/`);
    const answer = page.locator('article.answer').first();
    const id = await answer.getAttribute('id');
    await answer.locator('button.copy-link').click();
    await expect.poll(() => answer.locator('.copy-text').textContent()).toBe('Copied');
    expect(await answer.locator('.copy-text').isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}/answers/${id}/`);
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  test('an anchored link scrolls the answer into view and outlines it', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/answers/#bcp-rto-rpo`);
    const answer = page.locator('#bcp-rto-rpo');
    // It is far down the page: only the anchor brings it into view.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    expect(await inViewport(answer.locator('h3, h2').first())).toBe(true);
    const outline = await answer.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth, colour: getComputedStyle(el).outlineColor }));
    expect(outline).toMatchObject({ style: 'solid', width: '2px' });
    expect(outline.colour).not.toMatch(/^rgba\(\d+, \d+, \d+, 0\)$|transparent/);
    // The answers around it are not outlined.
    expect(await page.locator('article.answer').first().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
    await page.close();
  });
});

describe('every kind of page', () => {
  const pages = ['/', '/controls/', '/controls/a-8-24/', '/controls/a-7-1/', '/policies/', '/policies/cryptography/', '/subprocessors/', '/answers/', '/answers/bcp-rto-rpo/', '/updates/', '/search/'];

  test('loads with a visible heading, without console errors and without a request to another origin', async () => {
    const watched: Watched = { errors: [], foreign: [] };
    // All at once, each in its own tab: most of the time is spent waiting for the network to go quiet.
    await Promise.all(
      pages.map(async (p) => {
        const page = await context.newPage();
        const own = watch(page, server.url);
        const response = await page.goto(`${server.url}${p}`, { waitUntil: 'networkidle' });
        expect(response?.status(), p).toBe(200);
        expect(await inViewport(page.locator('h1')), `${p} shows its heading on the first screen`).toBe(true);
        expect((await page.locator('h1').innerText()).trim().length, p).toBeGreaterThan(3);
        await page.close();
        watched.errors.push(...own.errors);
        watched.foreign.push(...own.foreign);
      }),
    );
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });

  test.each(['/', '/controls/a-8-24/', '/answers/bcp-rto-rpo/', '/policies/cryptography/'])('axe-core finds no WCAG 2.2 AA violation on %s, light and dark', async (p) => {
    await Promise.all(
      (['light', 'dark'] as const).map(async (colorScheme) => {
        const page = await browser.newPage({ colorScheme });
        await page.goto(`${server.url}${p}`);
        expect(await axeViolations(page), `${p} (${colorScheme})`).toEqual([]);
        await page.close();
      }),
    );
  });

  test('a 2013 control ID redirects to the current page', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/controls/a-12-6-1/`);
    await page.waitForURL(`${server.url}/controls/a-8-8/`);
    expect(await page.locator('h1').textContent()).toContain('Management of technical vulnerabilities');
    await page.close();
  });

  test('the keyboard reaches the skip link first; it shows, and the next Tab lands in the content', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    expect(await skip.textContent()).toBe('Skip to content');
    expect(await inViewport(skip), 'the focused skip link is on screen').toBe(true);
    await page.keyboard.press('Enter');
    // Following the link is not instant on a busy machine: wait for the address to change, as the other tests do.
    await page.waitForURL(`${server.url}/#main`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main'))), 'focus skipped the navigation').toBe(true);
    await page.close();
  });
});

describe('looks', () => {
  test.each([
    ['public-home-desktop', 1280, 900],
    ['public-home-phone', 390, 844],
  ] as const)('%s: the name, the navigation and the certificate with its status fit the screen, with no sideways scrolling', async (name, width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${server.url}/`);
    await screenshot(page, name);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(width);
    expect(await inViewport(page.getByRole('heading', { level: 1, name: 'Larkspur Analytics Trust Center' }))).toBe(true);
    // On a phone the links fold into one row behind a Menu button, which shows them all.
    const menu = page.locator('.nav-menu summary');
    if (await menu.isVisible()) {
      expect(await inViewport(menu)).toBe(true);
      expect((await page.locator('.site-header').boundingBox())!.height, 'the header is one row').toBeLessThan(100);
      await menu.click();
    }
    const navigation = page.locator('.site-header nav a:visible');
    expect(await navigation.count()).toBeGreaterThanOrEqual(5);
    for (const link of await navigation.all()) expect(await inViewport(link), `${await link.textContent()} is cut off`).toBe(true);
    const cards = page.locator('section[aria-labelledby="certifications"]');
    await cards.getByRole('heading', { name: 'Certifications and attestations' }).scrollIntoViewIfNeeded();
    expect(await inViewport(cards.getByText('ISO/IEC 27001:2022', { exact: true }).first())).toBe(true);
    expect(await inViewport(cards.locator('.pill', { hasText: /^Valid$/ }).first()), 'the certificate says it is valid').toBe(true);
    await page.close();
  });

  test('on a phone each subprocessor is a card: nothing clipped, nothing to scroll sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.url}/subprocessors/`);
    await screenshot(page, 'public-subprocessors-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const rows = page.locator('table.subprocessors tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    const overflowing = await page.locator('table.subprocessors tbody th, table.subprocessors tbody td').evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > 390).length);
    expect(overflowing).toBe(0);
    expect(await rows.first().evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    expect(await page.locator('table.subprocessors .cell-label').first().isVisible()).toBe(true);
    await page.close();
  });

  test('a reader who prefers dark gets it: dark page and header, light text', async () => {
    const colours = async (colorScheme: 'light' | 'dark') => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
      await page.goto(`${server.url}/controls/a-8-24/`);
      if (colorScheme === 'dark') await screenshot(page, 'public-control-dark');
      const found = await page.evaluate(() => {
        // Relative luminance (WCAG 2.2) of a computed rgb() colour: 0 is black, 1 is white.
        const luminance = (colour: string) => {
          const [r, g, b] = colour.match(/[\d.]+/g)!.slice(0, 3).map((c) => Number(c) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return { page: luminance(style('html').backgroundColor), header: luminance(style('.site-header').backgroundColor), text: luminance(style('body').color), heading: luminance(style('h1').color) };
      });
      await page.close();
      return found;
    };
    const [light, dark] = [await colours('light'), await colours('dark')];
    expect(light.page).toBeGreaterThan(0.9);
    expect(light.text).toBeLessThan(0.1);
    expect(dark.page, 'the page is dark').toBeLessThan(0.02);
    expect(dark.header, 'the header is dark').toBeLessThan(0.02);
    expect(dark.text, 'the text is light').toBeGreaterThan(0.5);
    expect(dark.heading, 'the heading is light').toBeGreaterThan(0.5);
  });
});
