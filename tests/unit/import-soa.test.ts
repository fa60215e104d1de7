import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { importCommand } from '../../src/cli/import.ts';
import { checkContent } from '../../src/checks/run.ts';
import { loadContent } from '../../src/load/loader.ts';
import { fixture } from '../helpers/content.ts';

const messyCsv = fixture('import/soa-messy.csv');

/** An empty organisation: valid-minimal's settings and people, no SoA. */
function emptyOrganisation(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustbook import '));
  cpSync(path.join(fixture('valid-minimal'), 'settings.yaml'), path.join(dir, 'settings.yaml'));
  cpSync(path.join(fixture('valid-minimal'), 'people'), path.join(dir, 'people'), { recursive: true });
  return dir;
}

let out = '';
let err = '';
const cwd = process.cwd();
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.chdir(cwd);
});

const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml')).sort();
const sheet = (rows: string[][]) => rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(';')).join('\n');
const header = ['Control ID', 'Control name', 'Applicable?', 'Justification', 'Status', 'Owner', 'Evidence', 'Last reviewed'];

describe('import soa from CSV', () => {
  test('reads a messy sheet into content that loads, and check reports only real gaps', async () => {
    const dir = emptyOrganisation();
    expect(await importCommand(['soa', messyCsv, '--content', dir])).toBe(0);
    expect(files(dir)).toEqual([
      'evidence/aws-config-report.yaml', 'evidence/dependabot-alerts.yaml', 'evidence/jira-sec-123.yaml',
      'people/ben-li.yaml', 'people/people.yaml', 'people/priya-shah.yaml',
      'settings.yaml',
      'soa/A.5.1.yaml', 'soa/A.5.2.yaml', 'soa/A.5.3.yaml', 'soa/A.5.4.yaml', 'soa/A.5.5.yaml', 'soa/A.8.8.yaml',
    ]);
    expect(out).toContain('A.12.6.1 is an ISO/IEC 27001:2013 control: imported as A.8.8');
    expect(readFileSync(path.join(dir, 'soa/A.5.1.yaml'), 'utf8')).toMatch(/^# Imported from soa-messy.csv, row 6\.\n/);

    const loaded = loadContent(dir);
    expect(loaded.diagnostics).toEqual([]);
    const soa = Object.fromEntries(loaded.entries.soa.map((e) => [e.id, e.data]));
    expect(soa['A.5.1']).toMatchObject({ applicable: true, status: 'implemented', owners: ['priya-shah'], evidence: ['jira-sec-123', 'aws-config-report'] });
    expect(soa['A.5.2']).toMatchObject({ applicable: true, status: 'partial', owners: ['ada-lovelace'] });
    expect(soa['A.5.3']).toMatchObject({ status: 'planned', targetDate: '2026-09-30' });
    expect(soa['A.5.4']).toMatchObject({ applicable: true, owners: ['ada-lovelace'] });
    expect(soa['A.5.5']).toMatchObject({ applicable: false, justification: 'We are not regulated' });
    const people = Object.fromEntries(loaded.entries.people.map((e) => [e.id, e.data]));
    expect(people['priya-shah']).toMatchObject({ name: 'Priya Shah', role: 'CISO' });
    const evidence = Object.fromEntries(loaded.entries.evidence.map((e) => [e.id, e.data]));
    expect(evidence['jira-sec-123']).toMatchObject({ kind: 'ticket', collected: '2026-05-10', owner: 'priya-shah', controls: ['A.5.1', 'A.5.3'] });

    const rules = new Set(checkContent({ content: dir }).diagnostics.map((d) => d.rule));
    expect([...rules].filter((r) => r.startsWith('load/'))).toEqual([]);
    expect([...rules].sort()).toEqual(['placeholder/unconfirmed', 'soa/basis-required', 'soa/evidence-required', 'soa/missing-entry']);
  });

  test('evidence without a date gets a placeholder that check reports once, as undated', async () => {
    const dir = emptyOrganisation();
    const csv = sheet([header, ['A.5.1', '', 'Yes', 'Risk', 'Implemented', 'Ada Lovelace', 'Access review export', '']]);
    writeFileSync(path.join(dir, 'in.csv'), csv);
    expect(await importCommand(['soa', path.join(dir, 'in.csv'), '--content', dir])).toBe(0);
    const text = readFileSync(path.join(dir, 'evidence/access-review-export.yaml'), 'utf8');
    expect(text).toContain('collected: 1970-01-01 # placeholder: enter the date this evidence was collected');
    const { diagnostics } = checkContent({ content: dir });
    expect(diagnostics.filter((d) => d.rule === 'evidence/freshness')).toEqual([]);
    const undated = diagnostics.filter((d) => d.rule === 'placeholder/unconfirmed' && d.subject?.collection === 'evidence');
    expect(undated.map((d) => `${d.severity} ${d.file}:${d.line} ${d.message}`)).toEqual([expect.stringMatching(/^error .*evidence\/access-review-export\.yaml:\d+ Evidence "Access review export" has no collection date yet/)]);
  });

  test('dry run writes nothing', async () => {
    const dir = emptyOrganisation();
    const before = files(dir);
    expect(await importCommand(['soa', messyCsv, '--content', dir, '--dry-run'])).toBe(0);
    expect(files(dir)).toEqual(before);
    expect(out).toContain('Would write (dry run, nothing written):');
    expect(out).toMatch(/create\s+soa\/A\.5\.1\.yaml/);
  });

  test('a second import changes nothing, keeps hand edits, and --force overwrites them', async () => {
    const dir = emptyOrganisation();
    await importCommand(['soa', messyCsv, '--content', dir]);
    out = '';
    expect(await importCommand(['soa', messyCsv, '--content', dir])).toBe(0);
    expect(out).toContain('0 created, 0 updated, 9 unchanged, 0 kept as edited');

    const file = path.join(dir, 'soa/A.5.2.yaml');
    const edited = readFileSync(file, 'utf8').replace('Needed for accountability', 'Our own wording');
    writeFileSync(file, edited);
    // The sheet changes another control: that file, untouched since the import, is updated.
    const csv = readFileSync(messyCsv, 'utf8').replace('Planned Q3 2026', 'Implemented').replace('Needed for accountability', 'Sheet wording');
    writeFileSync(path.join(dir, 'v2.csv'), csv);
    out = '';
    expect(await importCommand(['soa', path.join(dir, 'v2.csv'), '--content', dir])).toBe(0);
    expect(out).toMatch(/update\s+soa\/A\.5\.3\.yaml/);
    expect(out).toMatch(/kept\s+soa\/A\.5\.2\.yaml\s+.*v2\.csv:7: kept your edit; --force to overwrite/);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(readFileSync(path.join(dir, 'soa/A.5.3.yaml'), 'utf8')).toContain('status: implemented');

    expect(await importCommand(['soa', path.join(dir, 'v2.csv'), '--content', dir, '--force'])).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('justification: Sheet wording');
  });

  test('an entry that lives in a list file is not rewritten', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook import '));
    cpSync(fixture('valid-minimal'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'in.csv'), sheet([header, ['A.5.1', '', 'No', 'Other', '', '', '', '']]));
    expect(await importCommand(['soa', path.join(dir, 'in.csv'), '--content', dir])).toBe(0);
    expect(out).toContain('import/entry-elsewhere');
    expect(existsSync(path.join(dir, 'soa/A.5.1.yaml'))).toBe(false);
  });
});

