import { collections } from '../../model/collections.ts';
import { at, type Rule } from '../rule.ts';

export const ownerHasLeft: Rule = {
  id: 'people/owner-has-left',
  description: 'Nobody who has left the organisation owns or approves anything; someone about to leave is a warning.',
  check({ model, today, report }) {
    for (const ref of model.references) {
      if (ref.to !== 'people' || !ref.target) continue;
      const left = (ref.target.data as { left?: string }).left;
      if (!left) continue;
      const role = ref.field[0] === 'approver' ? 'approver' : 'owner';
      const person = ref.target.data as { name: string };
      const noun = `${collections[ref.from.collection].noun} ${ref.from.id}`;
      report(
        left > today
          ? at(ref.from, ref.field, this.id, 'warning', `${person.name} (${ref.id}) leaves on ${left} and is the ${role} of ${noun}.`, `Hand it over before ${left}: replace \`${ref.id}\` with the id of the new ${role}.`)
          : at(ref.from, ref.field, this.id, 'error', `${person.name} (${ref.id}) left on ${left} but is still the ${role} of ${noun}.`, `Hand it to someone who is here: replace \`${ref.id}\` with the id of the new ${role}.`),
      );
    }
  },
};
