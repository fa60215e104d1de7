/**
 * The coming days as month grids (Monday first) with the deadlines that fall on each day,
 * and the same deadlines as an ordered list. The dashboard's calendar draws it.
 */
import { addDays, addMonths } from '../model/dates.ts';
import { daysAhead, formatDateAs, monthLength, monthStart, weekdayIndex, windowEnd } from './dates.ts';

export type DeadlineKind = 'evidence' | 'review' | 'audit' | 'target' | 'expiry';

export interface Deadline {
  date: string;
  label: string;
  href: string;
  kind: DeadlineKind;
}

/** The kinds in the order the legend lists them and a day's dots show them. */
export const deadlineKinds: readonly { id: DeadlineKind; label: string }[] = [
  { id: 'expiry', label: 'Certificate expiry' },
  { id: 'audit', label: 'Audit' },
  { id: 'evidence', label: 'Evidence goes stale' },
  { id: 'review', label: 'Policy review' },
  { id: 'target', label: 'Control target date' },
];
export const deadlineKindLabel = Object.fromEntries(deadlineKinds.map((k) => [k.id, k.label])) as Record<DeadlineKind, string>;
const kindOrder = (k: DeadlineKind) => deadlineKinds.findIndex((x) => x.id === k);

export interface CalendarDay {
  iso: string;
  /** Day of the month. */
  day: number;
  /** Column (Monday = 0) and week row of the month grid. */
  col: number;
  row: number;
  /** Whether the day lies in the window the calendar covers. */
  inside: boolean;
  today: boolean;
  deadlines: Deadline[];
  /** The distinct kinds of its deadlines, in legend order, at most four (the dots under the day). */
  kinds: DeadlineKind[];
}

export interface CalendarMonth {
  /** Its first day. */
  first: string;
  /** `June 2026`. */
  name: string;
  weeks: number;
  days: CalendarDay[];
}

export interface CalendarListItem extends Deadline {
  /** `Mon 15 Jun`. */
  day: string;
  /** `today`, `tomorrow`, `in 12 days`. */
  relative: string;
}

export interface Calendar {
  start: string;
  end: string;
  months: CalendarMonth[];
  /** Every deadline in the window, by date, then kind, then label. */
  deadlines: CalendarListItem[];
}

export function calendar(start: string, days: number, deadlines: readonly Deadline[]): Calendar {
  const end = windowEnd(start, days);
  const inRange = deadlines
    .filter((e) => e.date >= start && e.date <= end)
    .sort((a, b) => a.date.localeCompare(b.date) || kindOrder(a.kind) - kindOrder(b.kind) || a.label.localeCompare(b.label, 'en'));
  const byDate = new Map<string, Deadline[]>();
  for (const e of inRange) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);

  const months: CalendarMonth[] = [];
  for (let first = monthStart(start); first <= end; first = addMonths(first, 1)) {
    const offset = weekdayIndex(first);
    const length = monthLength(first);
    const cells = Array.from({ length }, (_, i): CalendarDay => {
      const iso = addDays(first, i);
      const slot = offset + i;
      const onDay = byDate.get(iso) ?? [];
      return {
        iso,
        day: i + 1,
        col: slot % 7,
        row: Math.floor(slot / 7),
        inside: iso >= start && iso <= end,
        today: iso === start,
        deadlines: onDay,
        kinds: [...new Set(onDay.map((e) => e.kind))].sort((a, b) => kindOrder(a) - kindOrder(b)).slice(0, 4),
      };
    });
    months.push({ first, name: formatDateAs(first, { month: 'long', year: 'numeric' }), weeks: Math.ceil((offset + length) / 7), days: cells });
  }

  return {
    start,
    end,
    months,
    deadlines: inRange.map((e) => ({ ...e, day: formatDateAs(e.date, { weekday: 'short', day: 'numeric', month: 'short' }), relative: daysAhead(start, e.date) })),
  };
}
