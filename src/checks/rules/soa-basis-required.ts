import { at, type Rule } from '../rule.ts';

export const soaBasisRequired: Rule<'soa/basis-required'> = {
  id: 'soa/basis-required',
  check({ model, report }) {
    for (const node of model.controls) {
      const soa = node.soa;
      if (!soa?.data.applicable || soa.data.basis.length > 0) continue;
      report(at(soa, ['basis'], this.id, `${soa.id} "${node.control.title}" is applicable but does not say why.`));
    }
  },
};
