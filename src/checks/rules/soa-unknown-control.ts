import { annexAById, controls2013 } from '../../model/catalog.ts';
import { at, lookup, type Rule } from '../rule.ts';

export const soaUnknownControl: Rule<'soa/unknown-control'> = {
  id: 'soa/unknown-control',
  check({ model, report }) {
    for (const entry of model.unknownSoaEntries) {
      const successors = lookup(controls2013, entry.id);
      report(
        at(entry, ['id'], this.id, `${entry.id} is not an ISO/IEC 27001:2022 Annex A control.`, {
          hint: successors
            ? `${entry.id} is a 2013 control ID; in the 2022 edition it is ${successors.join(' and ')}. Rename the entry.`
            : `Annex A 2022 runs A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14 and A.8.1–A.8.34. ${annexAById.size} controls in all.`,
        }),
      );
    }
  },
};
