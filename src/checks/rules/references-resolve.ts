import path from 'node:path';
import { displayPath } from '../../load/paths.ts';
import { collections } from '../../model/collections.ts';
import { annexAById, controls2013 } from '../../model/catalog.ts';
import { at, knownIds, type Rule } from '../rule.ts';

export const referencesResolve: Rule = {
  id: 'refs/unresolved',
  description: 'Every id that names another entity or an Annex A control resolves.',
  check({ model, report }) {
    for (const ref of model.references) {
      if (ref.target || ref.control || ref.rejected) continue;
      const noun = collections[ref.from.collection].noun;
      const owner = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${ref.from.id}`;
      if (ref.to === 'annexA') {
        const successors = controls2013[ref.id];
        report(
          at(ref.from, ref.field, this.id, 'error', `${owner} refers to ${ref.id}, which is not an ISO/IEC 27001:2022 Annex A control.`,
            successors ? `${ref.id} is a 2013 control ID; in the 2022 edition it is ${successors.join(' and ')}.` : `Use an ID from Annex A 2022 (${annexAById.size} controls, A.5.1–A.8.34).`),
        );
      } else {
        const target = collections[ref.to];
        report(
          at(ref.from, ref.field, this.id, 'error', `${owner} refers to ${target.noun} "${ref.id}", which does not exist.`,
            `Fix the id or create ${displayPath(path.join(model.root, target.folder, `${ref.id}.${target.format === 'mdx' ? 'mdx' : 'yaml'}`))} — known: ${knownIds(model.index[ref.to].keys())}.`),
        );
      }
    }
  },
};
