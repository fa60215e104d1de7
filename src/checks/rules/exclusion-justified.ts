import { at, type Rule } from '../rule.ts';

export const exclusionJustified: Rule = {
  id: 'soa/exclusion-justification',
  description: 'Every excluded control says why it is excluded.',
  check({ model, report }) {
    for (const node of model.controls) {
      const soa = node.soa;
      if (!soa || soa.data.applicable || soa.data.justification?.trim()) continue;
      report(
        at(
          soa,
          ['applicable'],
          this.id,
          'error',
          `${soa.id} "${node.control.title}" is excluded without a justification. An unjustified exclusion is a nonconformity.`,
          'Add `justification:` saying why the control does not apply (for example: no offices or data centres of our own; hosting is with a certified provider).',
        ),
      );
    }
  },
};
