import { DUE_SOON_DAYS, reviewDue } from '../../model/dates.ts';
import { at, type Rule } from '../rule.ts';

export const policyReview: Rule = {
  id: 'policy/review-due',
  description: `Policies are reviewed on time: overdue is an error, due within ${DUE_SOON_DAYS} days a warning.`,
  check({ model, today, report }) {
    for (const entry of model.index.policies.values()) {
      const { nextReview, title, effective, approved } = entry.data;
      const { daysLeft: left, state } = reviewDue(entry.data, today);
      if (effective < approved) {
        report(at(entry, ['effective'], this.id, 'error', `Policy "${title}" takes effect on ${effective}, before it was approved on ${approved}.`, 'A policy takes effect on or after its approval: correct `effective:` or `approved:`.'));
      }
      if (state === 'stale') {
        report(at(entry, ['nextReview'], this.id, 'error', `Policy "${title}" was due for review on ${nextReview} (${-left} days ago).`, 'Review it with its owner, record the approval (`version:`, `approved:`, `effective:`) and set the next `nextReview:`.'));
      } else if (state === 'due-soon') {
        report(at(entry, ['nextReview'], this.id, 'warning', `Policy "${title}" is due for review on ${nextReview}, in ${left} days.`, 'Schedule the review with its owner and approver.'));
      }
    }
  },
};
