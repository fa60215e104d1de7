import { at, type Rule } from '../rule.ts';

export const soaStatusConsistent: Rule<'soa/status-consistent'> = {
  id: 'soa/status-consistent',
  check({ model, report }) {
    for (const node of model.controls) {
      const soa = node.soa;
      if (!soa) continue;
      const { applicable, status, targetDate } = soa.data;
      const name = `${soa.id} "${node.control.title}"`;
      if (applicable && !status) {
        report(at(soa, ['applicable'], this.id, `${name} is applicable but has no implementation status.`, { hint: 'Add `status:` — implemented, partial, planned (with `targetDate:`) or not-implemented.' }));
      } else if (!applicable && status && status !== 'not-implemented') {
        report(at(soa, ['status'], this.id, `${name} is excluded but marked ${status}.`, { hint: 'An excluded control is not implemented in the ISMS: remove `status:`, or make the control applicable.' }));
      } else if (status === 'planned' && !targetDate) {
        report(at(soa, ['status'], this.id, `${name} is planned but has no target date.`, { hint: 'Add `targetDate: YYYY-MM-DD`, the date by which it will be implemented.' }));
      }
    }
  },
};
