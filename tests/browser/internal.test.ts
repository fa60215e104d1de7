/** The handbook in a real browser, as staff and auditors use it. */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations, launch, screenshot, watch } from '../helpers/browser.ts';
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

  test('pages load without console errors or requests to other origins', async () => {
    const page = await browser.newPage();
    const watched = watch(page, server.url);
    for (const p of ['/', '/soa/', '/controls/a-5-15/', '/policies/access-control/', '/evidence/', '/risks/', '/people/priya-raman/', '/frameworks/', '/clauses/', '/search/']) {
      expect((await page.goto(`${server.url}${p}`))?.status(), p).toBe(200);
      await page.waitForLoadState('networkidle');
    }
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
    await page.close();
  });

  test.each(['/', '/soa/', '/controls/a-8-24/'])('axe-core finds no WCAG 2.2 AA violation on %s', async (p) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme });
      await page.goto(`${server.url}${p}`);
      expect(await axeViolations(page), `${p} (${colorScheme})`).toEqual([]);
      await page.close();
    }
  });
});

test('screenshots of the dashboard and the SoA, for review', async () => {
  for (const [name, p] of [['internal-dashboard', '/'], ['internal-soa', '/soa/']] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}${p}`);
    await screenshot(page, name);
    await page.close();
  }
  const page = await browser.newPage();
  await page.goto(`${server.url}/soa/`);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', landscape: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.close();
});
