/** The dashboard's figures, from a small organisation with one control in each state. */
import { describe, expect, test } from 'vitest';
import { dashboard, HORIZON_DAYS } from '../../src/view/dashboard.ts';
import { controlStateLabel } from '../../src/view/status.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { annexAById } from '../../src/model/catalog.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentWith, fixture, modelOf } from '../helpers/content.ts';

const today = '2026-06-15';

/** valid-minimal with some SoA entries taken out of its list: each given its own file, or (null) none. */
function withEntries(entries: Record<string, string | null>) {
  const list = readFileSync(path.join(fixture('valid-minimal'), 'soa', 'controls.yaml'), 'utf8');
  const blocks = list.split(/(?=^- id: )/m).filter((b) => !Object.keys(entries).some((id) => b.startsWith(`- id: ${id}\n`)));
  const files = Object.fromEntries(Object.entries(entries).map(([id, yaml]) => [`soa/${id}.yaml`, yaml === null ? null : `id: ${id}\napplicable: true\njustification: Needed.\nbasis: [business]\nowners: [ada-lovelace]\nevidence: [access-review]\n${yaml}visibility: public\n`]));
  return modelOf(contentWith({ 'soa/controls.yaml': blocks.join(''), ...files }));
}

// valid-minimal: 91 implemented, 2 excluded (A.7.1, A.7.3). Planted: one partial, one planned
// with a target date, one with no status (not implemented) and one without an SoA entry.
const planted = () => withEntries({ 'A.5.2': 'status: partial\n', 'A.5.3': 'status: planned\ntargetDate: 2026-07-01\n', 'A.8.1': '', 'A.8.24': null });
const model = modelOf(fixture('valid-minimal'));

describe('posture', () => {
  const d = dashboard(planted(), [], today);

  test('counts each state once and applicable controls from the SoA', () => {
    expect(d.posture.total).toBe(93);
    expect(d.posture.applicable).toBe(93 - 2 - 1);
    expect(d.posture.implemented).toBe(87);
    expect(d.posture.progress).toBe(Math.round((87 / 90) * 100));
    expect(d.posture.stats.map((s) => [s.label, s.value])).toEqual([
      ['Applicable', 90],
      ['Implemented', 87],
      ['Partially implemented', 1],
      ['Planned', 1],
      ['Not implemented', 1],
      ['Not applicable', 2],
      ['No SoA entry', 1],
    ]);
  });

  test('uses the same words and colours as every other page', () => {
    for (const s of d.posture.stats.slice(1)) expect(Object.values(controlStateLabel)).toContain(s.label);
    expect(d.posture.stats.find((s) => s.label === 'Planned')).toMatchObject({ tone: 'warn', href: '/soa/?status=planned' });
    expect(d.posture.stats.find((s) => s.label === 'No SoA entry')).toMatchObject({ tone: 'bad', href: '/soa/?status=missing', detail: 'must be declared' });
  });

  test('a bar per theme; "No SoA entry" only when a control has none', () => {
    const technological = d.byTheme.find((r) => r.label === 'Technological controls')!;
    expect(technological.href).toBe('/soa/#technological');
    expect(technological.segments.map((s) => s.label)).toContain('No SoA entry');
    expect(technological.segments.find((s) => s.label === 'No SoA entry')!.value).toBe(1);
    const complete = dashboard(modelOf(fixture('valid-minimal')), [], today);
    expect(complete.byTheme[0]!.segments.map((s) => s.label)).not.toContain('No SoA entry');
    expect(complete.posture.stats.map((s) => s.label)).not.toContain('No SoA entry');
  });

  test('lists what is not yet implemented: no SoA entry first, then the furthest behind', () => {
    expect(d.inProgress.map((c) => [c.id, c.status.label, c.targetDate])).toEqual([
      ['A.8.24', 'No SoA entry', undefined],
      ['A.8.1', 'Not implemented', undefined],
      ['A.5.3', 'Planned', '2026-07-01'],
      ['A.5.2', 'Partially implemented', undefined],
    ]);
    expect(d.inProgress[0]!.href).toBe('/controls/a-8-24/');
  });
});