describe('bad input stops the import with file, row and column', () => {
  const cases: [string, string[][], string][] = [
    ['duplicate control rows', [header, ['A.5.1', '', 'Yes', 'x', 'Implemented', '', '', ''], ['A 5.1', '', 'Yes', 'x', 'Implemented', '', '', '']], 'in.csv:3:1  error  import/duplicate-row'],
    ['an unknown control id', [header, ['A.5.99', '', 'Yes', 'x', 'Implemented', '', '', '']], 'in.csv:2:1  error  import/unknown-control'],
    ['a value that is not yes or no', [header, ['A.5.1', '', 'Maybe', 'x', '', '', '', '']], 'in.csv:2:3  error  import/bad-value'],
    ['an unknown status', [header, ['A.5.1', '', 'Yes', 'x', 'Blocked', '', '', '']], 'in.csv:2:5  error  import/bad-value'],
    ['applicable but "not applicable"', [header, ['A.5.1', '', 'Yes', 'x', 'N/A', '', '', '']], 'in.csv:2:5  error  import/conflicting-values'],
    ['excluded but implemented', [header, ['A.5.1', '', 'No', 'x', 'Implemented', '', '', '']], 'in.csv:2:5  error  import/conflicting-values'],
    ['2013 rows that disagree', [header, ['A.5.1.1', '', 'Yes', 'x', 'Implemented', '', '', ''], ['A.5.1.2', '', 'No', 'x', '', '', '', '']], 'in.csv:3:3  error  import/conflicting-values'],
    ['no recognisable header', [['Foo', 'Bar'], ['1', '2']], 'in.csv  error  import/no-header'],
    ['no applicability on a row with values', [header, ['A.5.1', '', '', 'x', 'Implemented', '', '', '']], 'in.csv:2:3  error  import/missing-value'],
  ];
  test.each(cases)('%s', async (_, rows, expected) => {
    const dir = emptyOrganisation();
    const before = files(dir);
    writeFileSync(path.join(dir, 'in.csv'), sheet(rows));
    process.chdir(dir);
    expect(await importCommand(['soa', 'in.csv', '--content', dir])).toBe(1);
    expect(out).toContain(expected);
    expect(out).toContain('Nothing was written');
    expect(files(dir)).toEqual(before);
  });

  test('an unreadable workbook', async () => {
    const dir = emptyOrganisation();
    writeFileSync(path.join(dir, 'bad.xlsx'), 'not a zip');
    expect(await importCommand(['soa', path.join(dir, 'bad.xlsx'), '--content', dir])).toBe(1);
    expect(out).toContain('error  import/unreadable');
  });

  test('a bad command line is exit 2 with the usage', async () => {
    expect(await importCommand(['soa'])).toBe(2);
    expect(await importCommand(['subprocessor', 'x.csv'])).toBe(2);
    expect(await importCommand(['soa', 'x.csv', '--map', 'Foo=bar'])).toBe(2);
    expect(err).toContain('Usage: trustbook import');
  });
});

