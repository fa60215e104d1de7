/** The loader: line numbers for every field, and bad input as diagnostics rather than exceptions. */
import { describe, expect, test } from 'vitest';
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
