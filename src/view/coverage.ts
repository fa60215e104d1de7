/** What the organisation's documents and controls cover: clauses 4–10, and other frameworks' IDs. */
import { clauseList, frameworkTitle, knownFrameworks, type Clause } from '../model/catalog.ts';
import { clauseAnchor, controlPath, frameworkPath, policyPath } from './urls.ts';
import type { InternalView } from './view.ts';

export interface ClauseRow extends Clause {
  anchor: string;
  /** The policies that declare the clause or a clause above it. */
  answeredBy: { title: string; href: string }[];
}

export interface ClauseCoverage {
  rows: ClauseRow[];
  /** Requirements (clauses without sub-clauses) in all, and how many a document answers. */
  requirements: number;
  answered: number;
}

export function clauseCoverage(model: InternalView): ClauseCoverage {
  const policies = [...model.index.policies.values()];
  // A policy that declares clause 6.1 answers its sub-clauses too.
  const rows = clauseList.map((clause) => ({
    ...clause,
    anchor: clauseAnchor(clause.id),
    answeredBy: policies.filter((p) => p.data.clauses.some((c) => clause.id === c || clause.id.startsWith(`${c}.`))).map((p) => ({ title: p.data.title, href: policyPath(p.id) })),
  }));
  const leaves = rows.filter((c) => c.leaf);
  return { rows, requirements: leaves.length, answered: leaves.filter((c) => c.answeredBy.length > 0).length };
}

export interface FrameworkCoverage {
  key: string;
  title: string;
  href: string;
  /** How many IDs the framework has, when Trustbook knows them. */
  known?: number;
  /** Known IDs no control covers. */
  uncovered?: string[];
  /** Each mapped ID, in natural order, with the organisation controls that cover it and their Annex A controls. */
  ids: { id: string; controls: { id: string; title: string }[]; annexA: { id: string; href: string }[] }[];
}

const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function frameworkCoverage(model: InternalView): { controls: number; frameworks: FrameworkCoverage[] } {
  const controls = [...model.index.controls.values()];
  const frameworks = new Map<string, Map<string, typeof controls>>();
  for (const control of controls) {
    for (const [framework, ids] of Object.entries(control.data.mappings)) {
      const byId = frameworks.get(framework) ?? new Map<string, typeof controls>();
      for (const id of ids) byId.set(id, [...(byId.get(id) ?? []), control]);
      frameworks.set(framework, byId);
    }
  }
  return {
    controls: controls.length,
    frameworks: [...frameworks.entries()]
      .sort(([a], [b]) => natural(a, b))
      .map(([key, byId]): FrameworkCoverage => {
        const known = knownFrameworks[key];
        return {
          key,
          title: frameworkTitle(key),
          href: frameworkPath(key),
          ...(known ? { known: known.ids.length, uncovered: known.ids.filter((id) => !byId.has(id)) } : {}),
          ids: [...byId.entries()]
            .sort(([a], [b]) => natural(a, b))
            .map(([id, covering]) => ({
              id,
              controls: covering.map((c) => ({ id: c.id, title: c.data.title })),
              annexA: [...new Set(covering.flatMap((c) => c.data.annexA))].sort(natural).map((a) => ({ id: a, href: controlPath(a) })),
            })),
        };
      }),
  };
}
