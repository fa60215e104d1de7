/**
 * `soa/undecided`: SoA entries that do not yet say whether their control applies, as
 * `trustbook init` writes them. A few are reported each at its file; many are one problem with
 * a count per theme, so that a new SoA reads as one to-do item rather than 93.
 */
import path from 'node:path';
import { displayPath } from '../../load/paths.ts';
import { collections } from '../../model/collections.ts';
import { annexAById, themes } from '../../model/catalog.ts';
import { problem } from '../../diagnostics/catalogue.ts';
import { at, type Rule } from '../rule.ts';

/** Up to this many undecided controls are reported one by one. */
const ONE_BY_ONE = 5;

export const soaUndecided: Rule<'soa/undecided'> = {
  id: 'soa/undecided',
  check({ model, report }) {
    const undecided = model.undecided;
    if (undecided.length === 0) return;
    if (undecided.length <= ONE_BY_ONE) {
      for (const entry of undecided) report(at(entry, [], this.id, `${entry.id} "${annexAById.get(entry.id)?.title ?? entry.id}" does not say yet whether it applies.`));
      return;
    }
    const byTheme = themes
      .map((theme) => ({ theme, ids: undecided.filter((e) => annexAById.get(e.id)?.theme === theme.id).map((e) => e.id) }))
      .filter((t) => t.ids.length > 0)
      .map((t) => `${t.ids.length} ${t.theme.title.toLowerCase()} (${t.ids.length > 2 ? `${t.ids[0]} … ${t.ids.at(-1)}` : t.ids.join(', ')})`);
    const folder = `${displayPath(path.join(model.root, collections.soa.folder))}/`;
    report(
      problem(this.id, { file: folder, line: null, column: null, entity: null, subject: null }, `${undecided.length} controls need a decision: ${byTheme.join('; ')}. Each SoA entry must say whether its control applies.`),
    );
  },
};
