/** One control state: the dashboard, the SoA page and its exports, and the control page say the same. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { controlStatus, controlStateLabel, publicControlStatus, soaState } from '../../src/view/status.ts';
import { soaFilters, soaRows } from '../../src/view/soa-rows.ts';
import { soaColumns } from '../../src/render/soa-columns.ts';
import { controlPage } from '../../src/view/control-page.ts';
import { dashboard } from '../../src/view/dashboard.ts';
import { view } from '../../src/view/view.ts';
import { contentWith, fixture, modelOf } from '../helpers/content.ts';

const today = '2026-06-15';

describe('controlStatus', () => {
  test.each([
    [{ applicable: true, status: 'implemented' as const }, 'implemented', 'Implemented', 'good'],
    [{ applicable: true, status: 'partial' as const }, 'partial', 'Partially implemented', 'warn'],
    [{ applicable: true, status: 'planned' as const }, 'planned', 'Planned', 'warn'],
    [{ applicable: true }, 'not-implemented', 'Not implemented', 'bad'],
    [{ applicable: false, status: 'implemented' as const }, 'excluded', 'Not applicable', 'neutral'],
    [undefined, 'missing', 'No SoA entry', 'bad'],
  ])('%o is %s', (entry, state, label, tone) => {
    expect(controlStatus(entry)).toEqual({ state, label, tone });
  });

  test('an SoA entry never reads as missing, and the trust center never says "No SoA entry"', () => {
    expect(soaState({ applicable: true })).toBe('not-implemented');
    const control = { id: 'A.5.1', title: 't', theme: 'organizational' as const, policies: [], answers: [] };
    expect(publicControlStatus({ ...control, disclosed: false })).toEqual({ state: 'undisclosed', label: 'Details on request', tone: 'neutral' });
    expect(publicControlStatus({ ...control, disclosed: true, applicable: true, status: 'partial' }).label).toBe(controlStateLabel.partial);
  });
});

describe('a control without an SoA entry', () => {
  const list = readFileSync(path.join(fixture('valid-minimal'), 'soa', 'controls.yaml'), 'utf8');
  const model = modelOf(contentWith({ 'soa/controls.yaml': list.split(/(?=^- id: )/m).filter((b) => !b.startsWith('- id: A.8.24\n')).join('') }));
  const rows = soaRows(model, today);
  const row = rows.find((r) => r.control === 'A.8.24')!;

  test('reads "No SoA entry" on the dashboard, the SoA page, its exports and the control page', () => {
    expect(row.status.label).toBe('No SoA entry');
    expect(row.applicable).toBeNull();
    expect(dashboard(model, [], today).inProgress.find((c) => c.id === 'A.8.24')!.status).toEqual(row.status);
    const node = model.controlById.get('A.8.24')!;
    const published = view(model, 'public').controls.find((c) => c.id === 'A.8.24')!;
    expect(controlPage(model, node, published, today).status).toEqual(row.status);
    const cell = (header: string) => soaColumns.find((c) => c.header === header)!.value(row);
    expect(cell('Status')).toBe('missing');
    expect(cell('Applicable')).toBe('');
  });

  test('the SoA filters offer it only when some control has no entry', () => {
    expect(soaFilters(model, rows).statuses.map((s) => s.state)).toEqual(['implemented', 'partial', 'planned', 'not-implemented', 'excluded', 'missing']);
    const complete = modelOf(fixture('valid-minimal'));
    expect(soaFilters(complete, soaRows(complete, today)).statuses.map((s) => s.label)).toEqual(['Implemented', 'Partially implemented', 'Planned', 'Not implemented', 'Not applicable']);
  });
});

describe('SoA rows', () => {
  const model = modelOf(fixture('valid-minimal'));
  const rows = soaRows(model, today);

  test('one per Annex A control, in catalog order, with what the page links to', () => {
    expect(rows).toHaveLength(93);
    expect(rows[0]).toMatchObject({
      control: 'A.5.1',
      href: '/controls/a-5-1/',
      anchor: 'a-5-1',
      theme: 'organizational',
      themeTitle: 'Organizational controls',
      applicable: true,
      status: { state: 'implemented', label: 'Implemented', tone: 'good' },
      owners: [{ id: 'ada-lovelace', name: 'Ada Lovelace', href: '/people/ada-lovelace/' }],
      evidence: ['access-review'],
      evidenceState: 'fresh',
      nextEvidenceDue: '2026-08-30',
    });
    expect(rows[0]!.evidenceLinks).toMatchObject([{ id: 'access-review', href: '/evidence/#access-review', label: 'Fresh', tone: 'good' }]);
  });

  test('the exports write the same rows', () => {
    const written = rows.map((r) => soaColumns.map((c) => c.value(r)));
    expect(written[0]!.slice(0, 9)).toEqual(['A.5.1', rows[0]!.title, 'Organizational controls', 'Yes', 'Treats risk r-1.', 'risk-treatment', 'implemented', null, 'Ada Lovelace']);
    const excluded = rows.findIndex((r) => r.control === 'A.7.1');
    expect(written[excluded]![3]).toBe('No');
    expect(written[excluded]![6]).toBe('excluded');
  });

  test('the owner filter lists who owns an entry', () => {
    expect(soaFilters(model, rows).owners).toEqual([{ id: 'ada-lovelace', name: 'Ada Lovelace' }]);
  });
});
