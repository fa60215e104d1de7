import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import type { Entry, FieldPath } from '../load/loader.ts';
import { entityLabel, type Model } from '../link/linker.ts';

export interface RuleContext {
  model: Model;
  /** The date everything is judged against, `YYYY-MM-DD`. */
  today: string;
  report(diagnostic: Diagnostic): void;
}

export interface Rule {
  /** Stable id, also the anchor of the rule in docs/checks.md. */
  id: string;
  /** One line for `--list-rules` and the docs index. */
  description: string;
  check(context: RuleContext): void;
}

/** A diagnostic about `field` of `entry`, located at that field's line. */
export function at(
  entry: Entry,
  field: FieldPath,
  rule: string,
  severity: Severity,
  message: string,
  hint: string,
): Diagnostic {
  const position = field.length ? entry.locate(field) : entry.position;
  return { rule, severity, file: entry.file, line: position.line, column: position.column, entity: entityLabel(entry), message, hint };
}

/** A short list of known ids for hints: `amara-okafor, ben-li, … (12 in all)`. */
export function knownIds(ids: Iterable<string>, max = 6): string {
  const all = [...ids];
  if (all.length === 0) return 'none yet';
  const shown = all.slice(0, max).join(', ');
  return all.length > max ? `${shown}, … (${all.length} in all)` : shown;
}
