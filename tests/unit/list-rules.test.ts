/** `trustbook check --list-rules`: the catalogue as a table and as JSON. */
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { catalogueJson, catalogueText, listRules } from '../../src/cli/list-rules.ts';
import { catalogue } from '../../src/diagnostics/catalogue.ts';
import { runCli } from '../helpers/cli.ts';

const sink = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
};

describe('the table', () => {
  test('lists every entry once, by kind, with its severities, title and docs anchor', () => {
    const text = catalogueText();
    for (const entry of catalogue) expect(text.split('\n').filter((line) => line.startsWith(`  ${entry.id} `))).toHaveLength(1);
    expect(text.split('\n').find((line) => line.startsWith('  people/owner-has-left '))!.split(/\s{2,}/)).toEqual(['', 'people/owner-has-left', 'error, warning', 'Owner or approver who has left', 'docs/checks.md#peopleowner-has-left']);
    expect(text.split('\n').filter((line) => line && !line.startsWith('  '))).toEqual(['Rules', 'Problems found while reading the content', 'Problems of the build', 'Problems of the run']);
  });
  test('aligns its columns', () => {
    const text = catalogueText(catalogue.filter((e) => ['soa/owner-required', 'controls/unknown-mapping', 'checks/failed'].includes(e.id)));
    expect(text).toMatchInlineSnapshot(`
      "Rules
        soa/owner-required        error    Applicable control without an owner           docs/checks.md#soaowner-required
        controls/unknown-mapping  warning  Mapping to an ID the framework does not have  docs/checks.md#controlsunknown-mapping

      Problems of the run
        checks/failed             error    Rule that stopped with an error               docs/checks.md#checksfailed
      "
    `);
  });
});

describe('JSON', () => {
  test('is an array of every entry, hint included', () => {
    const parsed = JSON.parse(catalogueJson()) as Record<string, unknown>[];
    expect(parsed.map((e) => e.id)).toEqual(catalogue.map((e) => e.id));
    expect(parsed.find((e) => e.id === 'checks/failed')).toEqual({
      id: 'checks/failed',
      kind: 'run',
      title: 'Rule that stopped with an error',
      severity: 'error',
      severities: ['error'],
      hint: 'This is a bug in Trustbook, not in the content: please report it with the message. The other rules ran; what this rule checks is unknown until it is fixed.',
      docs: 'docs/checks.md#checksfailed',
    });
  });
});

describe('listRules', () => {
  test('prints the table by default, JSON with --format json, and refuses a format that does not exist', () => {
    const out = sink();
    expect(listRules(undefined, out.stream)).toBe(0);
    expect(out.text()).toBe(catalogueText());
    const json = sink();
    expect(listRules('json', json.stream)).toBe(0);
    expect(json.text()).toBe(catalogueJson());
    const err = sink();
    expect(listRules('xml', sink().stream, err.stream)).toBe(2);
    expect(err.text()).toBe('Unknown format "xml"; use pretty, json, github.\n');
  });

  test('is what `trustbook check --list-rules --format json` prints, without reading any content', async () => {
    const { code, stdout, stderr } = await runCli(['check', '--list-rules', '--format', 'json', '--content', '/nonexistent/trustbook']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(catalogueJson());
  });
});
