import { collections } from '../../model/collections.ts';
import type { Entry } from '../../load/loader.ts';
import { at, type Rule } from '../rule.ts';

/** Collections whose entities have `aliases`: old ids whose public addresses redirect to the current page. */
const aliased = ['policies', 'answers'] as const;

export const modelAliasConflict: Rule<'model/alias-conflict'> = {
  id: 'model/alias-conflict',
  check({ model, report }) {
    for (const collection of aliased) {
      const noun = collections[collection].noun;
      const claimed = new Map<string, Entry>();
      for (const entry of model.index[collection].values() as Iterable<Entry<typeof collection>>) {
        entry.data.aliases.forEach((alias, i) => {
          const field = ['aliases', i] as const;
          if (alias === entry.id) {
            report(at(entry, field, this.id, `The ${noun} ${entry.id} lists its own id as an alias; its page would redirect to itself.`, { hint: 'Remove the alias: aliases are the ids the entity had before it was renamed.' }));
            return;
          }
          const current = model.index[collection].get(alias);
          if (current) {
            report(
              at(entry, field, this.id, `The alias \`${alias}\` of ${noun} ${entry.id} is the id of another ${noun} (${current.file}:${current.position.line}); its page would be replaced by a redirect to ${entry.id}.`, {
                hint: `Remove the alias, or rename the other ${noun}: an id can be either a page or a redirect, not both.`,
              }),
            );
            return;
          }
          const first = claimed.get(alias);
          if (first) {
            report(
              at(entry, field, this.id, first === entry ? `The ${noun} ${entry.id} lists the alias \`${alias}\` twice.` : `The alias \`${alias}\` is claimed by two ${noun === 'policy' ? 'policies' : `${noun}s`}: ${first.id} and ${entry.id}.`, {
                hint: first === entry ? 'Keep one.' : `An old address can redirect to one page only: keep the alias on the ${noun} that took over the old one.`,
              }),
            );
            return;
          }
          claimed.set(alias, entry);
        });
      }
    }
  },
};
