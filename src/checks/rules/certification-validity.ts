import { CERTIFICATE_WARNING_DAYS, daysBetween } from '../../model/dates.ts';
import { at, type Rule } from '../rule.ts';

export const certificationValidity: Rule<'certification/validity'> = {
  id: 'certification/validity',
  check({ model, today, report }) {
    for (const entry of model.index.certifications.values()) {
      const { issued, expires, standard, edition, certificateNumber } = entry.data;
      const name = `${standard}:${edition} certificate ${certificateNumber}`;
      const left = daysBetween(today, expires);
      if (expires <= issued) {
        report(at(entry, ['expires'], this.id, `The ${name} expires (${expires}) before it was issued (${issued}).`, { hint: 'Copy both dates from the certificate.' }));
      } else if (issued > today) {
        report(at(entry, ['issued'], this.id, `The ${name} is dated ${issued}, after today (${today}).`, { hint: 'Publish a certificate once it has been issued; correct `issued:` if it was mistyped.' }));
      } else if (left < 0) {
        report(at(entry, ['expires'], this.id, `The ${name} expired on ${expires}.`));
      } else if (left <= CERTIFICATE_WARNING_DAYS) {
        report(at(entry, ['expires'], this.id, `The ${name} expires on ${expires}, in ${left} days.`, { severity: 'warning', hint: 'Make sure the recertification audit is booked; enter the new certificate when it is issued.' }));
      }
    }
  },
};
