/** The trust center in a real browser, as customers and sales use it. */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, launch, screenshot, watch } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/server.ts';
import { decodePng } from '../helpers/site.ts';
import { readFileSync } from 'node:fs';

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

describe('search', () => {
  test('finds a control by a word from its public summary, and filters by kind', async () => {
    const page = await context.newPage();
    const watched = watch(page, server.url);
    await page.goto(`${server.url}/search/`);
    await page.locator('.pagefind-ui__search-input').fill('rotated yearly');
    const first = page.locator('.pagefind-ui__result-link').first();
    await first.waitFor();
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/controls/a-8-24/');
    await expect.poll(async () => (await page.locator('.pagefind-ui__filter-name').allTextContents()).map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['kind', 'theme']));
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });

  test('a search link with ?q= runs the search', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=subprocessor`);
    await page.locator('.pagefind-ui__result-link').first().waitFor();
  });
});

describe('questionnaire answers', () => {
  test('the copy-link button puts the deep URL on the clipboard', async () => {
    const page = await context.newPage();
    const watched = watch(page, server.url);
    await page.goto(`${server.url}/answers/`);
    const answer = page.locator('article.answer').first();
    const id = await answer.getAttribute('id');
    await answer.locator('button.copy-link').click();
    await expect.poll(() => answer.locator('.copy-text').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}/answers/${id}/`);
    expect(watched.errors).toEqual([]);
  });

  test('an anchored link scrolls to and highlights the answer', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/answers/#bcp-rto-rpo`);
    const outline = await page.locator('#bcp-rto-rpo').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });
});

describe('every kind of page', () => {
  const pages = ['/', '/controls/', '/controls/a-8-24/', '/controls/a-7-1/', '/policies/', '/policies/cryptography/', '/subprocessors/', '/answers/', '/answers/bcp-rto-rpo/', '/updates/', '/search/'];

  test('loads without console errors and without a request to another origin', async () => {
    const page = await context.newPage();
    const watched = watch(page, server.url);
    for (const p of pages) {
      const response = await page.goto(`${server.url}${p}`);
      expect(response?.status(), p).toBe(200);
      await page.waitForLoadState('networkidle');
    }
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });

  test.each(['/', '/controls/a-8-24/', '/answers/bcp-rto-rpo/', '/policies/cryptography/'])('axe-core finds no WCAG 2.2 AA violation on %s, light and dark', async (p) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme });
      await page.goto(`${server.url}${p}`);
      expect(await axeViolations(page), `${p} (${colorScheme})`).toEqual([]);
      await page.close();
    }
  });

  test('a 2013 control ID redirects to the current page', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/controls/a-12-6-1/`);
    await page.waitForURL(`${server.url}/controls/a-8-8/`);
    expect(await page.locator('h1').textContent()).toContain('Management of technical vulnerabilities');
  });

  test('the keyboard reaches the skip link first, and it moves focus to the content', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(page.url()).toBe(`${server.url}/#main`);
  });
});

test('screenshots of the home page at desktop and phone width, for review', async () => {
  for (const [name, width, height] of [['public-home-desktop', 1280, 900], ['public-home-phone', 390, 844]] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${server.url}/`);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${name} scrolls sideways`).toBeLessThanOrEqual(width);
    const file = await screenshot(page, name);
    expect(decodePng(readFileSync(file)).width).toBe(width);
    await page.close();
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  await page.goto(`${server.url}/controls/a-8-24/`);
  await screenshot(page, 'public-control-dark');
  await page.close();
});
