/** The trust center built from the example: every page, link, redirect and machine-readable file. */
import { describe, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { allFiles, brokenLinks, decodePng, fileFor, idsOf, read } from '../helpers/site.ts';
import { exampleContent, modelOf } from '../helpers/content.ts';
import { view } from '../../src/view/view.ts';
import { publicPages } from '../../src/view/public-pages.ts';
import { validateSecurityTxt } from '../../src/model/security-txt.ts';
import { readPublished } from '../../src/load/published.ts';
import { controlSlug, controls2013 } from '../../src/model/catalog.ts';
import schema from '../../src/render/trust.schema.json' with { type: 'json' };

const site = path.join(inject('exampleSite'), 'public');
const model = modelOf(exampleContent);
const publicView = view(model, 'public');
const today = model.settings!.today!;
const htmlFiles = allFiles(site).filter((f) => f.endsWith('.html'));

describe('pages', () => {
  test('every Annex A control has its page at a stable URL', () => {
    for (const node of model.controls) expect(fileFor(site, `/controls/${controlSlug(node.control.id)}/`), node.control.id).not.toBeNull();
    expect(read(fileFor(site, '/controls/a-8-24/')!)).toContain('Use of cryptography');
  });

  test('every public answer has an anchor on the answers page and a page of its own', () => {
    const ids = idsOf(read(fileFor(site, '/answers/')!));
    for (const answer of publicView.answers) {
      expect(ids, answer.id).toContain(answer.id);
      expect(fileFor(site, `/answers/${answer.id}/`), answer.id).not.toBeNull();
    }
  });

  test('every page in the page list is built, with its link-preview metadata', () => {
    for (const page of publicPages(publicView, today)) {
      const file = fileFor(site, page.path);
      expect(file, page.path).not.toBeNull();
      const html = read(file!);
      expect(html, page.path).toContain('<meta property="og:image" content="https://trust.larkspur.example/og/');
      expect(html, page.path).toContain('<meta name="twitter:card" content="summary_large_image"');
    }
  });

  test('every link inside the site resolves, anchors included', () => {
    expect(brokenLinks(site)).toEqual([]);
  });

  test('internal policies are listed by title only, as available on request', () => {
    const listing = read(fileFor(site, '/policies/')!);
    const internal = model.entries.policies.filter((p) => p.data.visibility === 'internal');
    for (const p of internal) {
      expect(listing).toContain(p.data.title);
      expect(fileFor(site, `/policies/${p.id}/`), p.id).toBeNull();
    }
  });
});

describe('redirects', () => {
  const redirectsFile = read(path.join(site, '_redirects')).trim().split('\n');

  test('every ISO 27001:2013 control ID lands on the page of its 2022 successor', () => {
    for (const [old, [successor]] of Object.entries(controls2013)) {
      const page = fileFor(site, `/controls/${controlSlug(old)}/`);
      expect(page, old).not.toBeNull();
      expect(read(page!), old).toContain(`url=/controls/${controlSlug(successor!)}/`);
      expect(redirectsFile).toContain(`/controls/${controlSlug(old)}/ /controls/${controlSlug(successor!)}/ 301`);
    }
  });

  test('a renamed policy and a renamed answer keep their old addresses', () => {
    expect(redirectsFile).toContain('/policies/security-policy/ /policies/information-security-policy/ 301');
    expect(redirectsFile).toContain('/answers/bcp-rto/ /answers/bcp-rto-rpo/ 301');
  });

  test('every redirect in _redirects lands on a page that exists', () => {
    expect(redirectsFile.length).toBeGreaterThanOrEqual(Object.keys(controls2013).length);
    for (const line of redirectsFile) {
      const [from, to, status] = line.split(' ');
      expect(status, line).toBe('301');
      expect(fileFor(site, to!), line).not.toBeNull();
      expect(fileFor(site, from!), `${from} has a redirect page for hosts without _redirects`).not.toBeNull();
    }
  });
});

describe('machine-readable files', () => {
  test('trust.json validates against its published schema and tells the truth', () => {
    const trust = JSON.parse(read(path.join(site, 'trust.json')));
    const published = JSON.parse(read(path.join(site, 'trust.schema.json')));
    expect(published).toEqual(schema);
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(published);
    expect(validate(trust), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(trust.buildDate).toBe(today);
    expect(trust.certifications[0]).toMatchObject({ kind: 'iso', status: 'valid', certificateNumber: 'IS 781204' });
    expect(trust.certifications.map((c: { kind: string }) => c.kind)).toEqual(['iso', 'soc2', 'cyber-essentials']);
    expect(trust.certifications[1]).toMatchObject({ name: 'SOC 2 Type II', type: 'type-2', periodStart: '2025-04-01', periodEnd: '2026-03-31', auditor: 'Halden & Pierce LLP', criteria: ['security', 'availability', 'confidentiality'], bridgeLetterThrough: null, status: 'current', expires: null });
    expect(trust.documents.map((d: { id: string; access: string; downloadUrl: string | null }) => [d.id, d.access, d.downloadUrl !== null])).toEqual([
      ['soc2-report', 'nda', false],
      ['pentest-summary', 'on-request', false],
      ['dpa', 'public', true],
      ['insurance-certificate', 'on-request', false],
      ['architecture-overview', 'public', true],
    ]);
    expect(trust.controls.find((c: { id: string }) => c.id === 'A.7.1')).toMatchObject({ applicable: false, status: 'excluded' });
  });

  test('trust.json lists every public address that must stay reachable, and reads back as the published list', () => {
    const result = readPublished(path.join(site, 'trust.json'));
    if (!result.ok) throw new Error(result.diagnostic.message);
    const publicSite = view(modelOf(exampleContent), 'public');
    const listed = (kind: string) => result.published.filter((p) => p.kind === kind).map((p) => p.path);
    expect(listed('policy').sort()).toEqual(publicSite.policies.map((p) => `/policies/${p.id}/`).sort());
    expect(listed('answer').sort()).toEqual(publicSite.answers.map((a) => `/answers/${a.id}/`).sort());
    expect(listed('control')).toHaveLength(93);
    for (const { path: address } of result.published) expect(fileFor(site, address.replace(/#.*$/, '')), address).not.toBeNull();
  });

  test('security.txt follows RFC 9116 and expires within a year', () => {
    const text = read(path.join(site, '.well-known', 'security.txt'));
    expect(validateSecurityTxt(text, today)).toEqual([]);
    expect(text).toMatch(/^Contact: mailto:security@larkspur\.example$/m);
    expect(text).toMatch(/^Canonical: https:\/\/trust\.larkspur\.example\/\.well-known\/security\.txt$/m);
    expect(text).toMatch(/^Policy: https:\/\//m);
    expect(text).toMatch(/^Preferred-Languages: en, de$/m);
    const expires = Date.parse(/^Expires: (.+)$/m.exec(text)![1]!);
    const days = (expires - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
    expect(days).toBeGreaterThan(300);
    expect(days).toBeLessThan(366);
  });

  test('the sitemap lists every page with its absolute URL', () => {
    const sitemap = read(path.join(site, 'sitemap.xml'));
    for (const page of publicPages(publicView, today)) expect(sitemap).toContain(`<loc>https://trust.larkspur.example${page.path}</loc>`);
  });

  test('the Atom feed carries every public update, newest first', () => {
    const feed = read(path.join(site, 'updates', 'feed.xml'));
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    // Titles are HTML (the library marks them so) inside CDATA: a `<` in a title arrives escaped.
    const titles = [...feed.matchAll(/<entry>\s*<title type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(publicView.updates.map((u) => u.title.replaceAll('&', '&#x26;').replaceAll('<', '&#x3C;')));
  });

  test('each Open Graph image decodes as a 1200×630 PNG', () => {
    const images = allFiles(path.join(site, 'og'));
    expect(images).toHaveLength(publicPages(publicView, today).length);
    for (const image of images) expect(decodePng(readFileSync(image)), image).toEqual({ width: 1200, height: 630 });
  });

  test('the badge shows the current certification status', () => {
    const badge = read(path.join(site, 'badge.svg'));
    expect(badge).toContain('<title>ISO 27001:2022: valid</title>');
  });
});

test('the site publishes its pages and files and nothing else', () => {
  const top = allFiles(site).map((f) => path.relative(site, f).split(path.sep)[0]!);
  expect([...new Set(top)].sort()).toEqual(
    ['.well-known', '404.html', '_astro', '_headers', '_redirects', 'answers', 'badge.svg', 'badges', 'brand', 'certificates', 'controls', 'documents', 'index.html', 'og', 'pagefind', 'policies', 'robots.txt', 'search', 'sitemap.xml', 'subprocessors', 'trust.json', 'trust.schema.json', 'updates'].sort(),
  );
});

test('JavaScript ships only with search and the copy-link buttons', () => {
  for (const file of htmlFiles) {
    const page = `/${path.relative(site, file)}`;
    const scripts = read(file).match(/<script\b/g)?.length ?? 0;
    if (scripts > 0 && page.startsWith('/answers/')) expect(read(file), page).toContain('data-copy-href');
    else if (page === '/search/index.html') expect(scripts, page).toBe(2);
    else expect(scripts, page).toBe(0);
  }
});

test('the public site loads nothing from third parties', () => {
  for (const file of htmlFiles) {
    const html = read(file);
    for (const m of html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\s(?:src|href)="(https?:[^"]*)"/g)) {
      expect.soft(m[0], path.relative(site, file)).toMatch(/rel="(canonical|alternate)"/);
    }
  }
});

describe('the first screen', () => {
  const home = () => read(fileFor(site, '/')!);
  test('the home page ships no JavaScript, and its HTML and CSS together weigh under 40 KB', () => {
    const html = home();
    expect(html).not.toMatch(/<script\b/);
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(styles.length).toBeGreaterThan(0);
    const bytes = Buffer.byteLength(html) + styles.reduce((n, href) => n + readFileSync(path.join(site, href)).length, 0);
    expect(bytes).toBeLessThan(40 * 1024);
  });

  test('every certification has a badge of its own, self-hosted, with its status', () => {
    for (const cert of publicView.certifications) {
      const svg = read(path.join(site, 'badges', `${cert.id}.svg`));
      expect(svg, cert.id).toMatch(/^<svg /);
      expect(home()).toContain(`src="/badges/${cert.id}.svg"`);
    }
    expect(read(path.join(site, 'badges', 'soc2.svg'))).toContain('current');
  });

  test('the documents library lists every document but internal ones; only public files are published', () => {
    const library = read(fileFor(site, '/documents/')!);
    const ids = idsOf(library);
    for (const doc of publicView.documents) expect(ids, doc.id).toContain(doc.id);
    expect(ids).not.toContain('business-continuity-summary');
    expect(allFiles(path.join(site, 'documents')).map((f) => path.basename(f)).sort()).toEqual(['dpa.pdf', 'index.html']);
    expect(library).toContain('href="https://larkspur.example/security/request-access?doc=soc2-report&amp;doc_title=SOC+2+Type+II+report+2025%E2%80%9326&amp;org=Larkspur+Analytics"');
    expect(library).not.toContain('soc2-type2-2025-26');
    expect(library).not.toContain('pentest-summary-2026.pdf');
  });
});

test('an address the site does not have gets a page that says so and leads on, unindexed and without a link preview', () => {
  const html = read(path.join(site, '404.html'));
  expect(html).toContain('<h1>Page not found</h1>');
  expect(html).toContain('<meta name="robots" content="noindex">');
  expect(html).not.toContain('rel="canonical"');
  expect(html).not.toContain('og:image');
  expect(html).toContain('href="/documents/"');
  expect(html).not.toMatch(/<script\b/);
  expect(read(path.join(site, 'sitemap.xml'))).not.toContain('404');
});
