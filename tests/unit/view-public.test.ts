/** The public view carries what public pages read, and no path of the machine that builds them. */
import { expect, test } from 'vitest';
import { publishedFiles, view } from '../../src/view/view.ts';
import { exampleContent, fixture, modelOf } from '../helpers/content.ts';

test('no absolute path of the build machine is in the public view', () => {
  for (const dir of [exampleContent, fixture('valid-minimal')]) {
    const model = modelOf(dir);
    const json = JSON.stringify(view(model, 'public'));
    expect(json).not.toContain(model.root);
    expect(json).not.toContain('realPath');
    expect(json).not.toContain('absPath');
  }
});

test('the files it publishes are reachable only for copying them', () => {
  const model = modelOf(exampleContent);
  const site = view(model, 'public');
  expect(Object.keys(site)).not.toContain('files');
  const files = publishedFiles(site);
  expect(files.map((f) => f.url)).toContain('/brand/logo.png');
  for (const f of files) expect(f.source.realPath.startsWith('/')).toBe(true);
  expect(publishedFiles(view(model, 'public'))).toEqual(files);
});

test('fields no public page reads are left out', () => {
  const site = view(modelOf(exampleContent), 'public');
  expect(Object.keys(site.organisation)).not.toContain('listInternalPolicies');
  for (const p of site.policies) expect(Object.keys(p).sort()).toEqual(expect.arrayContaining(['id', 'title', 'version', 'effective', 'nextReview', 'controls', 'aliases', 'body']));
  for (const p of site.policies) for (const key of ['approved', 'reviewIntervalMonths', 'clauses', 'owner', 'approver', 'visibility']) expect(p).not.toHaveProperty(key);
});
