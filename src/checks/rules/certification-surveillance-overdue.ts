import { at, type Rule } from '../rule.ts';

export const certificationSurveillanceOverdue: Rule<'certification/surveillance-overdue'> = {
  id: 'certification/surveillance-overdue',
  check({ model, today, report }) {
    for (const entry of model.index.certifications.values()) {
      entry.data.surveillanceAudits.forEach((audit, i) => {
        if (audit.done) {
          if (audit.done > today) {
            report(at(entry, ['surveillanceAudits', i, 'done'], this.id, `A surveillance audit of ${entry.data.certificateNumber} is recorded as done on ${audit.done}, after today (${today}).`, { hint: 'Record `done:` once the audit has taken place.' }));
          }
          return;
        }
        if (audit.planned >= today) return;
        report(at(entry, ['surveillanceAudits', i], this.id, `The surveillance audit of ${entry.data.certificateNumber} planned for ${audit.planned} is not recorded as done.`));
      });
    }
  },
};
