/**
 * The exceptions in force, as the handbook lists them: on the dashboard all of them, on a control's
 * page those that cover its SoA entry or its evidence. What an exception accepts is decided by the
 * checks (`link/exceptions.ts`); this only lays it out.
 */
import { exceptionStanding } from '../link/exceptions.ts';
import { collections, type CollectionName } from '../model/collections.ts';
import { subjectLink, type Link } from './attention.ts';
import type { PersonLink } from './soa-rows.ts';
import type { Tone } from './status.ts';
import { personPath } from './urls.ts';
import type { Entry, InternalView } from './view.ts';

/** The dashboard's section of exceptions. */
export const EXCEPTIONS_ANCHOR = 'exceptions';
/** An exception's row on the dashboard. */
export const exceptionAnchor = (id: string) => `exception-${id}`;

export interface ExceptionRow {
  id: string;
  /** The anchor of its row on the dashboard. */
  anchor: string;
  /** The rule whose failures it accepts (`evidence/freshness`). */
  rule: string;
  /** What it covers: a link to the entity's page when it has one, else its name. */
  covers: Link | { label: string };
  reason: string;
  approver: PersonLink;
  approved: string;
  expires: string;
  /** Days from today to `expires`, the day itself counting as 0. */
  daysLeft: number;
  /** `warn` in its last 30 days. */
  tone: Tone;
}

/** Every exception in force today, the first to expire first. */
export function activeExceptions(model: InternalView, today: string): ExceptionRow[] {
  return [...model.index.exceptions.values()]
    .flatMap((entry) => {
      const standing = exceptionStanding(model, entry, today);
      return standing.inForce ? [row(model, entry, standing.daysLeft, standing.state === 'expiring' ? 'warn' : 'neutral')] : [];
    })
    .sort((a, b) => a.expires.localeCompare(b.expires) || a.id.localeCompare(b.id));
}

/** The exceptions in force that cover one of `subjects`, the first to expire first. */
export function exceptionsCovering(model: InternalView, today: string, subjects: readonly { collection: CollectionName; id: string }[]): ExceptionRow[] {
  return activeExceptions(model, today).filter((row) => {
    const { subject } = model.index.exceptions.get(row.id)!.data;
    return subjects.some((s) => s.collection === subject.collection && s.id === subject.id);
  });
}

function row(model: InternalView, entry: Entry<'exceptions'>, daysLeft: number, tone: Tone): ExceptionRow {
  const { rule, subject, reason, approver, approved, expires } = entry.data;
  const noun = (collections as Record<string, { noun: string }>)[subject.collection]?.noun ?? subject.collection;
  return {
    id: entry.id,
    anchor: exceptionAnchor(entry.id),
    rule,
    covers: subjectLink(model, subject) ?? { label: `${noun} ${subject.id}` },
    reason,
    approver: { id: approver, name: model.index.people.get(approver)?.data.name ?? approver, href: personPath(approver) },
    approved,
    expires,
    daysLeft,
    tone,
  };
}
