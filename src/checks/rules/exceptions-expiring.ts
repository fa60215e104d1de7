import { exceptionStanding } from '../../link/exceptions.ts';
import { at, type Rule } from '../rule.ts';

export const exceptionsExpiring: Rule<'exceptions/expiring'> = {
  id: 'exceptions/expiring',
  check({ model, today, report }) {
    for (const entry of model.index.exceptions.values()) {
      const { state, daysLeft } = exceptionStanding(model, entry, today);
      if (state !== 'expiring') continue;
      const { rule, subject, expires } = entry.data;
      const when = daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
      report(at(entry, ['expires'], this.id, `Exception ${entry.id} expires on ${expires}, ${when}: after that, failures of ${rule} by ${subject.collection} ${subject.id} are errors again.`));
    }
  },
};
