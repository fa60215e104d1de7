/**
 * How dates read on the sites. The arithmetic is `model/dates.ts`'s, in UTC, so that a
 * page never depends on the time zone of the machine that built it.
 */
import { addDays, addMonths, daysBetween } from '../model/dates.ts';

/** A day written the British way, in UTC, with the parts `options` asks for. */
export const formatDateAs = (iso: string, options: Intl.DateTimeFormatOptions): string => formatter(options).format(new Date(`${iso}T00:00:00Z`));

/**
 * One formatter for each set of options, made once: making one costs far more than using it, and a
 * large site formats tens of thousands of dates. Like `toLocaleDateString`, a day with no date part
 * asked for is written with all three.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let found = formatters.get(key);
  if (!found) {
    const datePart = options.weekday !== undefined || options.year !== undefined || options.month !== undefined || options.day !== undefined;
    found = new Intl.DateTimeFormat('en-GB', { ...(datePart ? {} : { year: 'numeric', month: 'numeric', day: 'numeric' }), timeZone: 'UTC', ...options });
    formatters.set(key, found);
  }
  return found;
}

/** `2026-06-15` → `15 June 2026`, the way dates read on the sites. */
export const formatDate = (iso: string): string => formatDateAs(iso, { day: 'numeric', month: 'long', year: 'numeric' });

/** `2026-06-15` → `Jun 2026`. */
export const formatMonthShort = (iso: string): string => formatDateAs(iso, { month: 'short', year: 'numeric' });

/** A count of days from today, as a phrase: `today`, `in 3 days`, `1 day ago`. */
export const inDays = (n: number): string => (n === 0 ? 'today' : n > 0 ? `in ${n} ${n === 1 ? 'day' : 'days'}` : `${-n} ${n === -1 ? 'day' : 'days'} ago`);

/** A day ahead of `from`, as a phrase: `today`, `tomorrow`, `in 3 days`. */
export function daysAhead(from: string, to: string): string {
  const n = daysBetween(from, to);
  return n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`;
}

/** The first day of the month `iso` falls in. */
export const monthStart = (iso: string): string => `${iso.slice(0, 7)}-01`;

/** How many days the month starting on `first` has. */
export const monthLength = (first: string): number => daysBetween(first, addMonths(first, 1));

/** A Monday, to count weekdays from. */
const A_MONDAY = '2024-01-01';
/** Day of the week, Monday = 0 … Sunday = 6. */
export const weekdayIndex = (iso: string): number => ((daysBetween(A_MONDAY, iso) % 7) + 7) % 7;

/** The last day of a window of `days` days starting on `start` (at least the start itself). */
export const windowEnd = (start: string, days: number): string => addDays(start, Math.max(1, days) - 1);
