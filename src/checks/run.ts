/**
 * load → link → check, in one call. Every rule runs even when loading found problems,
 * so that one run reports everything it can.
 */
import { loadContent } from '../load/loader.ts';
import { link, type Model } from '../link/linker.ts';
import { collectionNames } from '../model/collections.ts';
import { compareDiagnostics, summarise, type Diagnostic, type Summary } from '../diagnostics/diagnostic.ts';
import { resolveToday } from '../model/dates.ts';
import { rules as allRules } from './rules/index.ts';
import type { Rule } from './rule.ts';

export interface CheckResult {
  model: Model;
  today: string;
  diagnostics: Diagnostic[];
  summary: Summary;
}

export function runRules(model: Model, today: string, rules: readonly Rule[] = allRules): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...model.loadDiagnostics];
  for (const rule of rules) rule.check({ model, today, report: (d) => diagnostics.push(d) });
  return diagnostics.sort(compareDiagnostics);
}

export interface CheckOptions {
  /** Content folder. */
  content: string;
  /** `YYYY-MM-DD` from `--today` or `TRUSTBOOK_TODAY`; wins over the settings' pinned date. */
  today?: string | undefined;
}

export function checkContent({ content, today: requested }: CheckOptions): CheckResult {
  const model = link(loadContent(content));
  const today = resolveToday(requested, model.settings?.today);
  const diagnostics = runRules(model, today);
  const checked = Object.fromEntries(collectionNames.map((c) => [c, model.entries[c].length]));
  return { model, today, diagnostics, summary: { ...summarise(diagnostics), checked, files: model.files, today } };
}
