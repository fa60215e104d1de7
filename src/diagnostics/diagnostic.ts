/**
 * A diagnostic is one problem found in the content: where it is, which entity, what is
 * wrong and how to fix it. Rules and the loader create them; only formatters print them.
 */
import type { DiagnosticId } from './catalogue.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable id from the catalogue (`soa/owner-required`). Users search for and silence it: never rename one. */
  rule: DiagnosticId;
  severity: Severity;
  /** File path as the user would type it (relative to the working directory when inside it). */
  file: string;
  /** 1-based line, or null when the problem is the absence of a file. */
  line: number | null;
  /** 1-based column, or null with `line`. */
  column: number | null;
  /** The entity concerned (`A.8.24`, `policy access-control`), or null for file-level problems. */
  entity: string | null;
  /** What is wrong, in one or two sentences. */
  message: string;
  /** How to fix it. */
  hint: string;
  /**
   * The entity the problem is about, as data, so that pages link a diagnostic to its entity
   * without reading `entity`. Null when no entity is concerned: a file that holds no entity
   * Trustbook could read, a folder, the build.
   */
  subject: Subject | null;
}

/** Every diagnostic is one the catalogue describes; the name stays for the code that says so. */
export type CatalogueDiagnostic = Diagnostic;

/** Which entity a diagnostic is about: its collection (or `settings`), its id, and the field when one applies. */
export interface Subject {
  /** A collection name from `model/collections.ts`, or `settings`. */
  collection: string;
  id: string;
  /** The field concerned, as a dotted path (`owners`, `surveillanceAudits.1.done`). */
  field?: string;
}

export interface Position {
  line: number;
  column: number;
}

/** Orders diagnostics by file, then line, then column, then rule: the order every formatter prints. */
export const compareDiagnostics = (a: Diagnostic, b: Diagnostic): number =>
  a.file.localeCompare(b.file, 'en', { numeric: true }) ||
  (a.line ?? 0) - (b.line ?? 0) ||
  (a.column ?? 0) - (b.column ?? 0) ||
  a.rule.localeCompare(b.rule, 'en') ||
  a.message.localeCompare(b.message, 'en');

/**
 * Something a run could not judge because of a problem reported already: a root problem is
 * reported once, and what it hides is listed here rather than as more diagnostics.
 */
export interface NotChecked {
  /** The rule that could not judge everything it covers. */
  rule: DiagnosticId;
  /** What was not checked: `2 references to people`. */
  what: string;
  /** Why, naming the root problems: `content/people/priya-raman.yaml could not be read`. */
  why: string;
  /** The files at the root of it, as in diagnostics. */
  files: string[];
}

export interface Summary {
  /** Errors and warnings reported: root problems, not what they made impossible to check. */
  errors: number;
  warnings: number;
  /** What the run could not check, and why. */
  notChecked: NotChecked[];
  /** How many entities of each collection were checked. */
  checked: Record<string, number>;
  files: number;
  today: string;
}

export const summarise = (diagnostics: readonly Diagnostic[]) => ({
  errors: diagnostics.filter((d) => d.severity === 'error').length,
  warnings: diagnostics.filter((d) => d.severity === 'warning').length,
});
