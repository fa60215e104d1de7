import { collections } from '../../model/collections.ts';
import { at, type Rule } from '../rule.ts';

export const ownerHasLeft: Rule = {
  id: 'people/owner-has-left',
  description: 'Nobody who has left the organisation owns or approves anything.',
  check({ model, report }) {
    for (const ref of model.references) {
      if (ref.to !== 'people' || !ref.target) continue;
      const left = (ref.target.data as { left?: string }).left;
      if (!left) continue;
      const role = ref.field[0] === 'approver' ? 'approver' : 'owner';
      const person = ref.target.data as { name: string };
      report(
        at(
          ref.from,
          ref.field,
          this.id,
          'error',
          `${person.name} (${ref.id}) left on ${left} but is still the ${role} of ${collections[ref.from.collection].noun} ${ref.from.id}.`,
          `Hand it to someone who is here: replace \`${ref.id}\` with the id of the new ${role}.`,
        ),
      );
    }
  },
};
