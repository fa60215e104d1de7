/**
 * When evidence goes stale and policies fall due. The checks and the handbook both read
 * these, so a badge on a page and a diagnostic in the build never disagree.
 */
import { addDays, daysBetween, DUE_SOON_DAYS } from '../checks/dates.ts';
import type { Evidence, Policy } from '../model/schemas.ts';

export type Freshness = 'fresh' | 'due-soon' | 'stale';

export interface Due {
  state: Freshness;
  /** The date it goes stale or falls due. */
  due: string;
  /** Days from today to `due` (negative when past). */
  daysLeft: number;
}

const stateOf = (daysLeft: number): Freshness => (daysLeft < 0 ? 'stale' : daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'fresh');

export function evidenceDue(evidence: Pick<Evidence, 'collected' | 'maxAgeDays'>, today: string): Due & { ageDays: number } {
  const due = addDays(evidence.collected, evidence.maxAgeDays);
  const daysLeft = daysBetween(today, due);
  return { state: stateOf(daysLeft), due, daysLeft, ageDays: daysBetween(evidence.collected, today) };
}

export function reviewDue(policy: Pick<Policy, 'nextReview'>, today: string): Due {
  const daysLeft = daysBetween(today, policy.nextReview);
  return { state: stateOf(daysLeft), due: policy.nextReview, daysLeft };
}

/** The colour a freshness is shown in. */
export const freshnessTone = { fresh: 'good', 'due-soon': 'warn', stale: 'bad' } as const satisfies Record<Freshness, string>;

export const freshnessLabel: Record<Freshness, string> = { fresh: 'Fresh', 'due-soon': 'Due soon', stale: 'Stale' };
export const reviewLabel: Record<Freshness, string> = { fresh: 'On schedule', 'due-soon': 'Review due soon', stale: 'Review overdue' };
