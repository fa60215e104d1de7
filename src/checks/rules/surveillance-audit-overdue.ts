import { at, type Rule } from '../rule.ts';

export const surveillanceAuditOverdue: Rule = {
  id: 'certification/surveillance-overdue',
  description: 'A surveillance audit whose planned date has passed is recorded as done.',
  check({ model, today, report }) {
    for (const entry of model.index.certifications.values()) {
      entry.data.surveillanceAudits.forEach((audit, i) => {
        if (audit.done) {
          if (audit.done > today) {
            report(at(entry, ['surveillanceAudits', i, 'done'], this.id, 'error', `A surveillance audit of ${entry.data.certificateNumber} is recorded as done on ${audit.done}, after today (${today}).`, 'Record `done:` once the audit has taken place.'));
          }
          return;
        }
        if (audit.planned >= today) return;
        report(
          at(entry, ['surveillanceAudits', i], this.id, 'error', `The surveillance audit of ${entry.data.certificateNumber} planned for ${audit.planned} is not recorded as done.`,
            'Add `done: YYYY-MM-DD` if it took place; if it was moved, update `planned:`. A missed surveillance audit puts the certificate at risk of suspension.'),
        );
      });
    }
  },
};
