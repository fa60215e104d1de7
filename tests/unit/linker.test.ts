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
    const dir = contentWith({ 'evidence/dup.yaml': 'id: access-review\ntitle: T\nkind: record\nlocation: x\ncollected: 2026-06-01\nmaxAgeDays: 9\nowner: ghost\n' });
    const model = link(loadContent(dir));
    expect(model.duplicates.map((d) => d.second.file.endsWith('dup.yaml'))).toEqual([true]);
    // The duplicate is not indexed, so its dangling owner is not either: one problem, one report.
    expect(model.references.filter((r) => !r.target && !r.control)).toEqual([]);
  });
});
