import { exceptionStanding } from '../../link/exceptions.ts';
import { at, type Rule } from '../rule.ts';

export const exceptionsExpired: Rule<'exceptions/expired'> = {
  id: 'exceptions/expired',
  check({ model, today, report }) {
    for (const entry of model.index.exceptions.values()) {
      const { state, daysLeft } = exceptionStanding(model, entry, today);
      if (state !== 'expired') continue;
      const { rule, subject, expires } = entry.data;
      report(at(entry, ['expires'], this.id, `Exception ${entry.id} expired on ${expires} (${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago): failures of ${rule} by ${subject.collection} ${subject.id} are errors again.`));
    }
  },
};
