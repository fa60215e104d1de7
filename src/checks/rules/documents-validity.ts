import { daysBetween, DUE_SOON_DAYS } from '../../model/dates.ts';
import { at, type Rule } from '../rule.ts';

/** A document past its `validUntil` (an insurance certificate, a pen-test summary) is an error; one in its last 30 days a warning. */
export const documentsValidity: Rule<'documents/validity'> = {
  id: 'documents/validity',
  check({ model, today, report }) {
    for (const entry of model.index.documents.values()) {
      const { validUntil, title } = entry.data;
      if (!validUntil) continue;
      const left = daysBetween(today, validUntil);
      if (left < 0) report(at(entry, ['validUntil'], this.id, `The document "${title}" was valid until ${validUntil}.`));
      else if (left <= DUE_SOON_DAYS) report(at(entry, ['validUntil'], this.id, `The document "${title}" is valid until ${validUntil}, ${left === 0 ? 'today' : `in ${left} ${left === 1 ? 'day' : 'days'}`}.`, { severity: 'warning', hint: 'Ask for the renewed document now, and replace the file and `validUntil:` when it arrives.' }));
    }
  },
};
