import path from 'node:path';
import { displayPath } from '../../load/paths.ts';
import { collections, pluralOf, type CollectionName } from '../../model/collections.ts';
import { annexAById, controls2013 } from '../../model/catalog.ts';
import { at, describeUnread, knownIds, lookup, type Rule } from '../rule.ts';

export const refsUnresolved: Rule<'refs/unresolved'> = {
  id: 'refs/unresolved',
  check({ model, report, notChecked }) {
    const unjudged = new Map<CollectionName, number>();
    for (const ref of model.references) {
      if (ref.target || ref.control) continue;
      // The id may be in a file that could not be read: that file's problem is the one to fix first.
      if (ref.unjudged && ref.to !== 'annexA') {
        unjudged.set(ref.to, (unjudged.get(ref.to) ?? 0) + 1);
        continue;
      }
      if (ref.rejected) continue;
      const noun = collections[ref.from.collection].noun;
      const owner = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${ref.from.id}`;
      if (ref.to === 'annexA') {
        const successors = lookup(controls2013, ref.id);
        report(
          at(ref.from, ref.field, this.id, `${owner} refers to ${ref.id}, which is not an ISO/IEC 27001:2022 Annex A control.`, {
            hint: successors ? `${ref.id} is a 2013 control ID; in the 2022 edition it is ${successors.join(' and ')}.` : `Use an ID from Annex A 2022 (${annexAById.size} controls, A.5.1–A.8.34).`,
          }),
        );
      } else {
        const target = collections[ref.to];
        report(
          at(ref.from, ref.field, this.id, `${owner} refers to ${target.noun} "${ref.id}", which does not exist.`, {
            hint: `Fix the id or create ${displayPath(path.join(model.root, target.folder, `${ref.id}.${target.format === 'mdx' ? 'mdx' : 'yaml'}`))} — known: ${knownIds(model.index[ref.to].keys())}.`,
          }),
        );
      }
    }
    for (const [collection, count] of unjudged) {
      const unread = model.unread[collection];
      notChecked({ what: `${count} reference${count === 1 ? '' : 's'} to ${pluralOf(collections[collection].noun)}`, why: describeUnread(unread), files: unread.map((u) => u.file) });
    }
  },
};
