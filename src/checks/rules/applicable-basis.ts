import { at, type Rule } from '../rule.ts';

export const applicableBasis: Rule = {
  id: 'soa/basis-required',
  description: 'Every applicable control states the basis for its inclusion.',
  check({ model, report }) {
    for (const node of model.controls) {
      const soa = node.soa;
      if (!soa?.data.applicable || soa.data.basis.length > 0) continue;
      report(
        at(
          soa,
          ['basis'],
          this.id,
          'error',
          `${soa.id} "${node.control.title}" is applicable but does not say why.`,
          'Add `basis:` with one or more of risk-treatment, legal, contractual, business — and a `justification:` in words.',
        ),
      );
    }
  },
};
