import { describeCertification, validityOf } from '../../model/certification-kinds.ts';
import { CERTIFICATE_WARNING_DAYS, daysBetween } from '../../model/dates.ts';
import { at, type Rule } from '../rule.ts';

/** Every kind with dates: certificates and attestations by their expiry; SOC reports only for a date in the future (their age is `certification/report-stale`'s). */
export const certificationValidity: Rule<'certification/validity'> = {
  id: 'certification/validity',
  check({ model, today, report }) {
    for (const entry of model.index.certifications.values()) {
      const { issued, expires } = validityOf(entry.data);
      const name = describeCertification(entry.data);
      const left = expires ? daysBetween(today, expires.date) : Infinity;
      if (expires && expires.date <= issued.date) {
        report(at(entry, expires.field, this.id, `The ${name} expires (${expires.date}) before it was issued (${issued.date}).`, { hint: 'Copy both dates from the certificate.' }));
      } else if (issued.date > today) {
        report(at(entry, issued.field, this.id, `The ${name} is dated ${issued.date}, after today (${today}).`, { hint: 'Publish a certificate once it has been issued; correct the date if it was mistyped.' }));
      } else if (expires && left < 0) {
        report(at(entry, expires.field, this.id, `The ${name} expired on ${expires.date}.`));
      } else if (expires && left <= CERTIFICATE_WARNING_DAYS) {
        report(at(entry, expires.field, this.id, `The ${name} expires on ${expires.date}, in ${left} days.`, { severity: 'warning', hint: 'Make sure the renewal audit or assessment is booked; enter the new certificate when it is issued.' }));
      }
    }
  },
};
