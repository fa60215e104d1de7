/**
 * Exceptions: known gaps accepted, for a time, by someone accountable. Whether one is in force is
 * decided here, once, beside the model, for the run that downgrades what it covers, the rules that judge exceptions
 * themselves and the handbook pages that list them.
 */
import type { Entry } from '../load/loader.ts';
import type { Model } from './linker.ts';
import { exceptionDue, type ExceptionState } from '../model/dates.ts';

export interface ExceptionStanding {
  /** Where the exception stands on its dates. */
  state: ExceptionState;
  /** Days from today to `expires`, negative once it has passed. */
  daysLeft: number;
  /** The day its approver left or leaves, when they do. */
  approverLeft?: string;
  /**
   * Whether it accepts what it covers today: approved, not expired, and approved by someone who is
   * known and still here. An exception is only as good as its approval.
   */
  inForce: boolean;
}

export function exceptionStanding(model: Model, exception: Entry<'exceptions'>, today: string): ExceptionStanding {
  const { state, daysLeft } = exceptionDue(exception.data, today);
  const approver = model.index.people.get(exception.data.approver);
  const left = approver?.data.left;
  const approverHere = approver !== undefined && (left === undefined || left > today);
  return { state, daysLeft, ...(left ? { approverLeft: left } : {}), inForce: approverHere && (state === 'in-force' || state === 'expiring') };
}

/** `entry` matches a diagnostic's subject when both name the same entity; the field does not matter. */
export const coversSubject = (exception: Entry<'exceptions'>, subject: { collection: string; id: string } | null): boolean =>
  subject !== null && subject.collection === exception.data.subject.collection && subject.id === exception.data.subject.id;
