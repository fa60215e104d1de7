import { at, type Rule } from '../rule.ts';

export const soaExclusionJustification: Rule<'soa/exclusion-justification'> = {
  id: 'soa/exclusion-justification',
  check({ model, report }) {
    for (const node of model.controls) {
      const soa = node.soa;
      if (!soa || soa.data.applicable || soa.data.justification?.trim()) continue;
      report(at(soa, ['applicable'], this.id, `${soa.id} "${node.control.title}" is excluded without a justification. An unjustified exclusion is a nonconformity.`));
    }
  },
};
