/**
 * The hostile organisation (tests/fixtures/hostile/): every field and body that reaches the
 * sites tries to break out of where it is written — HTML, attributes, Markdown, MDX, SVG, XML,
 * security.txt, JSON — and its logo names a file outside the content folder. It passes the
 * checks with warnings, so it is built, and both sites are then scanned in every format, the
 * search index decompressed and the SVG behind every card included, and driven in Chromium.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { runCli } from '../helpers/cli.ts';
import { fixture, modelOf, projectRoot } from '../helpers/content.ts';
import { brokenLinks, fileFor, idsOf, read } from '../helpers/site.ts';
import { CANARY, scanSite } from '../helpers/scan.ts';
import { redPixels } from '../helpers/images.ts';
import { buildFolder } from '../helpers/builds.ts';
import { launch, watch, type Watched } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/server.ts';
import { publishedFiles, view } from '../../src/view/view.ts';
import { publicPages } from '../../src/view/public-pages.ts';
import { cardSvg } from '../../src/render/og-image.ts';
import { cardBrand } from '../../src/render/card-brand.ts';
import { validateSecurityTxt } from '../../src/model/security-txt.ts';

const hostile = fixture('hostile');
let out: string;
let site: string;
let stdout: string;
let stderr: string;

beforeAll(async () => {
  out = buildFolder('hostile site');
  const run = await runCli(['build', '--content', hostile, '--out', path.join(out, 'dist')]);
  ({ stdout, stderr } = run);
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  site = path.join(out, 'dist', 'public');
});

/** What must never appear in any output: where the build ran, and secrets from outside the content. */
const machinePaths = () => [projectRoot.replace(/\/$/, ''), hostile, out, readFileSync(path.join(fixture('outside'), 'secret.txt'), 'utf8').trim()];

test('the hostile content passes the checks with warnings only, each saying what was dropped', () => {
  const report = `${stdout}${stderr}`;
  expect(report).toMatch(/0 errors, \d+ warnings\./);
  for (const rule of ['markdown/raw-html', 'markdown/unsafe-link', 'markdown/image', 'answers/topic-spelling']) expect(report).toContain(rule);
});

test('nothing in any file of the trust center could run, load or leak — pages, feed, sitemap, badge, JSON, search index', () => {
  expect(scanSite(site, { forbidden: machinePaths() })).toEqual([]);
});

test('nor in the handbook, which shows internal content but runs none of it', () => {
  // The dashboard quotes the warnings, and so the dropped comment they are about: internal, and as text only.
  expect(scanSite(path.join(out, 'dist', 'internal'), { forbidden: machinePaths(), allowedCanaries: ['zqxhostile-internal-03', 'zqxhostile-comment-02', 'zqxhostile-comment-06'], quotesContent: true })).toEqual([]);
});

test('the scan is not blind: the hostile text is there, as text', () => {
  const home = read(fileFor(site, '/')!);
  expect(home).toContain('Hostile &quot;Ltd&quot; &lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; &amp; Co');
  const answer = read(fileFor(site, '/answers/do-you-have-a-security-policy/')!);
  expect(answer).toContain('approved by the CEO');
  expect(answer).toContain('<p>&#x3C;img src=x onerror=alert(\'img\')> </p>');
});

test('no card behind a link preview holds a script, a reference or a canary', async () => {
  const model = modelOf(hostile);
  const publicView = view(model, 'public');
  const brand = cardBrand(publicView, publishedFiles(publicView));
  for (const page of publicPages(publicView, model.settings!.today!)) {
    const svg = await cardSvg(page, brand);
    expect(svg.match(CANARY), page.path).toBeNull();
    expect(svg, page.path).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
  }
});

test('the logo is a PNG drawn without the file outside the content folder that it names', () => {
  const logo = readFileSync(path.join(site, 'brand', 'logo.png'));
  expect(logo.subarray(1, 4).toString()).toBe('PNG');
  expect(redPixels(logo)).toBe(0);
  expect(fileFor(site, '/brand/logo.svg')).toBeNull();
});

test('two certificates with the same file name each keep their own address and bytes', () => {
  for (const [id, folder] of [['iso27001', 'a'], ['iso27701', 'b']]) {
    expect(readFileSync(path.join(site, 'certificates', `${id}.pdf`))).toEqual(readFileSync(path.join(hostile, 'certificates', folder!, 'certificate.pdf')));
  }
  expect(read(fileFor(site, '/')!)).toContain('href="/certificates/iso27701.pdf" download="certificate.pdf"');
});

