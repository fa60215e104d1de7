import { collections } from '../../model/collections.ts';
import { at, type Rule } from '../rule.ts';

export const peopleOwnerHasLeft: Rule<'people/owner-has-left'> = {
  id: 'people/owner-has-left',
  check({ model, today, report }) {
    for (const ref of model.references) {
      // An exception's approver who left is exceptions/approver-left's to report: it voids the exception.
      if (ref.to !== 'people' || !ref.target || ref.from.collection === 'exceptions') continue;
      const left = (ref.target.data as { left?: string }).left;
      if (!left) continue;
      const role = ref.field[0] === 'approver' ? 'approver' : 'owner';
      const person = ref.target.data as { name: string };
      const noun = `${collections[ref.from.collection].noun} ${ref.from.id}`;
      report(
        left > today
          ? at(ref.from, ref.field, this.id, `${person.name} (${ref.id}) leaves on ${left} and is the ${role} of ${noun}.`, { severity: 'warning', hint: `Hand it over before ${left}: replace \`${ref.id}\` with the id of the new ${role}.` })
          : at(ref.from, ref.field, this.id, `${person.name} (${ref.id}) left on ${left} but is still the ${role} of ${noun}.`, { hint: `Hand it to someone who is here: replace \`${ref.id}\` with the id of the new ${role}.` }),
      );
    }
  },
};
