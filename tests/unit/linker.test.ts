import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { link } from '../../src/link/linker.ts';
import { loadContent } from '../../src/load/loader.ts';
import { contentWith, fixture, modelOf } from '../helpers/content.ts';

describe('linker', () => {
  test('gathers everything about a control from every direction', () => {
    const model = modelOf(fixture('valid-minimal'));
    expect(model.controls).toHaveLength(93);
    const node = model.controlById.get('A.5.15')!;
    expect(node.soa?.id).toBe('A.5.15');
    expect(node.owners.map((p) => p.id)).toEqual(['ada-lovelace']);
    expect(node.evidence.map((e) => e.id)).toEqual(['access-review']);
    expect(node.orgControls.map((c) => c.id)).toEqual(['IAM-01']);
    expect(node.risks.map((r) => r.id)).toEqual(['r-1']);
    expect(model.controlById.get('A.5.1')!.policies.map((p) => p.id)).toEqual(['information-security']);
    expect(model.controlById.get('A.5.1')!.answers.map((a) => a.id)).toEqual(['do-you-have-a-security-policy']);
  });
  test('controls come in catalog order, A.5.2 before A.5.10', () => {
    const ids = modelOf(fixture('valid-minimal')).controls.map((c) => c.control.id);
    expect(ids.indexOf('A.5.2')).toBeLessThan(ids.indexOf('A.5.10'));
  });
  test('records unresolved references and duplicates instead of throwing', () => {
    const dir = contentWith({
      'evidence/dup.yaml': 'id: access-review\ntitle: T\nkind: record\nlocation: x\ncollected: 2026-06-01\nmaxAgeDays: 9\nowner: ghost\n',
      'controls/IAM-01.yaml': 'id: IAM-01\ntitle: T\ndescription: D\nowner: nobody\nannexA: [A.5.15, A.12.6.1]\n',
    });
    const model = link(loadContent(dir));
    expect(model.duplicates.map((d) => [d.first.file.endsWith('access-review.yaml'), d.second.file.endsWith('dup.yaml')])).toEqual([[true, true]]);
    const unresolved = model.references.filter((r) => !r.target && !r.control).map(({ from, field, to, id, rejected, unjudged }) => ({ from: `${from.collection} ${from.id}`, field, to, id, rejected, unjudged }));
    // The duplicate is not indexed, so its dangling owner is not either: one problem, one report.
    expect(unresolved).toEqual([
      { from: 'controls IAM-01', field: ['owner'], to: 'people', id: 'nobody', rejected: false, unjudged: false },
      { from: 'controls IAM-01', field: ['annexA', 1], to: 'annexA', id: 'A.12.6.1', rejected: false, unjudged: false },
    ]);
  });
  test('marks a reference to an entity that failed validation as rejected', () => {
    const dir = contentWith({ 'people/people.yaml': '- id: ada-lovelace\n  name: Ada\n  role: R\n  email: not-an-email\n- id: alan-turing\n  name: Alan\n  role: R\n  email: alan@minimal.example\n' });
    const refs = link(loadContent(dir)).references.filter((r) => r.to === 'people' && !r.target);
    expect(refs.length).toBeGreaterThan(0);
    expect(new Set(refs.map((r) => `${r.id} rejected=${r.rejected} unjudged=${r.unjudged}`))).toEqual(new Set(['ada-lovelace rejected=true unjudged=false']));
  });
  test('marks a reference into a collection with a file that could not be read as unjudged', () => {
    const dir = contentWith({ 'people/people.yaml': '- id: ada-lovelace\n  name: [Ada\n' });
    const model = link(loadContent(dir));
    expect(model.unread.people.map((u) => [path.relative(dir, path.resolve(u.file)), u.reason])).toEqual([['people/people.yaml', 'could not be read']]);
    const refs = model.references.filter((r) => r.to === 'people');
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => !r.target && r.unjudged)).toBe(true);
    // Other collections are judged as usual.
    expect(model.references.filter((r) => r.to === 'evidence').every((r) => r.target && !r.unjudged)).toBe(true);
  });
});
