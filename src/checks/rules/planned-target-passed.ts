import { at, type Rule } from '../rule.ts';

export const plannedTargetPassed: Rule = {
  id: 'soa/target-date-passed',
  description: 'A planned control whose target date has passed is flagged.',
  check({ model, today, report }) {
    for (const node of model.controls) {
      const soa = node.soa;
      if (!soa || soa.data.status !== 'planned' || !soa.data.targetDate || soa.data.targetDate >= today) continue;
      report(
        at(
          soa,
          ['targetDate'],
          this.id,
          'error',
          `${soa.id} "${node.control.title}" was planned for ${soa.data.targetDate} and is still not implemented.`,
          'Update `status:` if it is now implemented (and add its evidence), or agree a new `targetDate:` and record why it slipped in `notes:`.',
        ),
      );
    }
  },
};
