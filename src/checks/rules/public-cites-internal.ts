import { collections } from '../../model/collections.ts';
import { publicReferenceFields } from '../../model/collections.ts';
import { at, type Rule } from '../rule.ts';

export const publicCitesInternal: Rule = {
  id: 'visibility/public-cites-internal',
  description: 'Public content never points at internal entities.',
  check({ model, report }) {
    for (const ref of model.references) {
      if (!ref.target || ref.from.data.visibility !== 'public' || ref.target.data.visibility === 'public') continue;
      if (!publicReferenceFields.some((f) => f.from === ref.from.collection && f.field === ref.field[0])) continue;
      const from = collections[ref.from.collection].noun;
      const to = collections[ref.to as keyof typeof collections].noun;
      report(
        at(ref.from, ref.field, this.id, 'error', `Public ${from} ${ref.from.id} cites internal ${to} "${ref.id}"; on the trust center that would be a dead link to something customers cannot read.`,
          `Publish the ${to} (\`visibility: public\`) if customers may read it, or stop citing it here.`),
      );
    }
  },
};
