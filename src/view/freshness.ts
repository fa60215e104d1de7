/**
 * When evidence goes stale and policies fall due. The checks and the handbook both read
 * these, so a badge on a page and a diagnostic in the build never disagree.
 */
import type { Freshness } from '../model/dates.ts';

export type { Due, Freshness } from '../model/dates.ts';
export { evidenceDue, reviewDue } from '../model/dates.ts';

/** The colour a freshness is shown in. */
export const freshnessTone = { fresh: 'good', 'due-soon': 'warn', stale: 'bad' } as const satisfies Record<Freshness, string>;

export const freshnessLabel: Record<Freshness, string> = { fresh: 'Fresh', 'due-soon': 'Due soon', stale: 'Stale' };
export const reviewLabel: Record<Freshness, string> = { fresh: 'On schedule', 'due-soon': 'Review due soon', stale: 'Review overdue' };
