import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importCommand } from '../../src/cli/import.ts';
import { checkContent } from '../../src/checks/run.ts';
import { loadContent } from '../../src/load/loader.ts';
import { parseMarkdown } from '../../src/load/markdown.ts';
import { reviewInterval } from '../../src/import/policies.ts';
import { fixture } from '../helpers/content.ts';
import { docx } from '../helpers/docx.ts';

/** An organisation with valid-minimal's settings (today 2026-06-15) and people (ada-lovelace, alan-turing), no policies. */
function organisation(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustbook policies '));
  cpSync(path.join(fixture('valid-minimal'), 'settings.yaml'), path.join(dir, 'settings.yaml'));
  cpSync(path.join(fixture('valid-minimal'), 'people'), path.join(dir, 'people'), { recursive: true });
  return dir;
}

const TODAY = '2026-06-15';
let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.stubEnv('TRUSTBOOK_TODAY', TODAY);
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const allFiles = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(ya?ml|mdx)$/.test(f)).sort();
const frontMatter = (text: string) => /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;

/** A policy as Word templates lay it out: title, a document control table, numbered sections, a history table. */
const wordPolicy = () =>
  docx([
    { style: 'Title', text: 'Access Control Policy' },
    { table: [['Document owner', 'Priya Shah (CISO)'], ['Version', 'v2.1'], ['Approved by', 'Alan Turing'], ['Approval date', '12 March 2026'], ['Effective date', '2026-04-01'], ['Review frequency', 'Every 6 months'], ['Classification', 'Public'], ['ISO 27001 controls', 'A.5.15, A.9.2.3, A 8.5']] },
    { style: 'Heading1', text: '1. Purpose' },
    { text: 'This policy sets out how access to systems and data is granted, reviewed and removed. It applies to all staff.' },
    { style: 'Heading1', text: '2. Rules' },
    { style: 'Heading2', text: '2.1 Accounts' },
    { text: 'Use {curly braces} and <script>alert(1)</script> as text; a < b.' },
    { text: 'import stuff from "elsewhere"' },
    { text: 'Every account has one owner.', bold: true },
    { image: true },
    { table: [['Role', 'Access'], ['Engineer', 'Read {all}']] },
    { style: 'Heading1', text: 'Document history' },
    { table: [['Version', 'Date', 'Author', 'Changes'], ['1.0', '2025-01-10', 'Ada Lovelace', 'First issue'], ['2.1', '2026-03-12', 'Priya Shah', 'Yearly review']] },
  ]);

