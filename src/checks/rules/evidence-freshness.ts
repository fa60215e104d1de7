import { DUE_SOON_DAYS, evidenceDue } from '../../model/dates.ts';
import { at, type Rule } from '../rule.ts';

export const evidenceFreshness: Rule = {
  id: 'evidence/freshness',
  description: `Evidence is younger than its maximum age: stale is an error, due within ${DUE_SOON_DAYS} days a warning.`,
  check({ model, today, report }) {
    for (const entry of model.index.evidence.values()) {
      const { collected, maxAgeDays, title } = entry.data;
      const { due, daysLeft: left, state } = evidenceDue(entry.data, today);
      if (collected > today) {
        report(at(entry, ['collected'], this.id, 'error', `Evidence "${title}" is dated ${collected}, after today (${today}).`, 'Correct `collected:` to the date the evidence was actually gathered.'));
      } else if (state === 'stale') {
        report(
          at(entry, ['collected'], this.id, 'error', `Evidence "${title}" went stale on ${due} (${-left} days ago): collected ${collected}, maximum age ${maxAgeDays} days.`, 'Collect it again and update `collected:` (and `location:` if the record moved).'),
        );
      } else if (state === 'due-soon') {
        report(
          at(entry, ['collected'], this.id, 'warning', `Evidence "${title}" goes stale on ${due}, in ${left} days.`, 'Plan its next collection before then and update `collected:`.'),
        );
      }
    }
  },
};
