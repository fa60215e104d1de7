import type { CatalogueDiagnostic, NotChecked, Subject } from '../diagnostics/diagnostic.ts';
import { problem, type DiagnosticId, type SeverityOf } from '../diagnostics/catalogue.ts';
import type { Entry, FieldPath, UnreadFile } from '../load/loader.ts';
import type { PublishedList } from '../load/published.ts';
import { entityLabel, type Model } from '../link/linker.ts';

export interface RuleContext {
  model: Model;
  /** The date everything is judged against, `YYYY-MM-DD`. */
  today: string;
  report(diagnostic: CatalogueDiagnostic): void;
  /** Says what the rule could not judge because of a problem reported already, and which. */
  notChecked(item: Omit<NotChecked, 'rule'>): void;
  /** The trust center's addresses as last published (`--published`), when the run has them. */
  published?: PublishedList | undefined;
}

export interface Rule<Id extends DiagnosticId = DiagnosticId> {
  /** Stable id from the catalogue, which gives its title, severity, hint and docs anchor. */
  id: Id;
  check(context: RuleContext): void;
}

/** The subject of a diagnostic about `field` of `entry`. */
export function subjectOf(entry: Entry, field: FieldPath = []): Subject {
  return field.length ? { collection: entry.collection, id: entry.id, field: field.join('.') } : { collection: entry.collection, id: entry.id };
}

/**
 * A diagnostic about `field` of `entry`, located at that field's line. Severity and hint come from
 * the catalogue unless given: a warning where the entry allows one, a hint that names ids or files.
 */
export function at<Id extends DiagnosticId>(entry: Entry, field: FieldPath, rule: Id, message: string, options?: { severity?: SeverityOf<Id>; hint?: string }): CatalogueDiagnostic {
  const position = field.length ? entry.locate(field) : entry.position;
  return problem(rule, { file: entry.file, line: position.line, column: position.column, entity: entityLabel(entry), subject: subjectOf(entry, field) }, message, options);
}

/** A short list of known ids for hints: `amara-okafor, ben-li, … (12 in all)`. */
export function knownIds(ids: Iterable<string>, max = 6): string {
  const all = [...ids];
  if (all.length === 0) return 'none yet';
  const shown = all.slice(0, max).join(', ');
  return all.length > max ? `${shown}, … (${all.length} in all)` : shown;
}

/**
 * Why files are not known, for a not-checked note, grouped by reason:
 * `content/people/a.yaml and content/people/b.yaml could not be read`.
 */
export function describeUnread(unread: readonly UnreadFile[]): string {
  const byReason = new Map<string, string[]>();
  for (const { file, reason } of unread) byReason.set(reason, [...(byReason.get(reason) ?? []), file]);
  return [...byReason].map(([reason, files]) => `${listed(files)} ${reason}`).join('; ');
}

/** `a`, `a and b`, `a, b and c`. */
const listed = (items: readonly string[]): string => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? ''));

/**
 * The value of `table` at a key that comes from content. Tables of reference data are plain
 * objects, and an id such as `constructor` must not find `Object.prototype`'s.
 */
export const lookup = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
