/**
 * Nothing internal reaches the public site. Every internal entity and internal field of the
 * `canaries` organisation carries a unique canary (zqxcanary + two digits); built as public,
 * none may appear in any file of dist/public/ — HTML, JSON, XML, text, the search index
 * (decompressed) — nor in the SVG behind any link-preview card. The example's internal
 * notes get the same treatment.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runCli } from '../helpers/cli.ts';
import { exampleContent, fixture, modelOf } from '../helpers/content.ts';
import { allFiles } from '../helpers/site.ts';
import { buildFolder } from '../helpers/builds.ts';
import { publishedFiles, view } from '../../src/view/view.ts';
import { publicPages } from '../../src/view/public-pages.ts';
import { cardSvg } from '../../src/render/og-image.ts';
import { cardBrand } from '../../src/render/card-brand.ts';

const CANARY = /zqxcanary\d\d/gi;
const canaries = fixture('canaries');

/** Every file of a site as text, with gzip-compressed files (Pagefind's index) decompressed. */
function texts(dir: string): { file: string; text: string }[] {
  return allFiles(dir).map((file) => {
    const bytes = readFileSync(file);
    let text = bytes.toString('latin1');
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) text += gunzipSync(bytes).toString('utf8');
    return { file: path.relative(dir, file), text };
  });
}

describe('the canaries organisation built as public', () => {
  let site: string;
  beforeAll(async () => {
    // Only the trust center is scanned, so only the trust center is built.
    const out = path.join(buildFolder('canaries site'), 'dist');
    const { code, stderr } = await runCli(['build', '--content', canaries, '--out', out, '--only', 'public']);
    expect(code, stderr).toBe(0);
    expect(existsSync(path.join(out, 'internal'))).toBe(false);
    site = path.join(out, 'public');
  });

  test('the fixture plants canaries in internal entities and fields', () => {
    const planted = new Set(allFiles(canaries).flatMap((f) => readFileSync(f, 'utf8').toLowerCase().match(CANARY) ?? []));
    expect(planted.size).toBeGreaterThanOrEqual(45);
  });

  test('no canary appears in any file of dist/public/, search index included', () => {
    const files = texts(site);
    expect(files.some((f) => f.file.startsWith('pagefind/fragment/'))).toBe(true);
    const leaks = files.flatMap(({ file, text }) => [...new Set(text.match(CANARY) ?? [])].map((c) => `${c} in ${file}`));
    expect(leaks).toEqual([]);
  });

  test('no canary appears in the SVG behind any link-preview card', async () => {
    const model = modelOf(canaries);
    const site = view(model, 'public');
    const brand = cardBrand(site, publishedFiles(site));
    const pages = publicPages(site, model.settings!.today!);
    expect(pages.length).toBeGreaterThan(93);
    for (const page of pages) {
      const svg = await cardSvg(page, brand);
      expect(svg).toContain('<text');
      expect(svg.match(CANARY), page.path).toBeNull();
    }
  });

  test('public content of the same organisation does appear, so the scan can see', () => {
    const all = texts(site).map((f) => f.text).join('\n');
    expect(all).toContain('Our policies are approved by management and published.');
    expect(all).toContain('We are too small to segregate every duty');
    // A public document's file is copied whole, so its text is there; an NDA document is listed by title alone.
    expect(all).toContain('Public data processing agreement of Minimal Ltd');
    expect(all).toContain('SOC 2 Type II report');
  });

  test('documents: only the public one has a file in dist/public/, and trust.json names no other download', () => {
    expect(allFiles(path.join(site, 'documents')).map((f) => path.basename(f)).sort()).toEqual(['dpa.pdf', 'index.html']);
    const trust = JSON.parse(readFileSync(path.join(site, 'trust.json'), 'utf8'));
    expect(trust.documents.map((d: { id: string; downloadUrl: string | null }) => [d.id, d.downloadUrl])).toEqual([
      ['soc2-report', null],
      ['pentest', null],
      ['dpa', 'https://trust.canary.example/documents/dpa.pdf'],
    ]);
  });
});

test('the internal notes of the example never reach its public site', () => {
  const model = modelOf(exampleContent);
  const secrets = [
    ...model.entries.soa.flatMap((e) => [e.data.notes, e.data.visibility === 'internal' ? e.data.publicSummary : undefined]),
    ...model.entries.soa.map((e) => e.data.justification).filter((j) => j && j.length > 40),
    ...model.entries.risks.map((r) => r.data.threat),
    ...model.entries.evidence.map((e) => e.data.location),
    ...model.entries.people.map((p) => p.data.email),
    ...model.entries.certifications.map((c) => c.data.notes),
    ...model.entries.documents.flatMap((d) => [d.data.notes, ...(d.data.access === 'public' ? [] : [d.data.file, d.data.url])]),
    ...model.entries.documents.filter((d) => d.data.access === 'internal').flatMap((d) => [d.data.title, d.data.description]),
    model.settings!.sites.internal,
  ].filter((s): s is string => Boolean(s));
  expect(secrets.length).toBeGreaterThan(200);
  const all = texts(path.join(inject('exampleSite'), 'public')).map((f) => f.text).join('\n');
  const leaks = secrets.filter((s) => all.includes(s));
  expect(leaks).toEqual([]);
});
