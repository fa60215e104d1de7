import { collections, publicReferenceFields } from '../../model/collections.ts';
import { isPublicEntry } from '../../link/linker.ts';
import { at, type Rule } from '../rule.ts';

export const visibilityPublicCitesInternal: Rule<'visibility/public-cites-internal'> = {
  id: 'visibility/public-cites-internal',
  check({ model, report }) {
    for (const ref of model.references) {
      if (!ref.target || !isPublicEntry(ref.from) || isPublicEntry(ref.target)) continue;
      if (!publicReferenceFields.some((f) => f.from === ref.from.collection && f.field === ref.field[0])) continue;
      const from = collections[ref.from.collection].noun;
      const to = collections[ref.target.collection].noun;
      report(
        at(ref.from, ref.field, this.id, `Public ${from} ${ref.from.id} cites internal ${to} "${ref.id}"; on the trust center that would be a dead link to something customers cannot read.`, {
          hint: `Publish the ${to} (\`visibility: public\`) if customers may read it, or stop citing it here.`,
        }),
      );
    }
  },
};
