import { describe, expect, test } from 'vitest';
import { parseBoolean, parseControlRef, parseDate, parsePeriodEnd, parsePersonCell, parseStatus, slugify, splitList } from '../../src/import/normalise.ts';

describe('control IDs', () => {
  test.each(['A 5.1', '5.1', 'A.5.1.', 'a.5.1', 'A5.1', 'Annex A 5.1', ' A.5.1 Policies for information security'])('%s → A.5.1', (written) => {
    const ref = parseControlRef(written);
    expect(ref.kind === 'control' && ref.ids).toEqual(['A.5.1']);
  });
  test('a 2013 ID goes through the shipped map', () => {
    expect(parseControlRef('A.12.6.1')).toMatchObject({ kind: 'control', ids: ['A.8.8'], from2013: 'A.12.6.1' });
  });
  test('theme and 2013 category headings are sections', () => {
    expect(parseControlRef('A.5 Organizational controls').kind).toBe('section');
    expect(parseControlRef('A.12.6 Technical vulnerability management').kind).toBe('section');
  });
  test('unknown and non-IDs', () => {
    expect(parseControlRef('A.5.99')).toMatchObject({ kind: 'unknown', id: 'A.5.99' });
    expect(parseControlRef('Organizational controls').kind).toBe('none');
  });
});

describe('values', () => {
  test.each(['Yes', 'Y', 'TRUE', '1', '✓', 'x'])('%s is true', (t) => expect(parseBoolean(t)).toEqual({ ok: true, value: true }));
  test.each(['No', 'N', 'FALSE', '0', 'N/A', '—'])('%s is false', (t) => expect(parseBoolean(t)).toEqual({ ok: true, value: false }));
  test('anything else is a bad value', () => expect(parseBoolean('Maybe').ok).toBe(false));

  test.each([
    ['Implemented', { status: 'implemented' }],
    ['Done', { status: 'implemented' }],
    ['Partially implemented', { status: 'partial' }],
    ['In progress', { status: 'partial' }],
    ['Partial', { status: 'partial' }],
    ['Planned', { status: 'planned' }],
    ['Planned Q3 2026', { status: 'planned', targetDate: '2026-09-30' }],
    ['Planned Feb 2028', { status: 'planned', targetDate: '2028-02-29' }],
    ['Planned (2026-11-15)', { status: 'planned', targetDate: '2026-11-15' }],
    ['Not started', { status: 'not-implemented' }],
    ['Not implemented', { status: 'not-implemented' }],
    ['N/A', { status: 'excluded' }],
  ])('status %s', (t, value) => expect(parseStatus(t)).toEqual({ ok: true, value }));
  test('an unknown status is a bad value', () => expect(parseStatus('Blocked').ok).toBe(false));

  test('dates', () => {
    expect(parseDate('2026-05-10')).toEqual({ ok: true, value: '2026-05-10' });
    expect(parseDate('10 May 2026')).toEqual({ ok: true, value: '2026-05-10' });
    expect(parseDate('25/12/2026')).toEqual({ ok: true, value: '2026-12-25' });
    expect(parseDate('05/06/2026').ok).toBe(false);
    expect(parseDate('2026-02-30').ok).toBe(false);
    expect(parsePeriodEnd('2026 Q1')).toEqual({ ok: true, value: '2026-03-31' });
    expect(parsePeriodEnd('H2 2026')).toEqual({ ok: true, value: '2026-12-31' });
  });

  test('owners and lists', () => {
    expect(parsePersonCell('Priya Shah (CISO)')).toEqual({ name: 'Priya Shah', role: 'CISO', email: null });
    expect(splitList('Priya Shah (CISO, EMEA); Ben Li and Ada')).toEqual(['Priya Shah (CISO, EMEA)', 'Ben Li', 'Ada']);
    expect(slugify('Tomás Novák')).toBe('tomas-novak');
  });
});
