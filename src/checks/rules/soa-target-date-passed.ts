import { at, type Rule } from '../rule.ts';

export const soaTargetDatePassed: Rule<'soa/target-date-passed'> = {
  id: 'soa/target-date-passed',
  check({ model, today, report }) {
    for (const node of model.controls) {
      const soa = node.soa;
      if (!soa || soa.data.status !== 'planned' || !soa.data.targetDate || soa.data.targetDate >= today) continue;
      report(at(soa, ['targetDate'], this.id, `${soa.id} "${node.control.title}" was planned for ${soa.data.targetDate} and is still not implemented.`));
    }
  },
};