test('the badge, the sitemap and the feed are well-formed, with every value escaped', () => {
  const badge = read(path.join(site, 'badge.svg'));
  const root: string[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => root.push(`${tag.name} ${Object.keys(tag.attributes).sort().join(',')}`));
  parser.write(badge).close();
  expect(root[0]).toBe('svg aria-label,height,role,width,xmlns');
  expect(badge).toContain('aria-label="ISO 27001&quot; onload=&quot;alert(&apos;badge&apos;):2022&lt;script&gt;');
  const feed = read(path.join(site, 'updates', 'feed.xml'));
  expect(feed).toContain('<title type="html"><![CDATA[&#x3C;/title>&#x3C;script>alert("update")&#x3C;/script> ]]]]><![CDATA[> Maintenance]]></title>');
});

test('security.txt has exactly the fields the settings give, one per line', () => {
  const text = read(path.join(site, '.well-known', 'security.txt'));
  expect(validateSecurityTxt(text, '2026-06-15')).toEqual([]);
  expect(text.split('\n').filter((l) => l.startsWith('Contact:'))).toEqual(['Contact: mailto:security@hostile.example']);
  expect(text).toContain('Policy: https://hostile.example/disclosure?a=1&b=%22%3E%3Csvg/onload=alert(1)%3E');
});

test('trust.json holds the hostile names as inert data', () => {
  const text = read(path.join(site, 'trust.json'));
  expect(text).not.toMatch(/[<>]/);
  expect(JSON.parse(text).subprocessors[0].name).toBe('Example Cloud <script>alert("subprocessor")</script>');
});

test('headings, topics, answers and footnotes never share an id, and every anchor leads somewhere', () => {
  const policy = read(fileFor(site, '/policies/acceptable-use/')!);
  for (const id of ['main', 'main-1', 'toc-title', 'on-this-page', 'controls-addressed', 'controls-addressed-1', 'fn-1']) expect(idsOf(policy), id).toContain(id);
  const answers = idsOf(read(fileFor(site, '/answers/')!));
  // The answer keeps its id (a published anchor); the two spellings of its topic take the next free ones.
  expect([...answers].filter((id) => /^access-control(-\d+)?$/.test(id)).sort()).toEqual(['access-control', 'access-control-2', 'access-control-3']);
  expect(brokenLinks(site)).toEqual([]);
});

test('a policy in a sub-folder with an upper-case extension is published, its title as written', () => {
  expect(read(fileFor(site, '/policies/terms/')!)).toContain('<h1>Terms of service ---</h1>');
});

describe('in Chromium, with the Content-Security-Policy of _headers and of every page', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serve(site);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('no hostile page runs anything, asks for anything, or shows a dialog', async () => {
    const dialogs: string[] = [];
    const watched: Watched = { errors: [], foreign: [] };
    // All at once, each in its own tab: most of the time is spent waiting for the network to go quiet.
    await Promise.all(
      ['/', '/answers/', '/answers/do-you-have-a-security-policy/', '/policies/acceptable-use/', '/subprocessors/', '/updates/', '/controls/a-5-1/'].map(async (p) => {
        const page = await browser.newPage();
        const own = watch(page, server.url);
        page.on('dialog', async (dialog) => {
          dialogs.push(`${p}: ${dialog.message()}`);
          await dialog.dismiss();
        });
        await page.goto(`${server.url}${p}`, { waitUntil: 'networkidle' });
        await page.close();
        watched.errors.push(...own.errors);
        watched.foreign.push(...own.foreign);
      }),
    );
    expect(dialogs).toEqual([]);
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });

  test('searching for the payloads shows them as text', async () => {
    const page = await browser.newPage();
    const watched = watch(page, server.url);
    page.on('dialog', (dialog) => watched.errors.push(`dialog: ${dialog.message()}`));
    await page.goto(`${server.url}/search/?q=alert`);
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    expect(await page.locator('.pagefind-ui__results img, .pagefind-ui__results script, .pagefind-ui__results iframe').count()).toBe(0);
    expect(await page.locator('.pagefind-ui__results').textContent()).toContain('<script>');
    expect(watched.errors).toEqual([]);
  });
});
