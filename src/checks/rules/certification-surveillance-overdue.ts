import { at, type Rule } from '../rule.ts';

/** ISO certificates alone have surveillance audits. */
export const certificationSurveillanceOverdue: Rule<'certification/surveillance-overdue'> = {
  id: 'certification/surveillance-overdue',
  check({ model, today, report }) {
    for (const entry of model.index.certifications.values()) {
      const c = entry.data;
      if (c.kind !== 'iso') continue;
      c.surveillanceAudits.forEach((audit, i) => {
        if (audit.done) {
          if (audit.done > today) {
            report(at(entry, ['surveillanceAudits', i, 'done'], this.id, `A surveillance audit of ${c.certificateNumber} is recorded as done on ${audit.done}, after today (${today}).`, { hint: 'Record `done:` once the audit has taken place.' }));
          }
          return;
        }
        if (audit.planned >= today) return;
        report(at(entry, ['surveillanceAudits', i], this.id, `The surveillance audit of ${c.certificateNumber} planned for ${audit.planned} is not recorded as done.`));
      });
    }
  },
};