describe('evidence and deadlines', () => {
  const d = dashboard(planted(), [], today);

  test('freshness overall and by kind, and what goes stale next', () => {
    expect(d.evidence).toMatchObject({ total: 1, fresh: 1 });
    expect(d.evidence.rows.map((r) => r.label)).toEqual(['All evidence', 'Records']);
    expect(d.evidence.nextStale).toEqual([
      { title: 'Quarterly access review', href: '/evidence/#access-review', label: 'Fresh', tone: 'good', verb: 'goes stale', due: '2026-08-30', when: 'in 76 days' },
    ]);
  });

  test(`the calendar holds the deadlines of the next ${HORIZON_DAYS} days`, () => {
    expect(d.horizon.end).toBe('2026-09-12');
    expect(d.horizon.calendar.deadlines.map((e) => [e.date, e.kind, e.label, e.href])).toEqual([
      ['2026-07-01', 'target', `A.5.3 ${annexAById.get('A.5.3')!.title} target date`, '/controls/a-5-3/'],
      ['2026-08-30', 'evidence', 'Quarterly access review', '/evidence/#access-review'],
    ]);
  });

  test('the certificate with its audits', () => {
    expect(d.certifications).toEqual([
      {
        id: 'iso27001',
        name: 'ISO/IEC 27001:2022',
        kind: 'iso',
        label: 'Valid',
        tone: 'good',
        reference: { label: 'Certificate number', value: 'IS 1' },
        issuer: { role: 'Certification body', name: 'Example Certification' },
        statusText: 'Valid until 28 February 2028.',
        expires: { date: '2028-02-28', when: 'in 623 days' },
        lastAudit: '2026-02-12',
        nextAudit: { date: '2027-02-10', when: 'in 240 days' },
      },
    ]);
    expect(d.primaryCertificate).toEqual({ label: 'Certificate: valid', tone: 'good' });
    expect(d.timeline.tracks.map((t) => t.audits.map((a) => a.state))).toEqual([['done', 'planned']]);
  });
});

describe('needs attention', () => {
  const diagnostic = (severity: Diagnostic['severity'], message: string): Diagnostic => ({ rule: 'evidence/freshness', severity, file: 'elsewhere.yaml', line: 1, column: 1, entity: null, message, hint: 'Fix it.', subject: null });

  test('all clear', () => {
    expect(dashboard(model, [], today).attention).toMatchObject({ items: [], summary: 'All checks pass', tone: 'good' });
  });

  test('errors first, counted', () => {
    const a = dashboard(model, [diagnostic('warning', 'w1'), diagnostic('error', 'e1'), diagnostic('warning', 'w2')], today).attention;
    expect(a.items.map((i) => i.message)).toEqual(['e1', 'w1', 'w2']);
    expect(a).toMatchObject({ errors: 1, warnings: 2, summary: '1 error, 2 warnings', tone: 'bad' });
  });
});

describe('the documents register', () => {
  test('every document, soonest to lapse first, with its access and where it is', async () => {
    const { documentRows } = await import('../../src/view/documents-register.ts');
    const { exampleContent } = await import('../helpers/content.ts');
    const rows = documentRows(modelOf(exampleContent), '2026-12-10');
    expect(rows.map((r) => [r.id, r.access.label, r.validity?.label ?? null])).toEqual([
      ['insurance-certificate', 'On request', 'Lapses soon'],
      ['pentest-summary', 'On request', 'Valid'],
      ['business-continuity-summary', 'Internal', null],
      ['dpa', 'Public download', null],
      ['architecture-overview', 'Public download', null],
      ['soc2-report', 'Under NDA', null],
    ]);
    expect(rows.find((r) => r.id === 'soc2-report')).toMatchObject({ location: { text: 'files/soc2-type2-2025-26.pdf' }, certification: 'SOC 2 Type II' });
  });
});
