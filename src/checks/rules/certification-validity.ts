import { CERTIFICATE_WARNING_DAYS, daysBetween } from '../../model/dates.ts';
import { at, type Rule } from '../rule.ts';

export const certificationValidity: Rule = {
  id: 'certification/validity',
  description: `Certificates are valid: expired is an error, expiring within ${CERTIFICATE_WARNING_DAYS} days a warning.`,
  check({ model, today, report }) {
    for (const entry of model.index.certifications.values()) {
      const { issued, expires, standard, edition, certificateNumber } = entry.data;
      const name = `${standard}:${edition} certificate ${certificateNumber}`;
      const left = daysBetween(today, expires);
      if (expires <= issued) {
        report(at(entry, ['expires'], this.id, 'error', `The ${name} expires (${expires}) before it was issued (${issued}).`, 'Copy both dates from the certificate.'));
      } else if (issued > today) {
        report(at(entry, ['issued'], this.id, 'error', `The ${name} is dated ${issued}, after today (${today}).`, 'Publish a certificate once it has been issued; correct `issued:` if it was mistyped.'));
      } else if (left < 0) {
        report(at(entry, ['expires'], this.id, 'error', `The ${name} expired on ${expires}.`, 'Enter the renewed certificate (number, `issued:`, `expires:`), or remove the certification so that the trust center stops claiming it.'));
      } else if (left <= CERTIFICATE_WARNING_DAYS) {
        report(at(entry, ['expires'], this.id, 'warning', `The ${name} expires on ${expires}, in ${left} days.`, 'Make sure the recertification audit is booked; enter the new certificate when it is issued.'));
      }
    }
  },
};
