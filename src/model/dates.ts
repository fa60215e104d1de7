/** Date arithmetic on `YYYY-MM-DD` strings, in UTC so that results never depend on the machine's time zone. */
const DAY = 86_400_000;

const toTime = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toTime(to) - toTime(from)) / DAY);

export const addDays = (date: string, days: number): string => new Date(toTime(date) + days * DAY).toISOString().slice(0, 10);

export const addMonths = (date: string, months: number): string => {
  const d = new Date(toTime(date));
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** Today's date in UTC. */
export const currentDate = (): string => new Date().toISOString().slice(0, 10);

/** Days a warning looks ahead for evidence and policy reviews. */
export const DUE_SOON_DAYS = 30;
/** Days a warning looks ahead for certificate expiry. */
export const CERTIFICATE_WARNING_DAYS = 90;

/** The date checks and pages are judged against: the one asked for, else the one the content pins, else the real date. */
export function resolveToday(requested: string | undefined, pinned: string | undefined): string {
  return requested ?? pinned ?? currentDate();
}

/** Where something stands against its due date. */
export type Freshness = 'fresh' | 'due-soon' | 'stale';

export interface Due {
  state: Freshness;
  /** The date it goes stale or falls due. */
  due: string;
  /** Days from today to `due` (negative when past). */
  daysLeft: number;
}

const stateOf = (daysLeft: number): Freshness => (daysLeft < 0 ? 'stale' : daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'fresh');

/** When a piece of evidence goes stale: `maxAgeDays` after it was collected. */
export function evidenceDue(evidence: { collected: string; maxAgeDays: number }, today: string): Due & { ageDays: number } {
  const due = addDays(evidence.collected, evidence.maxAgeDays);
  const daysLeft = daysBetween(today, due);
  return { state: stateOf(daysLeft), due, daysLeft, ageDays: daysBetween(evidence.collected, today) };
}

/** When a policy falls due for review. */
export function reviewDue(policy: { nextReview: string }, today: string): Due {
  const daysLeft = daysBetween(today, policy.nextReview);
  return { state: stateOf(daysLeft), due: policy.nextReview, daysLeft };
}

/** Days before its expiry that an exception is reported as expiring. */
export const EXCEPTION_WARNING_DAYS = 30;

/**
 * Where an exception stands on its dates: `pending` before the day it was approved, `in-force` from
 * then, `expiring` in its last 30 days, `expired` from the day after `expires`.
 */
export type ExceptionState = 'pending' | 'in-force' | 'expiring' | 'expired';

export function exceptionDue(exception: { approved: string; expires: string }, today: string): { state: ExceptionState; daysLeft: number } {
  const daysLeft = daysBetween(today, exception.expires);
  const state: ExceptionState = daysLeft < 0 ? 'expired' : exception.approved > today ? 'pending' : daysLeft <= EXCEPTION_WARNING_DAYS ? 'expiring' : 'in-force';
  return { state, daysLeft };
}