describe('import soa from a workbook', () => {
  test('reads the named sheet, with --map, real dates and merged section rows', async () => {
    const dir = emptyOrganisation();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cover').addRow(['Nothing here']);
    const ws = workbook.addWorksheet('SoA');
    ws.addRow(['ISMS Statement of Applicability']);
    ws.addRow([]);
    ws.addRow(['Ref', 'Title', 'Included', 'Rationale', 'State of play', 'Responsible', 'Evidence', 'Review date']);
    ws.addRow(['A.5 Organizational controls', 'A.5 Organizational controls']);
    ws.mergeCells('A4:B4');
    ws.addRow(['A.5.1', 'Policies for information security', '✓', 'Risk', 'Done', 'Priya Shah (CISO)', 'Policy register', new Date(Date.UTC(2026, 4, 10))]);
    ws.addRow(['A.8.24', 'Use of cryptography', true, 'GDPR', 'Planned Q4 2026', 'Priya Shah', '', null]);
    await workbook.xlsx.writeFile(path.join(dir, 'soa.xlsx'));

    expect(await importCommand(['soa', path.join(dir, 'soa.xlsx'), '--sheet', 'SoA', '--map', 'State of play=status', '--content', dir])).toBe(0);
    expect(readFileSync(path.join(dir, 'soa/A.5.1.yaml'), 'utf8')).toMatch(/^# Imported from soa.xlsx, sheet "SoA", row 5\./);
    const soa = Object.fromEntries(loadContent(dir).entries.soa.map((e) => [e.id, e.data]));
    expect(soa['A.5.1']).toMatchObject({ applicable: true, status: 'implemented', owners: ['priya-shah'], evidence: ['policy-register'] });
    expect(soa['A.8.24']).toMatchObject({ applicable: true, status: 'planned', targetDate: '2026-12-31', owners: ['priya-shah'] });
    const evidence = loadContent(dir).entries.evidence.map((e) => e.data);
    expect(evidence).toEqual([expect.objectContaining({ id: 'policy-register', collected: '2026-05-10', kind: 'document' })]);
    expect(loadContent(dir).diagnostics).toEqual([]);
  });

  test('a missing sheet is named with the ones there are', async () => {
    const dir = emptyOrganisation();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('SoA');
    await workbook.xlsx.writeFile(path.join(dir, 'soa.xlsx'));
    expect(await importCommand(['soa', path.join(dir, 'soa.xlsx'), '--sheet', 'Controls', '--content', dir])).toBe(1);
    expect(out).toContain('has no sheet "Controls"');
    expect(out).toContain('Its sheets: "SoA".');
  });
});

describe('import subprocessors', () => {
  test('reads a CSV into subprocessors that load', async () => {
    const dir = emptyOrganisation();
    mkdirSync(path.join(dir, 'x'));
    writeFileSync(
      path.join(dir, 'x/subs.csv'),
      '\uFEFFSubprocessors\n\nName,Service,Data,Region,URL,Start date,Public\nPostmark,Transactional email,"Email addresses; Email contents",US,postmarkapp.com,2026-06-04,Yes\nExample Cloud,Hosting,Customer data,EU (Ireland),https://cloud.example,1 Jan 2024,No\n',
    );
    expect(await importCommand(['subprocessors', path.join(dir, 'x/subs.csv'), '--content', dir])).toBe(0);
    const loaded = loadContent(dir);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.entries.subprocessors.map((e) => e.data)).toEqual([
      { id: 'example-cloud', name: 'Example Cloud', purpose: 'Hosting', dataCategories: ['Customer data'], location: 'EU (Ireland)', website: 'https://cloud.example/', since: '2024-01-01', visibility: 'internal' },
      { id: 'postmark', name: 'Postmark', purpose: 'Transactional email', dataCategories: ['Email addresses', 'Email contents'], location: 'US', website: 'https://postmarkapp.com/', since: '2026-06-04', visibility: 'public' },
    ]);
  });

  test('a row without a required value stops the import', async () => {
    const dir = emptyOrganisation();
    writeFileSync(path.join(dir, 's.csv'), 'Name;Purpose;Data categories;Location;Website;Since\nAcme;;Logs;US;https://acme.example;2025-01-01\n');
    process.chdir(dir);
    expect(await importCommand(['subprocessors', 's.csv', '--content', dir])).toBe(1);
    expect(out).toContain('s.csv:2:2  error  import/missing-value');
    expect(existsSync(path.join(dir, 'subprocessors'))).toBe(false);
  });
});
