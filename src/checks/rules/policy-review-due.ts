import { reviewDue } from '../../model/dates.ts';
import { at, type Rule } from '../rule.ts';

export const policyReviewDue: Rule<'policy/review-due'> = {
  id: 'policy/review-due',
  check({ model, today, report }) {
    for (const entry of model.index.policies.values()) {
      const { nextReview, title, effective, approved } = entry.data;
      const { daysLeft: left, state } = reviewDue(entry.data, today);
      if (effective < approved) {
        report(at(entry, ['effective'], this.id, `Policy "${title}" takes effect on ${effective}, before it was approved on ${approved}.`, { hint: 'A policy takes effect on or after its approval: correct `effective:` or `approved:`.' }));
      }
      if (state === 'stale') {
        report(at(entry, ['nextReview'], this.id, `Policy "${title}" was due for review on ${nextReview} (${-left} days ago).`));
      } else if (state === 'due-soon') {
        report(at(entry, ['nextReview'], this.id, `Policy "${title}" is due for review on ${nextReview}, in ${left} days.`, { severity: 'warning', hint: 'Schedule the review with its owner and approver.' }));
      }
    }
  },
};
