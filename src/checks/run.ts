/**
 * load → link → check, in one call. Every rule runs even when loading found problems, so that
 * one run reports everything it can; each runs in a guard of its own, so that a rule that fails
 * is one diagnostic and the others still run. What a root problem makes impossible to judge is
 * listed as not checked rather than reported again.
 */
import { loadContent } from '../load/loader.ts';
import { readPublished, type PublishedList } from '../load/published.ts';
import { displayPath } from '../load/paths.ts';
import { link, type Model } from '../link/linker.ts';
import { collectionNames } from '../model/collections.ts';
import { compareDiagnostics, summarise, type CatalogueDiagnostic, type NotChecked, type Summary } from '../diagnostics/diagnostic.ts';
import { entryOf, isDiagnosticId, problem } from '../diagnostics/catalogue.ts';
import { resolveToday } from '../model/dates.ts';
import { rules as allRules } from './rules/index.ts';
import { at, type Rule } from './rule.ts';
import { coversSubject, exceptionStanding } from '../link/exceptions.ts';
import type { Entry } from '../load/loader.ts';

export interface CheckResult {
  model: Model;
  today: string;
  diagnostics: CatalogueDiagnostic[];
  summary: Summary;
}

export interface Checked {
  /** Every problem, loading problems included, in the order formatters print them. */
  diagnostics: CatalogueDiagnostic[];
  /** What could not be checked because of a problem reported already. */
  notChecked: NotChecked[];
}

/** Runs the rules on a model. A content folder that does not exist is its one problem: no rule runs. */
export function runChecks(model: Model, today: string, rules: readonly Rule[] = allRules, published?: PublishedList): Checked {
  const diagnostics: CatalogueDiagnostic[] = [...model.loadDiagnostics];
  const notChecked: NotChecked[] = [];
  if (!model.found) return { diagnostics, notChecked };
  for (const rule of rules) {
    const context = {
      model,
      today,
      report: (d: CatalogueDiagnostic) => diagnostics.push(d),
      notChecked: (item: Omit<NotChecked, 'rule'>) => notChecked.push({ rule: rule.id, ...item }),
      published,
    };
    try {
      rule.check(context);
    } catch (error) {
      diagnostics.push(ruleFailed(rule, error, model));
      notChecked.push({ rule: rule.id, what: `what ${rule.id} checks`, why: 'the rule stopped with an error (checks/failed)', files: [] });
    }
  }
  // A rule that could not judge everything may have missed what an exception covers: not "unused".
  const judged = new Set(rules.map((r) => r.id).filter((id) => !notChecked.some((n) => n.rule === id)));
  const inForce = [...model.index.exceptions.values()].filter((e) => exceptionStanding(model, e, today).inForce);
  return { diagnostics: applyExceptions(diagnostics, inForce, judged).sort(compareDiagnostics), notChecked };
}

/**
 * What the exceptions in force make of a run's diagnostics. A problem of a rule that an exception
 * covers — same rule, same entity — is reported as a warning that names the exception and its expiry,
 * so the build passes without anyone backdating evidence, and the gap stays in plain sight. An
 * exception whose rule ran in full and found nothing to accept is reported as unused, so that it is
 * deleted before it quietly accepts the next failure. Pure: the diagnostics given are not changed.
 */
export function applyExceptions(diagnostics: readonly CatalogueDiagnostic[], inForce: readonly Entry<'exceptions'>[], judged: ReadonlySet<string>): CatalogueDiagnostic[] {
  const used = new Set<Entry<'exceptions'>>();
  const result = diagnostics.map((d) => {
    if (!isDiagnosticId(d.rule) || entryOf(d.rule).kind !== 'rule' || d.rule.startsWith('exceptions/')) return d;
    const exception = inForce.find((e) => e.data.rule === d.rule && coversSubject(e, d.subject));
    if (!exception) return d;
    used.add(exception);
    return { ...d, severity: 'warning' as const, message: `${d.message} Accepted by exception ${exception.id} until ${exception.data.expires}.` };
  });
  for (const exception of inForce) {
    const { rule, subject, expires } = exception.data;
    if (used.has(exception) || !judged.has(rule)) continue;
    result.push(at(exception, [], 'exceptions/unused', `Exception ${exception.id} accepts failures of ${rule} by ${subject.collection} ${subject.id} until ${expires}, but there are none.`));
  }
  return result;
}

/** The diagnostics of a model, as pages show them. */
export function runRules(model: Model, today: string, rules: readonly Rule[] = allRules): CatalogueDiagnostic[] {
  return runChecks(model, today, rules).diagnostics;
}

/** A rule that threw, as one diagnostic: which rule, and what went wrong in one line, never a stack trace. */
function ruleFailed(rule: Rule, error: unknown, model: Model): CatalogueDiagnostic {
  let reason: string;
  try {
    reason = error instanceof Error ? error.message : String(error);
  } catch {
    reason = 'an error that cannot be shown';
  }
  reason = (reason.split('\n')[0] ?? '').trim().replace(/\.$/, '') || 'no message';
  return problem('checks/failed', { file: displayPath(model.root) || '.', line: null, column: null, entity: null, subject: null }, `The rule ${rule.id} stopped with an error, so what it checks was not checked: ${reason}.`);
}

export interface CheckOptions {
  /** Content folder. */
  content: string;
  /** `YYYY-MM-DD` from `--today` or `TRUSTBOOK_TODAY`; wins over the settings' pinned date. */
  today?: string | undefined;
  /**
   * A trust.json as last published, whose addresses must still be served (`published/removed`).
   * `required`: a missing file is an error (given with `--published`), else it means nothing was published yet.
   */
  published?: { file: string; required: boolean } | undefined;
}

export function checkContent({ content, today: requested, published: given }: CheckOptions): CheckResult {
  const model = link(loadContent(content));
  const today = resolveToday(requested, model.settings?.today);
  const read = given ? readPublished(given.file) : undefined;
  const { diagnostics, notChecked } = runChecks(model, today, allRules, read?.ok ? read : undefined);
  if (read && !read.ok && (given!.required || !read.missing)) diagnostics.push(read.diagnostic);
  diagnostics.sort(compareDiagnostics);
  const checked = Object.fromEntries(collectionNames.map((c) => [c, model.entries[c].length]));
  return { model, today, diagnostics, summary: { ...summarise(diagnostics), notChecked, checked, files: model.files, today } };
}
