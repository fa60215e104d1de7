/**
 * The trust center's front door in a real browser: the first screen shows every certification of the
 * example with its status and the primary buttons; Request access opens a prefilled request for an
 * on-request document; the home and documents pages pass axe-core in light and dark; and screenshots
 * of both at a desktop and a phone width are kept under test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations, inViewport, launch, screenshot, watch } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/server.ts';
import { exampleContent, modelOf } from '../helpers/content.ts';
import { view } from '../../src/view/view.ts';
import { certificationName } from '../../src/model/certification-kinds.ts';
import { certificationState, certificationStateLabel } from '../../src/view/status.ts';

let server: StaticServer;
let browser: Browser;
const model = modelOf(exampleContent);
const site = view(model, 'public');
const today = model.settings!.today!;

beforeAll(async () => {
  server = await serve(path.join(inject('exampleSite'), 'public'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the first screen of the home page at 1440×900', () => {
  test('shows every certification of the example with its status, and the primary buttons', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const watched = watch(page, server.url);
    await page.goto(`${server.url}/`);
    expect(site.certifications.map((c) => c.kind)).toEqual(['iso', 'soc2', 'cyber-essentials']);
    const badges = page.locator('ul.badges > li');
    expect(await badges.count()).toBe(site.certifications.length);
    for (const [i, cert] of site.certifications.entries()) {
      const badge = badges.nth(i);
      expect(await inViewport(badge), cert.id).toBe(true);
      const text = (await badge.innerText()).replace(/\s+/g, ' ');
      expect(text, cert.id).toContain(certificationName(cert));
      expect(text, cert.id).toContain(certificationStateLabel[certificationState(cert, today)]);
      // The self-hosted badge image has loaded.
      expect(await badge.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), cert.id).toBe(true);
    }
    expect((await badges.nth(1).innerText()).replace(/\s+/g, ' ')).toContain('Report for 1 April 2025 to 31 March 2026.');

    const buttons = page.locator('.primary-actions a.button');
    expect(await buttons.allInnerTexts()).toEqual(['Download ISO 27001 certificate', 'Download Cyber Essentials Plus certificate', 'Request access', 'Contact security']);
    for (const button of await buttons.all()) expect(await inViewport(button), await button.innerText()).toBe(true);
    expect(await buttons.first().getAttribute('href')).toBe('/certificates/iso27001.pdf');
    expect(await buttons.nth(3).getAttribute('href')).toBe('mailto:trust@larkspur.example');

    // The certificate behind the first button is there, and is a PDF.
    const response = await page.request.get(`${server.url}/certificates/iso27001.pdf`);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.locator('script').count()).toBe(0);
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
    await page.close();
  });
});

describe('Request access', () => {
  test('opens the request form prefilled with the on-request document and the organisation', async () => {
    const page = await browser.newPage();
    // The form lives on the organisation's own site: answer for it here, and record where the browser went.
    const opened: string[] = [];
    await page.route('https://larkspur.example/**', (route) => {
      opened.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Request form</title><p>Request form</p>' });
    });
    await page.goto(`${server.url}/documents/`);
    const card = page.locator('article#pentest-summary');
    expect(await card.innerText()).toContain('On request');
    expect(await card.innerText()).toContain('Valid until 31 March 2027');
    const request = card.getByRole('link', { name: 'Request access to Penetration test summary 2026' });
    await Promise.all([page.waitForURL(/larkspur\.example/), request.click()]);
    const url = new URL(page.url());
    expect(url.origin + url.pathname).toBe('https://larkspur.example/security/request-access');
    expect(Object.fromEntries(url.searchParams)).toEqual({ doc: 'pentest-summary', doc_title: 'Penetration test summary 2026', org: 'Larkspur Analytics' });
    expect(opened).toHaveLength(1);
    await page.close();
  });

  test('an NDA document offers the same request and no file; a public one downloads', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/documents/`);
    const nda = page.locator('article#soc2-report');
    expect(await nda.innerText()).toContain('Under NDA');
    const href = await nda.locator('a.button').getAttribute('href');
    expect(href).toBe('https://larkspur.example/security/request-access?doc=soc2-report&doc_title=SOC+2+Type+II+report+2025%E2%80%9326&org=Larkspur+Analytics');
    expect(await nda.locator('a[href$=".pdf"]').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('article#dpa a.button').click()]);
    expect(download.suggestedFilename()).toBe('larkspur-dpa-2026.pdf');
    await page.close();
  });
});

describe('search', () => {
  test('finds a document of the library and a certification by its auditor', async () => {
    const page = await browser.newPage();
    const results = page.locator('.pagefind-ui__result-link');
    await page.goto(`${server.url}/search/?q=insurance`);
    await results.first().waitFor();
    expect(await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain('/documents/');
    await page.goto(`${server.url}/search/?q=Halden`);
    await results.first().waitFor();
    expect(await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain('/');
    await page.close();
  });
});

describe('accessibility and screenshots', () => {
  test.each(['/', '/documents/', '/404.html'])('axe-core finds no WCAG 2.2 AA violation on %s, light and dark', async (p) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme, viewport: { width: 1440, height: 900 } });
      await page.goto(`${server.url}${p}`);
      expect(await axeViolations(page), `${p} (${colorScheme})`).toEqual([]);
      await page.close();
    }
  });

  test('home and documents at 1440×900 and 390×844, light and dark, with nothing wider than the screen; on a phone the menu opens and passes axe-core', async () => {
    for (const [width, height] of [[1440, 900], [390, 844]] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const [p, name] of [['/', 'home'], ['/documents/', 'documents']] as const) {
          const page = await browser.newPage({ viewport: { width, height }, colorScheme });
          await page.goto(`${server.url}${p}`);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${p} at ${width}`).toBeLessThanOrEqual(width);
          await screenshot(page, `front-door-${name}-${width}-${colorScheme}`, { fullPage: false });
          await screenshot(page, `front-door-${name}-${width}-${colorScheme}-full`);
          if (width < 400) {
            // The phone's menu, opened: one row of header until then, every link once it is.
            await page.locator('.nav-menu summary').click();
            expect(await page.locator('.nav-menu nav a:visible').count()).toBe(7);
            expect(await axeViolations(page), `${p} at ${width} (${colorScheme}), menu open`).toEqual([]);
            await screenshot(page, `front-door-${name}-${width}-${colorScheme}-menu`, { fullPage: false });
          }
          await page.close();
        }
      }
    }
  });
});
