import { evidenceDue } from '../../model/dates.ts';
import { PLACEHOLDER_COLLECTED } from '../../model/placeholders.ts';
import { at, type Rule } from '../rule.ts';

export const evidenceFreshness: Rule<'evidence/freshness'> = {
  id: 'evidence/freshness',
  check({ model, today, report }) {
    for (const entry of model.index.evidence.values()) {
      // An undated item is `placeholder/unconfirmed`'s to report: one problem, not two.
      if (entry.data.collected === PLACEHOLDER_COLLECTED) continue;
      const { collected, maxAgeDays, title } = entry.data;
      const { due, daysLeft: left, state } = evidenceDue(entry.data, today);
      if (collected > today) {
        report(at(entry, ['collected'], this.id, `Evidence "${title}" is dated ${collected}, after today (${today}).`, { hint: 'Correct `collected:` to the date the evidence was actually gathered.' }));
      } else if (state === 'stale') {
        report(at(entry, ['collected'], this.id, `Evidence "${title}" went stale on ${due} (${-left} days ago): collected ${collected}, maximum age ${maxAgeDays} days.`));
      } else if (state === 'due-soon') {
        report(at(entry, ['collected'], this.id, `Evidence "${title}" goes stale on ${due}, in ${left} days.`, { severity: 'warning', hint: 'Plan its next collection before then and update `collected:`.' }));
      }
    }
  },
};
