import { certificationName, isSocReport, socReport, SOC_AGEING_MONTHS, SOC_STALE_MONTHS } from '../../model/certification-kinds.ts';
import { at, type Rule } from '../rule.ts';

/**
 * A SOC report is judged by the time since its period ended (a Type I by its date): a warning
 * past 9 months, an error past 12 unless a bridge letter covers today, and a warning when only a
 * bridge letter keeps a report older than 12 months in use.
 */
export const certificationReportStale: Rule<'certification/report-stale'> = {
  id: 'certification/report-stale',
  check({ model, today, report }) {
    for (const entry of model.index.certifications.values()) {
      const c = entry.data;
      if (!isSocReport(c)) continue;
      const age = socReport(c, today);
      const name = certificationName(c);
      const ended = c.period ? `whose period ended on ${age.end.date}` : `dated ${age.end.date}`;
      if (age.state === 'ageing') {
        report(at(entry, age.end.field, this.id, `The ${name} report ${ended} is more than ${SOC_AGEING_MONTHS} months old; from ${age.staleFrom} it is stale.`, { severity: 'warning', hint: 'Schedule the next examination, and ask the auditor for a bridge letter (`bridgeLetter: { issued, through }`) if the new report will come later.' }));
      } else if (age.state === 'stale') {
        const lapsed = c.bridgeLetter ? ` Its bridge letter covered only up to ${c.bridgeLetter.through}.` : '';
        report(at(entry, c.bridgeLetter ? ['bridgeLetter', 'through'] : age.end.field, this.id, `The ${name} report ${ended} is more than ${SOC_STALE_MONTHS} months old and no bridge letter covers today (${today}).${lapsed}`));
      } else if (age.state === 'bridged' && today > age.staleFrom) {
        report(at(entry, ['bridgeLetter', 'through'], this.id, `The ${name} report ${ended} is more than ${SOC_STALE_MONTHS} months old; only its bridge letter, up to ${c.bridgeLetter!.through}, keeps it in use.`, { severity: 'warning', hint: 'Enter the new report when it is issued; customers accept a bridge letter for a few months at most.' }));
      }
    }
  },
};
