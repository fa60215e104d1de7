/** The handbook in a real browser, as staff and auditors use it. */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations, inViewport, launch, screenshot, watch, type Watched } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/server.ts';
import { exampleContent, modelOf } from '../helpers/content.ts';

let server: StaticServer;
let browser: Browser;
const model = modelOf(exampleContent);

beforeAll(async () => {
  server = await serve(path.join(inject('exampleSite'), 'internal'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function search(query: string): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/search/`);
  await page.locator('.pagefind-ui__search-input').fill(query);
  await page.locator('.pagefind-ui__result-link').first().waitFor();
  const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  await page.close();
  return hrefs as string[];
}

describe('search', () => {
  test('finds a policy by a phrase from its body', async () => {
    const policy = model.index.policies.get('cryptography')!;
    const phrase = policy.body.split('\n').find((l) => /^[A-Z][a-z]+ [a-z]+ [a-z]+ [a-z]+/.test(l))!.split(' ').slice(0, 5).join(' ');
    expect(await search(`"${phrase}"`)).toContain('/policies/cryptography/');
  });

  test('finds a control by its owner', async () => {
    const soa = model.index.soa.get('A.8.24')!.data;
    const owner = model.index.people.get(soa.owners[0]!)!.data.name;
    const owned = model.entries.soa.filter((e) => e.data.owners.includes(soa.owners[0]!)).map((e) => `/controls/${e.id.toLowerCase().replaceAll('.', '-')}/`);
    const found = await search(owner);
    expect(found.filter((href) => owned.includes(href)).length).toBeGreaterThan(0);
  });

  test('a control ID, of 2022 or of 2013, finds that control first', async () => {
    expect((await search('A.8.24'))[0]).toBe('/controls/a-8-24/');
    expect((await search('A.10.1.1'))[0]).toBe('/controls/a-8-24/');
    expect((await search('A.5.1'))[0]).toBe('/controls/a-5-1/');
  });
});

describe('Statement of Applicability', () => {
  const visibleRows = (page: import('playwright-core').Page) => page.locator('.soa-table tbody tr:visible').count();
  const partial = model.entries.soa.filter((e) => e.data.applicable && e.data.status === 'partial').length;

  test.each([true, false])('the filters narrow the rows (JavaScript %s)', async (javaScriptEnabled) => {
    const page = await browser.newPage({ javaScriptEnabled });
    await page.goto(`${server.url}/soa/`);
    expect(await visibleRows(page)).toBe(93);
    await page.getByLabel('Partially implemented').check();
    expect(await visibleRows(page)).toBe(partial);
    await page.getByRole('group', { name: 'Status' }).getByLabel('All', { exact: true }).check();
    await page.getByLabel('Physical', { exact: true }).check();
    expect(await visibleRows(page)).toBe(14);
    await page.close();
  });

  test('a link with ?status= opens the SoA filtered', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/soa/?status=partial`);
    expect(await visibleRows(page)).toBe(partial);
    await page.close();
  });
});

describe('every kind of page', () => {
  test('an auditor goes from the dashboard to a control, its owner and its evidence', async () => {
    const page = await browser.newPage();
    const watched = watch(page, server.url);
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'SoA', exact: true }).click();
    await page.getByRole('link', { name: /A\.8\.24 Use of cryptography/ }).first().click();
    expect(page.url()).toBe(`${server.url}/controls/a-8-24/`);
    const owner = model.index.people.get(model.index.soa.get('A.8.24')!.data.owners[0]!)!.data.name;
    await page.getByRole('link', { name: owner }).first().click();
    expect(await page.locator('h1').textContent()).toBe(owner);
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
    await page.close();
  });

  test('pages load with a visible heading, without console errors or requests to other origins', async () => {
    const watched: Watched = { errors: [], foreign: [] };
    // All at once, each in its own tab: most of the time is spent waiting for the network to go quiet.
    await Promise.all(
      ['/', '/soa/', '/controls/a-5-15/', '/policies/access-control/', '/evidence/', '/risks/', '/people/priya-raman/', '/frameworks/', '/clauses/', '/answers/', '/search/'].map(async (p) => {
        const page = await browser.newPage();
        const own = watch(page, server.url);
        expect((await page.goto(`${server.url}${p}`, { waitUntil: 'networkidle' }))?.status(), p).toBe(200);
        expect(await inViewport(page.locator('h1')), `${p} shows its heading on the first screen`).toBe(true);
        await page.close();
        watched.errors.push(...own.errors);
        watched.foreign.push(...own.foreign);
      }),
    );
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });

  test.each(['/', '/soa/', '/controls/a-8-24/', '/answers/'])('axe-core finds no WCAG 2.2 AA violation on %s', async (p) => {
    await Promise.all(
      (['light', 'dark'] as const).map(async (colorScheme) => {
        const page = await browser.newPage({ colorScheme });
        await page.goto(`${server.url}${p}`);
        expect(await axeViolations(page), `${p} (${colorScheme})`).toEqual([]);
        await page.close();
      }),
    );
  });
});

describe('looks', () => {
  test('the dashboard shows the posture and what needs attention on its first screen, and lists each warning', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/`);
    await screenshot(page, 'internal-dashboard');
    expect(await inViewport(page.getByText(/\d+ of \d+ applicable controls implemented \(\d+%\)/))).toBe(true);
    const summary = page.getByRole('list', { name: 'Summary' });
    expect(await inViewport(summary.getByRole('link', { name: 'Certificate: valid' }))).toBe(true);
    expect(await inViewport(summary.getByRole('link', { name: '2 warnings' }))).toBe(true);
    // The summary leads to the list, and the list holds the two warnings the example plants.
    await summary.getByRole('link', { name: '2 warnings' }).click();
    const issues = page.locator('#attention .issue');
    expect(await issues.count()).toBe(2);
    expect(await inViewport(issues.first())).toBe(true);
    expect(await page.locator('#attention .issue-meta code').allTextContents()).toEqual(['evidence/freshness', 'policy/review-due']);
    // What a hint quotes is shown as code, without the backticks it is written with.
    expect(await page.locator('#attention .issue-hint code').allTextContents()).toContain('collected:');
    expect(await page.locator('#attention').innerText()).not.toContain('`');
    await page.close();
  });

  test('the SoA fits the screen, and printed it is the whole table without its filters and navigation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/soa/`);
    await screenshot(page, 'internal-soa');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page scrolls sideways').toBeLessThanOrEqual(1280);
    expect(await inViewport(page.getByRole('heading', { level: 1, name: 'Statement of Applicability' }))).toBe(true);
    expect(await inViewport(page.getByRole('form', { name: 'Filter the controls' }))).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('form', { name: 'Filter the controls' }).isVisible()).toBe(false);
    expect(await page.locator('.site-header .nav-wide').isVisible()).toBe(false);
    expect(await page.locator('.site-header .nav-menu').isVisible()).toBe(false);
    expect(await page.locator('.soa-table tbody tr:visible').count()).toBe(93);
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // 93 rows with their justifications do not fit on a few sheets: the table is all there.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThan(5);
    await page.close();
  });
});
