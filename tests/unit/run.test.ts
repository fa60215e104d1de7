/**
 * The runner: root problems are reported once, what they hide is listed as not checked, and a rule
 * that fails is one diagnostic while the others still run.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent, runChecks } from '../../src/checks/run.ts';
import type { Rule } from '../../src/checks/rule.ts';
import { soaOwnerRequired } from '../../src/checks/rules/soa-owner-required.ts';
import { displayPath } from '../../src/load/paths.ts';
import { contentWith, exampleContent, fixture, modelOf } from '../helpers/content.ts';

const where = (dir: string, d: { rule: string; file: string; line: number | null }) => `${d.rule} ${path.relative(dir, path.resolve(d.file))}:${d.line}`;

describe('root causes first', () => {
  test('one YAML typo in a person is one error; the references to people it hides are listed as not checked', () => {
    const original = readFileSync(path.join(exampleContent, 'people/priya-raman.yaml'), 'utf8');
    const dir = contentWith({ 'people/priya-raman.yaml': original.replace('name: Priya Raman', 'name: Priya: Raman') }, exampleContent);
    const { diagnostics, summary } = checkContent({ content: dir, today: '2026-06-15' });
    const file = displayPath(path.join(dir, 'people/priya-raman.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => where(dir, d))).toEqual(['load/yaml-syntax people/priya-raman.yaml:2']);
    expect(diagnostics.find((d) => d.rule === 'load/yaml-syntax')!.subject).toEqual({ collection: 'people', id: 'priya-raman' });
    expect(summary.errors).toBe(1);
    expect(summary.notChecked).toEqual([{ rule: 'refs/unresolved', what: expect.stringMatching(/^\d+ references to people$/), why: `${file} could not be read`, files: [file] }]);
  });

  test('a content folder that does not exist is one problem, and nothing else', () => {
    const { diagnostics, summary } = checkContent({ content: '/nonexistent/trustbook', today: '2026-06-15' });
    expect(diagnostics.map((d) => `${d.rule} ${d.file} ${JSON.stringify(d.subject)}`)).toEqual([`load/content-missing ${path.relative(process.cwd(), '/nonexistent/trustbook')} null`]);
    expect(summary).toMatchObject({ errors: 1, warnings: 0, notChecked: [], files: 0 });
  });

  test('no SoA folder is one error, not one per control', () => {
    const dir = contentWith({});
    rmSync(path.join(dir, 'soa'), { recursive: true });
    const { diagnostics } = checkContent({ content: dir, today: '2026-06-15' });
    expect(diagnostics.map((d) => where(dir, d))).toEqual(['soa/missing-entry soa:null']);
  });

  test('a list of entries that fails validation without an id leaves references into its collection unjudged', () => {
    const dir = contentWith({ 'people/people.yaml': '- name: Nobody\n  role: R\n  email: n@minimal.example\n' });
    const { diagnostics, summary } = checkContent({ content: dir, today: '2026-06-15' });
    expect(new Set(diagnostics.map((d) => d.rule))).toEqual(new Set(['load/schema']));
    const file = displayPath(path.join(dir, 'people/people.yaml'));
    expect(summary.notChecked).toEqual([{ rule: 'refs/unresolved', what: '96 references to people', why: `${file} holds an entry without an id`, files: [file] }]);
  });
});

describe('a rule that fails', () => {
  const throwing: Rule = {
    id: 'soa/basis-required',
    check() {
      throw new TypeError("Cannot read properties of undefined (reading 'length')\n    at check (src/checks/rules/soa-basis-required.ts:9:20)");
    },
  };
  const dir = contentWith({ 'soa/controls.yaml': readFileSync(path.join(fixture('valid-minimal'), 'soa/controls.yaml'), 'utf8').replace('owners: [ada-lovelace]', 'owners: []') });

  test('is one checks/failed error naming the rule and the message, without a stack trace; the other rules still run', () => {
    const { diagnostics, notChecked } = runChecks(modelOf(dir), '2026-06-15', [throwing, soaOwnerRequired]);
    expect(diagnostics.map((d) => d.rule)).toEqual(['checks/failed', 'soa/owner-required']);
    const [failed] = diagnostics;
    expect(failed).toEqual({
      rule: 'checks/failed',
      severity: 'error',
      file: displayPath(dir),
      line: null,
      column: null,
      entity: null,
      message: "The rule soa/basis-required stopped with an error, so what it checks was not checked: Cannot read properties of undefined (reading 'length').",
      hint: 'This is a bug in Trustbook, not in the content: please report it with the message. The other rules ran; what this rule checks is unknown until it is fixed.',
      subject: null,
    });
    expect(notChecked).toEqual([{ rule: 'soa/basis-required', what: 'what soa/basis-required checks', why: 'the rule stopped with an error (checks/failed)', files: [] }]);
  });

  test('whatever it throws', () => {
    const odd: Rule = {
      id: 'soa/basis-required',
      check() {
        // An object that cannot even be turned into a string.
        throw Object.create(null);
      },
    };
    const [failed] = runChecks(modelOf(dir), '2026-06-15', [odd]).diagnostics;
    expect(failed!.message).toBe('The rule soa/basis-required stopped with an error, so what it checks was not checked: an error that cannot be shown.');
  });
});

describe('content is data, whatever its names', () => {
  test('a policy using `constructor` as an element or attribute name is a diagnostic at its file, never a crash', () => {
    const policy = readFileSync(path.join(fixture('valid-minimal'), 'policies/information-security.mdx'), 'utf8');
    const dir = contentWith({ 'policies/information-security.mdx': `${policy}\n<constructor a="1" />\n\n<Callout constructor="x">Hi</Callout>\n` });
    const { diagnostics } = checkContent({ content: dir, today: '2026-06-15' });
    const here = diagnostics.filter((d) => d.file.endsWith('policies/information-security.mdx'));
    expect(here.some((d) => d.severity === 'error')).toBe(true);
    for (const d of here) expect(d.message).not.toMatch(/\n\s+at /);
  });
});
