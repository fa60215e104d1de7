/** The calendar and the certification timeline, as data: dates from the model's arithmetic, in UTC. */
import { describe, expect, test } from 'vitest';
import { calendar } from '../../src/view/calendar.ts';
import { timeline } from '../../src/view/timeline.ts';
import { inDays, monthLength, weekdayIndex } from '../../src/view/dates.ts';

describe('dates', () => {
  test('weekdays count from Monday, months have their length, leap years included', () => {
    expect(weekdayIndex('2026-06-15')).toBe(0);
    expect(weekdayIndex('2026-06-14')).toBe(6);
    expect(weekdayIndex('1999-12-31')).toBe(4);
    expect(monthLength('2028-02-01')).toBe(29);
    expect(monthLength('2026-02-01')).toBe(28);
    expect(monthLength('2026-12-01')).toBe(31);
  });

  test('days from today, as a phrase', () => {
    expect([inDays(0), inDays(1), inDays(12), inDays(-1), inDays(-3)]).toEqual(['today', 'in 1 day', 'in 12 days', '1 day ago', '3 days ago']);
  });
});

describe('calendar', () => {
  const deadline = (date: string, kind: 'evidence' | 'review' | 'audit' | 'target' | 'expiry', label = kind) => ({ date, kind, label, href: `#${label}` });
  const c = calendar('2026-06-15', 90, [deadline('2026-06-16', 'review'), deadline('2026-06-16', 'expiry'), deadline('2026-09-13', 'audit'), deadline('2026-06-14', 'target'), deadline('2026-06-15', 'evidence')]);

  test('covers the window, today included, in month grids from Monday', () => {
    expect(c.end).toBe('2026-09-12');
    expect(c.months.map((m) => [m.name, m.weeks, m.days.length, m.days[0]!.col])).toEqual([
      ['June 2026', 5, 30, 0],
      ['July 2026', 5, 31, 2],
      ['August 2026', 6, 31, 5],
      ['September 2026', 5, 30, 1],
    ]);
    const june = c.months[0]!.days;
    expect(june[14]).toMatchObject({ iso: '2026-06-15', today: true, inside: true });
    expect(june[13]).toMatchObject({ iso: '2026-06-14', inside: false, deadlines: [] });
  });

  test('lists the deadlines in the window by date, then kind', () => {
    expect(c.deadlines.map((e) => [e.date, e.kind, e.day, e.relative])).toEqual([
      ['2026-06-15', 'evidence', 'Mon 15 Jun', 'today'],
      ['2026-06-16', 'expiry', 'Tue 16 Jun', 'tomorrow'],
      ['2026-06-16', 'review', 'Tue 16 Jun', 'tomorrow'],
    ]);
    expect(c.months[0]!.days[15]!.kinds).toEqual(['expiry', 'review']);
  });
});

describe('timeline', () => {
  test('positions on one axis for every certificate, audits by state, today marked', () => {
    const t = timeline('2026-06-15', [
      { id: 'a', label: 'A', issued: '2025-03-01', expires: '2028-02-28', audits: [{ planned: '2027-02-10' }, { planned: '2026-02-10', done: '2026-02-12' }, { planned: '2026-05-01' }] },
      { id: 'b', label: 'B', issued: '2026-09-01', expires: '2029-08-31', audits: [] },
    ]);
    const [a, b] = t.tracks;
    expect(a!.issuedPos).toBe(0);
    expect(b!.expiresPos).toBe(100);
    expect(a!.audits.map((x) => [x.n, x.state, x.at])).toEqual([
      [1, 'done', '2026-02-12'],
      [2, 'overdue', '2026-05-01'],
      [3, 'planned', '2027-02-10'],
    ]);
    expect(a!.today).toBe('inside');
    expect(a!.elapsed).toBe(43);
    expect(b!.today).toBe('before');
    expect(t.todayPos).toBeCloseTo((471 / 1644) * 100, 6);
  });

  test('nothing to draw without certificates', () => {
    expect(timeline('2026-06-15', [])).toEqual({ today: '2026-06-15', tracks: [] });
  });
});
