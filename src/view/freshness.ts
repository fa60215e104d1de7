/**
 * When evidence goes stale and policies fall due. The checks and the handbook both read
 * these, so a badge on a page and a diagnostic in the build never disagree.
 */
import { evidenceDue, reviewDue, type Due, type Freshness } from '../model/dates.ts';
import type { Tone } from './status.ts';
import { evidencePath } from './urls.ts';
import type { Entry } from './view.ts';

export type { Due, Freshness } from '../model/dates.ts';
export { evidenceDue, reviewDue } from '../model/dates.ts';

/** The colour a freshness is shown in. */
export const freshnessTone = { fresh: 'good', 'due-soon': 'warn', stale: 'bad' } as const satisfies Record<Freshness, Tone>;

export const freshnessLabel: Record<Freshness, string> = { fresh: 'Fresh', 'due-soon': 'Due soon', stale: 'Stale' };
export const reviewLabel: Record<Freshness, string> = { fresh: 'On schedule', 'due-soon': 'Review due soon', stale: 'Review overdue' };

/** An evidence item as a link to its row in the register, with its freshness. */
export interface EvidenceLink {
  id: string;
  title: string;
  href: string;
  due: Due;
  label: string;
  tone: Tone;
}

export function evidenceLink(entry: Entry<'evidence'>, today: string): EvidenceLink {
  const due = evidenceDue(entry.data, today);
  return { id: entry.id, title: entry.data.title, href: evidencePath(entry.id), due, label: freshnessLabel[due.state], tone: freshnessTone[due.state] };
}

/** A policy's next review, with the word and colour of its state. */
export interface ReviewStatus {
  due: Due;
  label: string;
  tone: Tone;
}

export function reviewStatus(policy: Entry<'policies'>, today: string): ReviewStatus {
  const due = reviewDue(policy.data, today);
  return { due, label: reviewLabel[due.state], tone: freshnessTone[due.state] };
}
