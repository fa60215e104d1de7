/** The handbook built from the example: every entity has its page, links resolve, exports equal the content. */
import { describe, expect, inject, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { allFiles, brokenLinks, fileFor, idsOf, read } from '../helpers/site.ts';
import { exampleContent, modelOf } from '../helpers/content.ts';
import { controlSlug } from '../../src/model/catalog.ts';

const site = path.join(inject('exampleSite'), 'internal');
const model = modelOf(exampleContent);
const htmlFiles = allFiles(site).filter((f) => f.endsWith('.html'));
const personName = (id: string) => model.index.people.get(id)!.data.name;

describe('pages', () => {
  test('every control, policy and person has its page', () => {
    for (const node of model.controls) expect(fileFor(site, `/controls/${controlSlug(node.control.id)}/`), node.control.id).not.toBeNull();
    for (const p of model.entries.policies) expect(fileFor(site, `/policies/${p.id}/`), p.id).not.toBeNull();
    for (const p of model.entries.people) expect(fileFor(site, `/people/${p.id}/`), p.id).not.toBeNull();
    for (const page of ['/', '/soa/', '/evidence/', '/documents/', '/risks/', '/frameworks/', '/clauses/', '/search/', '/policies/', '/people/', '/answers/']) expect(fileFor(site, page), page).not.toBeNull();
    expect(read(path.join(site, '404.html'))).toContain('<h1>Page not found</h1>');
  });

  test('every evidence item and risk has its anchor on its register', () => {
    const evidenceIds = idsOf(read(fileFor(site, '/evidence/')!));
    for (const e of model.entries.evidence) expect(evidenceIds, e.id).toContain(e.id);
    const riskIds = idsOf(read(fileFor(site, '/risks/')!));
    for (const r of model.entries.risks) expect(riskIds, r.id).toContain(r.id);
  });

  test('the documents register lists every document, internal ones and their notes included', () => {
    const html = read(fileFor(site, '/documents/')!);
    const ids = idsOf(html);
    for (const d of model.entries.documents) expect(ids, d.id).toContain(d.id);
    expect(html).toContain('Business continuity plan summary');
    expect(html).toContain('files/soc2-type2-2025-26.pdf');
    expect(html).toContain('Requests are approved by Nina Petrova');
  });

  test('every link inside the handbook resolves, anchors included', () => {
    expect(brokenLinks(site)).toEqual([]);
  });

  test('the frameworks page shows coverage of SOC 2 and NIST CSF 2.0, gaps included', () => {
    const html = read(fileFor(site, '/frameworks/')!);
    const mapped = new Set(model.entries.controls.flatMap((c) => c.data.mappings['nist-csf-2'] ?? []));
    expect(html).toContain(`${mapped.size} of 106 IDs covered`);
    expect(html).toContain(`${106 - mapped.size} IDs not covered by any control`);
    expect(html).toMatch(/\d+ of 61 IDs covered/);
  });

  test('the answer library lists every answer, what to read against the SoA, and the applicable controls no answer cites', () => {
    // Without Astro's scoped-style attributes, to read the markup as written.
    const html = read(fileFor(site, '/answers/')!).replace(/ data-astro-cid-[a-z0-9]+/g, '');
    expect(html).toContain(`${model.entries.answers.length} answers to customers' security questionnaires`);
    for (const answer of model.entries.answers) expect(html, answer.id).toContain(`id="answer-${answer.id}"`);
    // A.5.9 is partially implemented in the example, and the asset inventory answer cites it.
    expect(html).toMatch(/<a href="#answer-asset-inventory">Do you maintain an inventory of information assets\?<\/a> — <span class="cited"><a href="\/controls\/a-5-9\/">A\.5\.9<\/a> <span class="pill pill-warn">Partially implemented<\/span>/);
    const cited = new Set(model.entries.answers.flatMap((a) => a.data.controls));
    const uncited = model.controls.filter((n) => n.soa?.data.applicable && !cited.has(n.control.id));
    expect(html).toContain(`${uncited.length} applicable controls not cited by any answer`);
  });

  test('no page may be indexed by a search engine', () => {
    expect(read(path.join(site, 'robots.txt'))).toBe('User-agent: *\nDisallow: /\n');
    for (const file of htmlFiles) expect(read(file), path.relative(site, file)).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  test('a control page shows its owner, its evidence and what the trust center shows', () => {
    const html = read(fileFor(site, '/controls/a-8-24/')!);
    const soa = model.index.soa.get('A.8.24')!.data;
    for (const owner of soa.owners) expect(html).toContain(personName(owner));
    for (const id of soa.evidence) expect(html).toContain(model.index.evidence.get(id)!.data.title);
    expect(html).toContain('On the trust center');
    expect(html).toContain(soa.publicSummary!);
  });
});

describe('exports', () => {
  const soaEntry = (id: string) => model.index.soa.get(id)!.data;

  test('soa.csv parses back to 93 rows whose values equal the content', () => {
    const rows: Record<string, string>[] = parse(read(path.join(site, 'soa.csv')), { columns: true, bom: true });
    expect(rows).toHaveLength(93);
    for (const row of rows) {
      const d = soaEntry(row['Control']!);
      expect(row['Applicable'], row['Control']).toBe(d.applicable ? 'Yes' : 'No');
      expect(row['Justification']).toBe(d.justification ?? '');
      expect(row['Status']).toBe(d.applicable ? d.status : 'excluded');
      expect(row['Owners']).toBe(d.owners.map(personName).join(', '));
      expect(row['Evidence']).toBe(d.evidence.join(', '));
      expect(row['Target date']).toBe(d.targetDate ?? '');
    }
  });

  test('soa.xlsx is a real spreadsheet: frozen header, 93 rows equal to the content, dates as dates', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path.join(site, 'soa.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['Control', 'Title', 'Theme', 'Applicable']);
    expect(sheet.rowCount).toBe(94);
    const col = (name: string) => header.indexOf(name) + 1;
    for (let r = 2; r <= 94; r++) {
      const row = sheet.getRow(r);
      const d = soaEntry(String(row.getCell(col('Control')).value));
      expect(row.getCell(col('Justification')).value ?? '').toBe(d.justification ?? '');
      expect(row.getCell(col('Owners')).value ?? '').toBe(d.owners.map(personName).join(', '));
      const target = row.getCell(col('Target date')).value;
      if (d.targetDate) expect(target).toEqual(new Date(`${d.targetDate}T00:00:00Z`));
      else expect(target).toBeNull();
    }
    expect(model.entries.soa.some((e) => e.data.targetDate)).toBe(true);
  });

  test('evidence.csv parses back to one row per evidence item with its dates and state', () => {
    const rows: Record<string, string>[] = parse(read(path.join(site, 'evidence.csv')), { columns: true, bom: true });
    expect(rows).toHaveLength(model.entries.evidence.length);
    for (const row of rows) {
      const e = model.index.evidence.get(row['Evidence']!)!.data;
      expect(row['Title']).toBe(e.title);
      expect(row['Collected']).toBe(e.collected);
      expect(row['Maximum age (days)']).toBe(String(e.maxAgeDays));
      expect(row['Owner']).toBe(personName(e.owner));
    }
    expect(rows.find((r) => r['Evidence'] === 'endpoint-edr-coverage-report')?.['State']).toBe('due-soon');
  });
});

describe('revision history', () => {
  // The example lives in this project's git repository, so its handbook shows real history. Each row
  // must be a commit that git lists for the file, following renames — the owner's name alone, which
  // is on the page anyway, proves nothing. (Dates, authors, renames: tests/unit/git-history.test.ts.)
  test('a policy page lists the commits git holds for its file, with date, author, subject and hash', () => {
    const policy = model.index.policies.get('information-security-policy')!;
    const log = execFileSync('git', ['log', '--follow', '--format=%as%x1f%an%x1f%s%x1f%H', '--', path.basename(policy.absPath)], { cwd: path.dirname(policy.absPath), encoding: 'utf8' });
    const commits = log.split('\n').filter(Boolean).map((line) => {
      const [date, author, message, hash] = line.split('\x1f') as [string, string, string, string];
      return [date, author, message, hash.slice(0, 8)];
    });
    // This policy was renamed (its former address redirects), so it has commits under both names.
    expect(commits.length, 'the example policy has more than one commit').toBeGreaterThan(1);
    expect(historyRows(read(fileFor(site, `/policies/${policy.id}/`)!))).toEqual(commits);
  });
});

/** The rows of a policy page's revision history table, as text: date, author, change, commit. */
function historyRows(html: string): string[][] {
  const section = /<section[^>]*aria-labelledby="history"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1];
  if (!section) throw new Error('the page has no revision history section');
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(section)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell], i) => (i === 0 ? /datetime="([^"]+)"/.exec(cell!)![1]! : textOf(cell!))),
  );
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[e]!);
