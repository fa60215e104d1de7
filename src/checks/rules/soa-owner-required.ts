import { at, knownIds, type Rule } from '../rule.ts';

export const soaOwnerRequired: Rule<'soa/owner-required'> = {
  id: 'soa/owner-required',
  check({ model, report }) {
    for (const node of model.controls) {
      const soa = node.soa;
      if (!soa?.data.applicable || soa.data.owners.length > 0) continue;
      report(
        at(soa, ['owners'], this.id, `${soa.id} "${node.control.title}" is applicable but has no owner.`, {
          hint: `Add \`owners: [<person id>]\` — people who can own it: ${knownIds([...model.index.people.values()].filter((p) => !p.data.left).map((p) => p.id))}.`,
        }),
      );
    }
  },
};
