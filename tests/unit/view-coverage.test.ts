/** The frameworks page: coverage of the frameworks whose IDs Trustbook ships, and any other key as written. */
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { frameworkCoverage } from '../../src/view/coverage.ts';
import { runRules } from '../../src/checks/run.ts';
import { contentWith, fixture, modelOf } from '../helpers/content.ts';

test('a framework key or ID named after a property every object has is shown as written, not looked up', () => {
  const original = readFileSync(path.join(fixture('valid-minimal'), 'controls', 'IAM-01.yaml'), 'utf8');
  const dir = contentWith({
    'controls/IAM-01.yaml': original.replace('  nist-csf-2: [PR.AA-01]', '  nist-csf-2: [PR.AA-01, constructor]\n  constructor: [toString]\n  __proto__: [x]'),
  });
  const model = modelOf(dir);
  const { frameworks } = frameworkCoverage(model);
  expect(frameworks.map((f) => f.key)).toEqual(expect.arrayContaining(['soc2', 'nist-csf-2', 'constructor']));
  const diagnostics = runRules(model, '2026-06-15').filter((d) => d.rule === 'controls/unknown-mapping' || d.rule === 'checks/failed');
  expect(diagnostics.map((d) => `${d.rule} ${d.message}`)).toEqual([expect.stringMatching(/^controls\/unknown-mapping .*constructor/)]);
});
