/** The loader: line numbers for every field, and bad input as diagnostics rather than exceptions. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../src/load/loader.ts';
import { contentWith, fixture } from '../helpers/content.ts';

const problems = (dir: string) =>
  loadContent(dir).diagnostics.map((d) => `${d.rule} ${path.relative(dir, path.resolve(d.file))}:${d.line}:${d.column}`);

describe('line numbers', () => {
  test('entities in a list file know where each of their fields is', () => {
    const { entries } = loadContent(fixture('valid-minimal'));
    const alan = entries.people.find((p) => p.id === 'alan-turing')!;
    expect(alan.position).toEqual({ line: 5, column: 3 });
    expect(alan.locate(['email'])).toEqual({ line: 8, column: 3 });
    const a524 = entries.soa.find((e) => e.id === 'A.5.24')!;
    expect(a524.locate(['owners', 0])).toMatchObject({ line: a524.position.line + 5 });
  });

  test('policy front matter lines count from the top of the file', () => {
    const { entries } = loadContent(fixture('valid-minimal'));
    const policy = entries.policies[0]!;
    expect(policy.locate(['owner'])).toEqual({ line: 5, column: 1 });
    expect(policy.locate(['nextReview'])).toEqual({ line: 9, column: 1 });
    expect(policy.body).toContain('## Purpose');
  });

  test('a missing field falls back to the start of its entity', () => {
    const { entries } = loadContent(fixture('valid-minimal'));
    const alan = entries.people.find((p) => p.id === 'alan-turing')!;
    expect(alan.locate(['left'])).toEqual(alan.locate([]));
  });
});

describe('a single-entity file', () => {
  test('takes its id from the file name when it has none', () => {
    const dir = contentWith({ 'subprocessors/cloud.yaml': 'name: Example Cloud\npurpose: Hosting\ndataCategories: [Customer data]\nlocation: EU\nwebsite: https://cloud.example\nsince: 2024-01-01\n' });
    expect(loadContent(dir).entries.subprocessors.map((s) => s.id)).toEqual(['cloud']);
  });
});

describe('bad input', () => {
  test.each([
    ['malformed YAML', { 'risks/r-1.yaml': 'id: r-1\ntitle: [unclosed\n' }, 'load/yaml-syntax risks/r-1.yaml:3:1'],
    ['a duplicate key', { 'risks/r-1.yaml': 'id: r-1\nid: r-2\n' }, 'load/yaml-syntax risks/r-1.yaml:2:1'],
    ['an empty file', { 'risks/r-1.yaml': '  \n' }, 'load/empty-file risks/r-1.yaml:1:1'],
    ['a non-UTF-8 file', { 'risks/r-1.yaml': Buffer.from('id: r-1\ntitle: caf\xe9\n', 'latin1') }, 'load/encoding risks/r-1.yaml:2:1'],
    ['a policy without front matter', { 'policies/information-security.mdx': '# Policy\n' }, 'load/front-matter policies/information-security.mdx:1:1'],
    ['malformed front matter', { 'policies/information-security.mdx': '---\nid: x\ntitle: a: b\n---\n' }, 'load/yaml-syntax policies/information-security.mdx:3:8'],
    ['a wrong type', { 'subprocessors/cloud.yaml': 'id: cloud\nname: C\npurpose: P\ndataCategories: [x]\nlocation: EU\nwebsite: https://c.example\nsince: 2024-01-01\nvisibility: secret\n' }, 'load/schema subprocessors/cloud.yaml:8:1'],
    ['an impossible date', { 'subprocessors/cloud.yaml': 'id: cloud\nname: C\npurpose: P\ndataCategories: [x]\nlocation: EU\nwebsite: https://c.example\nsince: 2024-02-30\n' }, 'load/schema subprocessors/cloud.yaml:7:1'],
    ['an unknown key', { 'subprocessors/cloud.yaml': 'id: cloud\nname: C\npurpose: P\ndataCategories: [x]\nlocation: EU\nwebsite: https://c.example\nsince: 2024-01-01\nwebsiet: x\n' }, 'load/unknown-field subprocessors/cloud.yaml:8:1'],
    ['a missing settings file', { 'settings.yaml': null }, 'load/settings-missing settings.yaml:null:null'],
  ])('%s becomes a diagnostic with its place', (_, files, expected) => {
    expect(problems(contentWith(files))).toEqual([expected]);
  });

  test('an unknown key suggests the field that was meant', () => {
    const dir = contentWith({ 'controls/IAM-01.yaml': 'id: IAM-01\ntitle: T\ndescription: D\nownr: ada-lovelace\nannexA: [A.5.15]\n' });
    const messages = loadContent(dir).diagnostics.map((d) => [d.rule, d.message, d.hint]);
    expect(messages).toContainEqual(['load/unknown-field', 'Unknown field `ownr` in organisation control "IAM-01".', 'Did you mean `owner`? Fields are listed in docs/content-format.md.']);
    expect(messages).toContainEqual(['load/schema', 'Organisation control "IAM-01" is missing the required field `owner`.', 'Add `owner` (docs/content-format.md describes every field).']);
  });

  test('one bad file does not hide the others', () => {
    const dir = contentWith({ 'risks/r-1.yaml': ': : :\n', 'subprocessors/cloud.yaml': '' });
    const result = loadContent(dir);
    expect(result.diagnostics.map((d) => d.rule).sort()).toEqual(['load/empty-file', 'load/yaml-syntax']);
    expect(result.entries.soa).toHaveLength(93);
  });

  test('a content folder that does not exist is a diagnostic', () => {
    expect(loadContent('/nonexistent/trustbook').diagnostics.map((d) => d.rule)).toEqual(['load/content-missing']);
  });
});

describe('subjects', () => {
  const subjects = (dir: string) => loadContent(dir).diagnostics.map((d) => `${d.rule} ${path.relative(dir, path.resolve(d.file))}:${d.line} ${JSON.stringify(d.subject)}`);

  test('a field of an entity names the entity and the field, also inside a list', () => {
    const dir = contentWith({ 'people/people.yaml': '- id: ada-lovelace\n  name: Ada\n  role: R\n  email: not-an-email\n  ownr: x\n' });
    expect(subjects(dir)).toEqual([
      'load/schema people/people.yaml:4 {"collection":"people","id":"ada-lovelace","field":"email"}',
      'load/unknown-field people/people.yaml:5 {"collection":"people","id":"ada-lovelace","field":"ownr"}',
    ]);
  });

  test('a file that is one entity names it; a list, or a file of unknown shape, names none', () => {
    expect(subjects(contentWith({ 'risks/r-1.yaml': 'id: r-1\ntitle: a: b\n' }))).toEqual(['load/yaml-syntax risks/r-1.yaml:2 {"collection":"risks","id":"r-1"}']);
    expect(subjects(contentWith({ 'risks/r-9.yaml': 'title: a: b\n' }))).toEqual(['load/yaml-syntax risks/r-9.yaml:1 {"collection":"risks","id":"r-9"}']);
    expect(subjects(contentWith({ 'people/people.yaml': '- id: ada-lovelace\n  name: a: b\n' }))).toEqual(['load/yaml-syntax people/people.yaml:2 null']);
    expect(subjects(contentWith({ 'risks/r-1.yaml': Buffer.from('id: r-1\ntitle: caf\xe9\n', 'latin1') }))).toEqual(['load/encoding risks/r-1.yaml:2 null']);
    expect(subjects(contentWith({ 'risks/r-1.yaml': '- just a string\n' }))).toEqual(['load/schema risks/r-1.yaml:1 null']);
  });

  test('a policy is one entity per file, whatever is wrong with it', () => {
    expect(subjects(contentWith({ 'policies/information-security.mdx': '# Policy\n' }))).toEqual(['load/front-matter policies/information-security.mdx:1 {"collection":"policies","id":"information-security"}']);
    const body = readFileSync(path.join(fixture('valid-minimal'), 'policies/information-security.mdx'), 'utf8').concat('\nimport x from "y";\n');
    expect(subjects(contentWith({ 'policies/information-security.mdx': body }))).toEqual([expect.stringMatching(/^mdx\/import policies\/information-security\.mdx:\d+ \{"collection":"policies","id":"information-security"\}$/)]);
  });

  test('Markdown in a field names that field', () => {
    const dir = contentWith({ 'answers/general.yaml': '- id: a\n  question: Q?\n  answer: See ![x](https://x.example/x.png).\n  topic: T\n' });
    expect(subjects(dir)).toEqual(['markdown/image answers/general.yaml:3 {"collection":"answers","id":"a","field":"answer"}']);
  });

  test('the settings are the entity `settings`', () => {
    expect(subjects(contentWith({ 'settings.yaml': null }))).toEqual(['load/settings-missing settings.yaml:null {"collection":"settings","id":"settings"}']);
    const settings = readFileSync(path.join(fixture('valid-minimal'), 'settings.yaml'), 'utf8');
    expect(subjects(contentWith({ 'settings.yaml': `${settings}colour: red\n` }))).toEqual([expect.stringMatching(/^load\/unknown-field settings\.yaml:\d+ \{"collection":"settings","id":"settings","field":"colour"\}$/)]);
  });

  test('a file named by an entity names the entity and the field that names it', () => {
    const cert = readFileSync(path.join(fixture('valid-minimal'), 'certifications/iso27001.yaml'), 'utf8');
    expect(subjects(contentWith({ 'certifications/iso27001.yaml': `${cert}certificateFile: missing.pdf\n` }))).toEqual([
      expect.stringMatching(/^files\/missing certifications\/iso27001\.yaml:\d+ \{"collection":"certifications","id":"iso27001","field":"certificateFile"\}$/),
    ]);
  });

  test('the content folder that does not exist is no entity', () => {
    expect(loadContent('/nonexistent/trustbook').diagnostics.map((d) => d.subject)).toEqual([null]);
  });
});

describe('what a file that cannot be read leaves unknown', () => {
  test('a file that cannot be read, or holds an entry without an id, makes its collection incomplete; an empty one does not', () => {
    const dir = contentWith({ 'risks/r-1.yaml': 'id: r-1\ntitle: a: b\n', 'risks/r-2.yaml': '', 'evidence/more.yaml': '- title: No id\n' });
    const { unread, rejected } = loadContent(dir);
    const shown = (list: { file: string; reason: string }[]) => list.map((u) => `${path.relative(dir, path.resolve(u.file))} ${u.reason}`);
    expect(shown(unread.risks)).toEqual(['risks/r-1.yaml could not be read']);
    expect(shown(unread.evidence)).toEqual(['evidence/more.yaml holds an entry without an id']);
    expect([...rejected.risks].sort()).toEqual(['r-1', 'r-2']);
  });
});

describe('values written the way a spreadsheet writes them', () => {
  const minimalSoa = readFileSync(path.join(fixture('valid-minimal'), 'soa', 'controls.yaml'), 'utf8');
  const hintsFor = (soa: string) => {
    const dir = contentWith({ 'soa/controls.yaml': soa });
    return loadContent(dir).diagnostics.map((d) => `${d.line} ${d.rule}: ${d.hint}`);
  };

  test('yes and no, a control ID with a space, an owner by name and role: each gets the value meant', () => {
    const soa = minimalSoa.replace('- id: A.5.1\n  applicable: true', '- id: A 5.1\n  applicable: Yes').replace('owners: [ada-lovelace]', 'owners: [Ada Lovelace (CISO)]');
    expect(hintsFor(soa)).toEqual([
      '2 load/schema: Did you mean `A.5.1`? Control IDs are written `A.<theme>.<number>`.',
      '3 load/schema: Write `true` (YAML reads `Yes` as text).',
      "7 load/schema: Did you mean `ada-lovelace`? Ids are lower-case words joined by hyphens; a role goes in the person's own file.",
    ]);
  });

  test('an ID with a space is one problem, not also a control without an entry', () => {
    const dir = contentWith({ 'soa/controls.yaml': minimalSoa.replace('- id: A.5.1\n', '- id: 5.1\n') });
    expect(loadContent(dir).rejected.soa.has('A.5.1')).toBe(true);
  });

  test('N/A is false, and something like a control ID that is none gets no guess', () => {
    const soa = minimalSoa.replace('- id: A.5.1\n  applicable: true', '- id: A 9.9\n  applicable: N/A');
    const [id, applicable] = hintsFor(soa);
    expect(id).toMatch(/^2 load\/schema: /);
    expect(id).not.toContain('Did you mean');
    expect(applicable).toBe('3 load/schema: Write `false` (YAML reads `N/A` as text).');
  });
});