describe('import policies from Word', () => {
  test('fills the front matter from the document control table, and writes text that loads as MDX', async () => {
    const dir = organisation();
    const file = path.join(dir, 'Access Control Policy v2.1.docx');
    writeFileSync(file, await wordPolicy());
    expect(await importCommand(['policies', file, '--content', dir]), out + err).toBe(0);
    const text = readFileSync(path.join(dir, 'policies/access-control-policy.mdx'), 'utf8');
    const fields = frontMatter(text);
    expect(fields).toContain('title: Access Control Policy');
    expect(fields).toContain('version: "2.1"');
    expect(fields).toContain('owner: priya-shah');
    // An approver already in the register is referred to, not created again.
    expect(fields).toContain('approver: alan-turing');
    expect(fields).toContain('approved: 2026-03-12');
    expect(fields).toContain('effective: 2026-04-01');
    expect(fields).toContain('reviewIntervalMonths: 6');
    expect(fields).toMatch(/nextReview: 2026-09-12 # to confirm: approved \+ 6 months/);
    expect(fields).toContain('visibility: public');
    expect(fields).toMatch(/controls:\n {2}- A\.5\.15\n {2}- A\.8\.2\n {2}- A\.8\.5/);
    expect(fields).toMatch(/summary: This policy sets out how access to systems and data is granted, reviewed and removed\. # to confirm/);
    expect(fields).toContain('To confirm: 1 image in the document was not imported');
    expect(out).toContain('A.9.2.3 is an ISO/IEC 27001:2013 control: imported as A.8.2');

    const body = text.slice(text.indexOf('\n---\n') + 5);
    // The title and the document control table went into the front matter; sections start at level 2.
    expect(body).not.toContain('# Access Control Policy');
    expect(body).not.toContain('Document owner');
    expect(body).toMatch(/^## 1\. Purpose$/m);
    expect(body).toMatch(/^### 2\.1 Accounts$/m);
    // What MDX would read as code or markup stays text.
    expect(body).toContain('\\{curly braces}');
    expect(body).toContain('\\<script>alert(1)\\</script>');
    expect(body).toContain('&#x69;mport stuff from "elsewhere"');
    expect(body).toContain('**Every account has one owner.**');
    expect(body).toMatch(/\| Role +\| Access +\|/);
    // The version history is a record, and stays.
    expect(body).toMatch(/## Document history[\s\S]*\| 2\.1 +\| 2026-03-12/);
    const parsed = parseMarkdown(body, 'mdx');
    expect(parsed.problems).toEqual([]);

    const loaded = loadContent(dir);
    expect(loaded.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line} ${d.message}`)).toEqual([]);
    const policy = loaded.entries.policies[0]!;
    expect(policy.data).toMatchObject({ id: 'access-control-policy', version: '2.1', owner: 'priya-shah', approver: 'alan-turing', nextReview: '2026-09-12' });
    // The new owner is a person to confirm.
    const person = readFileSync(path.join(dir, 'people/priya-shah.yaml'), 'utf8');
    expect(person).toContain('role: CISO');
    expect(person).toContain('email: priya-shah@unconfirmed.invalid # placeholder: enter the work email');
    // What check still asks: the new person's email, nothing about the policy.
    const policyProblems = checkContent({ content: dir }).diagnostics.filter((d) => d.file.includes('policies/'));
    expect(policyProblems.map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
  });

  test('a Word line break (Shift+Enter) separates `Label: value` lines under the title', async () => {
    const dir = organisation();
    const file = path.join(dir, 'backup.docx');
    writeFileSync(file, await docx([{ style: 'Title', text: 'Backup Policy' }, { text: 'Version: 3\nOwner: ada-lovelace\nApproved: Alan Turing, 1 February 2026', breaks: true }, { style: 'Heading1', text: 'Scope' }, { text: 'All production data.' }]));
    expect(await importCommand(['policies', file, '--content', dir]), out).toBe(0);
    const fields = frontMatter(readFileSync(path.join(dir, 'policies/backup-policy.mdx'), 'utf8'));
    expect(fields).toContain('version: "3"');
    expect(fields).toContain('owner: ada-lovelace');
    expect(fields).toContain('approved: 2026-02-01');
  });
});

describe('import policies from Markdown', () => {
  test('reads front matter and labelled lines, and leaves out what the document does not say, for check to ask', async () => {
    const dir = organisation();
    const file = path.join(dir, 'incident.md');
    writeFileSync(
      file,
      [
        '---',
        'owner: Ada Lovelace',
        'last_updated: 2026-05-02',
        'audience: staff',
        '---',
        '# Incident Response Policy',
        '',
        'Version: 1.4',
        '',
        '## Overview',
        '',
        'We respond to incidents quickly.',
        '',
        '<!-- internal draft note -->',
        '',
        '<div>Raw <b>HTML</b> block</div>',
        '',
        'export const leak = 1',
        '',
        'A {expression} in text.',
      ].join('\n'),
    );
    expect(await importCommand(['policies', file, '--content', dir]), out).toBe(0);
    expect(out).toContain("The front matter's `audience` is not a policy field the import knows");
    const text = readFileSync(path.join(dir, 'policies/incident-response-policy.mdx'), 'utf8');
    const fields = frontMatter(text);
    expect(fields).toContain('owner: ada-lovelace');
    expect(fields).toContain('version: "1.4"');
    expect(fields).toMatch(/approved: 2026-05-02 # to confirm: the document's/);
    expect(fields).not.toMatch(/^(approver|effective):/m);
    expect(text).not.toContain('internal draft note');
    expect(text).toContain('Raw **HTML** block');
    expect(text).toContain('&#x65;xport const leak = 1');
    expect(text).toContain('A \\{expression} in text.');
    // Nobody new: Ada is in the register.
    expect(existsSync(path.join(dir, 'people/ada-lovelace.yaml'))).toBe(false);

    const problems = checkContent({ content: dir }).diagnostics.filter((d) => d.file.includes('policies/'));
    expect(problems.map((d) => `${d.rule} ${d.message}`)).toEqual([
      'load/schema Policy "incident-response-policy" is missing the required field `approver`.',
      'load/schema Policy "incident-response-policy" is missing the required field `effective`.',
    ]);
    expect(problems[0]!.hint).toMatch(/^Ask who approved this version/);
    expect(problems[1]!.hint).toMatch(/^Ask the owner from which date this version applies/);
  });

  test('a folder imports each document in it; a second import changes nothing; a hand edit is kept unless --force', async () => {
    const dir = organisation();
    const folder = mkdtempSync(path.join(tmpdir(), 'trustbook documents '));
    writeFileSync(path.join(folder, 'a.md'), '# Cryptography Policy\n\nVersion: 1.0\nOwner: ada-lovelace\n\n## Keys\n\nKeys rotate yearly.\n');
    writeFileSync(path.join(folder, 'b.docx'), await docx([{ style: 'Title', text: 'Logging Policy' }, { text: 'Logs are kept for a year.' }]));
    writeFileSync(path.join(folder, 'notes.pdf'), 'not read: only .docx and .md in a folder');
    expect(await importCommand(['policies', folder, '--content', dir]), out).toBe(0);
    expect(allFiles(dir).filter((f) => f.startsWith('policies'))).toEqual(['policies/cryptography-policy.mdx', 'policies/logging-policy.mdx']);

    out = '';
    expect(await importCommand(['policies', folder, '--content', dir])).toBe(0);
    expect(out).toContain('0 created, 0 updated, 2 unchanged');

    const target = path.join(dir, 'policies/cryptography-policy.mdx');
    writeFileSync(target, readFileSync(target, 'utf8').replace('Keys rotate yearly.', 'Keys rotate every six months.'));
    writeFileSync(path.join(folder, 'a.md'), '# Cryptography Policy\n\nVersion: 1.1\nOwner: ada-lovelace\n\n## Keys\n\nKeys rotate yearly.\n');
    out = '';
    expect(await importCommand(['policies', folder, '--content', dir])).toBe(0);
    expect(out).toMatch(/kept +policies\/cryptography-policy\.mdx/);
    expect(readFileSync(target, 'utf8')).toContain('every six months');
    out = '';
    expect(await importCommand(['policies', folder, '--content', dir, '--force'])).toBe(0);
    expect(out).toMatch(/overwrite +policies\/cryptography-policy\.mdx/);
    expect(readFileSync(target, 'utf8')).toContain('version: "1.1"');

    // Untouched since the import: a changed document updates it.
    writeFileSync(path.join(folder, 'b.docx'), await docx([{ style: 'Title', text: 'Logging Policy' }, { text: 'Logs are kept for two years.' }]));
    out = '';
    expect(await importCommand(['policies', folder, '--content', dir])).toBe(0);
    expect(out).toMatch(/update +policies\/logging-policy\.mdx/);
  });
});

describe('bad documents stop the import, and nothing is written', () => {
  test.each([
    ['policy.doc', Buffer.from('old word'), /is a DOC file, which cannot be read[\s\S]*Save it as a Word document \(\.docx\)/],
    ['locked.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /is protected with a password[\s\S]*Remove the password/],
    ['broken.docx', Buffer.from('PK\u0003\u0004 not really a zip'), /cannot be read as a Word document/],
    ['renamed.docx', Buffer.from('just text'), /is not a Word document: it is not a \.docx archive/],
    ['binary.md', Buffer.from([0x23, 0x20, 0x00, 0x01]), /is not a text file/],
    ['latin1.md', Buffer.from([0x23, 0x20, 0x52, 0xe9, 0x73]), /is not UTF-8 text/],
    ['bad-front-matter.md', Buffer.from('---\nowner: [unclosed\n---\n# T\n'), /front matter of .* is not valid YAML/],
  ])('%s', async (name, bytes, message) => {
    const dir = organisation();
    const good = path.join(dir, 'good.md');
    writeFileSync(good, '# Good Policy\n\nText.\n');
    const bad = path.join(dir, name);
    writeFileSync(bad, bytes);
    const before = allFiles(dir);
    expect(await importCommand(['policies', good, bad, '--content', dir])).toBe(1);
    expect(out).toMatch(message);
    expect(out).toContain(`${bad}  error  import/unreadable`);
    expect(out).toContain('Nothing was written.');
    expect(out).not.toMatch(/\n\s+at /);
    expect(allFiles(dir)).toEqual(before);
  });

  test('two documents that would be one policy', async () => {
    const dir = organisation();
    writeFileSync(path.join(dir, 'one.md'), '# Access Policy\n\nOne.\n');
    writeFileSync(path.join(dir, 'two.md'), '# Access Policy\n\nTwo.\n');
    const before = allFiles(dir);
    expect(await importCommand(['policies', path.join(dir, 'one.md'), path.join(dir, 'two.md'), '--content', dir])).toBe(1);
    expect(out).toMatch(/two\.md  error  import\/duplicate-row\n {2}.*two\.md and .*one\.md would both become the policy "access-policy"/);
    expect(allFiles(dir)).toEqual(before);
  });

  test('a missing file, and spreadsheet options, are refused', async () => {
    const dir = organisation();
    expect(await importCommand(['policies', path.join(dir, 'nope.docx'), '--content', dir])).toBe(1);
    expect(out).toMatch(/nope\.docx cannot be opened \(ENOENT\)/);
    expect(await importCommand(['policies', '--content', dir])).toBe(2);
    expect(await importCommand(['policies', 'x.md', '--sheet', 'A', '--content', dir])).toBe(2);
    expect(err).toContain('--sheet is for spreadsheets');
  });
});

test.each([
  ['Annual', 12],
  ['Annually', 12],
  ['Every 6 months', 6],
  ['Semi-annually', 6],
  ['Quarterly', 3],
  ['18 months', 18],
  ['Every two years', 24],
  ['2 years', 24],
])('review frequency %s is %i months', (text, months) => expect(reviewInterval(text)).toBe(months));
test('an unreadable review frequency is not guessed', () => expect(reviewInterval('when needed')).toBeUndefined());

test('a Word document that would unpack to more than 200 MB is refused before it is unpacked', async () => {
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  zip.file('word/document.xml', Buffer.alloc(210 * 1024 * 1024, 0x20));
  const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  const dir = organisation();
  const file = path.join(dir, 'bomb.docx');
  writeFileSync(file, bomb);
  expect(await importCommand(['policies', file, '--content', dir])).toBe(1);
  expect(out).toMatch(/bomb\.docx unpacks to 210 MB; a Word document over 200 MB unpacked is not read/);
});

describe('what an import must not get wrong', () => {
  test('only a classification that is exactly Public publishes a policy', async () => {
    const dir = organisation();
    const cases = { 'a.md': 'Distribution: External auditors only, under NDA', 'b.md': 'Classification: Public sector customers - CONFIDENTIAL', 'c.md': 'Classification: Public' };
    for (const [name, line] of Object.entries(cases)) writeFileSync(path.join(dir, name), `# ${name[0]!.toUpperCase()} Policy\n\n${line}\n\n## Scope\n\nAll.\n`);
    expect(await importCommand(['policies', ...Object.keys(cases).map((n) => path.join(dir, n)), '--content', dir]), out).toBe(0);
    const fields = (id: string) => frontMatter(readFileSync(path.join(dir, `policies/${id}-policy.mdx`), 'utf8'));
    expect(fields('a')).not.toContain('visibility');
    expect(fields('b')).not.toContain('visibility');
    expect(fields('c')).toMatch(/visibility: public # to confirm: the document's "Classification" says Public/);
  });

  test('Markdown that would keep the parser busy is refused before it is parsed', async () => {
    const dir = organisation();
    const file = path.join(dir, 'slow.md');
    writeFileSync(file, `# Slow\n\n${'*a'.repeat(40_000)}\n`);
    const started = Date.now();
    expect(await importCommand(['policies', file, '--content', dir])).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(out).toMatch(/slow\.md  error  import\/unreadable\n {2}.*slow\.md, line 3: /);
    writeFileSync(file, `# Deep\n\n${'> '.repeat(20_000)}x\n`);
    out = '';
    expect(await importCommand(['policies', file, '--content', dir])).toBe(1);
    expect(out).toContain('import/unreadable');
    expect(out).not.toMatch(/\n\s+at /);
  });

  test('a policy whose line endings an editor changed is not taken for a hand edit', async () => {
    const dir = organisation();
    const source = path.join(dir, 'b.md');
    writeFileSync(source, '# B Policy\n\nVersion: 1\n\n## Scope\n\nAll.\n');
    expect(await importCommand(['policies', source, '--content', dir])).toBe(0);
    const target = path.join(dir, 'policies/b-policy.mdx');
    writeFileSync(target, readFileSync(target, 'utf8').replace(/\n/g, '\r\n'));
    writeFileSync(source, '# B Policy\n\nVersion: 2\n\n## Scope\n\nAll.\n');
    out = '';
    expect(await importCommand(['policies', source, '--content', dir])).toBe(0);
    expect(out).toMatch(/update +policies\/b-policy\.mdx/);
  });

  test('a file that cannot be written stops the import with nothing written, and no stack trace', async () => {
    const dir = organisation();
    mkdirSync(path.join(dir, 'policies/zz-policy.mdx'), { recursive: true });
    writeFileSync(path.join(dir, 'aa.md'), '# AA Policy\n\nOwner: New Person\n');
    writeFileSync(path.join(dir, 'zz.md'), '# ZZ Policy\n\nText.\n');
    const before = allFiles(dir);
    expect(await importCommand(['policies', path.join(dir, 'aa.md'), path.join(dir, 'zz.md'), '--content', dir])).toBe(1);
    expect(out).toContain('policies/zz-policy.mdx is not a file; nothing was written.');
    expect(out).toContain('Would have written:');
    expect(out).not.toMatch(/\n\s+at /);
    expect(allFiles(dir)).toEqual(before);
    expect(readdirSync(path.join(dir, 'policies')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a footnote holding HTML keeps its text, and the tags left out are said', async () => {
    const dir = organisation();
    writeFileSync(path.join(dir, 'fn.md'), '# FN Policy\n\nSee the note.[^b]\n\n[^b]: Footnote with <b>bold</b> HTML.\n');
    expect(await importCommand(['policies', path.join(dir, 'fn.md'), '--content', dir])).toBe(0);
    const text = readFileSync(path.join(dir, 'policies/fn-policy.mdx'), 'utf8');
    expect(text).toMatch(/\[\^b\]: Footnote with bold HTML\./);
    expect(text).toContain('pieces of HTML (such as comments) in the document were not imported');
  });
});
