import { annexAById } from '../../model/catalog.ts';
import { at, type Rule } from '../rule.ts';

/** How the SoA describes a control that is not in place, in the words of the SoA page. */
const described = { planned: 'planned', 'not-implemented': 'not implemented' } as const;

/**
 * A questionnaire answer that cites controls the SoA states as not in place — not applicable,
 * planned or not implemented —: the answer may tell a customer more than the ISMS stands behind. One
 * warning per answer, naming each such control. A partially implemented control is not reported (the
 * answer may say what part is in place); the handbook's answer library lists those answers to read.
 */
export const answersClaimsUnimplemented: Rule<'answers/claims-unimplemented'> = {
  id: 'answers/claims-unimplemented',
  check({ model, report }) {
    for (const entry of model.entries.answers) {
      const gaps = entry.data.controls.flatMap((id) => {
        const node = model.controlById.get(id);
        // An unknown control is refs/unresolved's; a control the SoA leaves out or undecided is the SoA rules'.
        if (!node?.soa) return [];
        const { applicable, status } = node.soa.data;
        if (!applicable) return [`${id} "${annexAById.get(id)?.title ?? id}" (not applicable)`];
        if (status === 'planned' || status === 'not-implemented' || status === undefined) return [`${id} "${annexAById.get(id)?.title ?? id}" (${described[status ?? 'not-implemented']})`];
        return [];
      });
      if (!gaps.length) continue;
      report(at(entry, ['controls'], this.id, `Answer "${entry.data.question}" cites ${gaps.length === 1 ? 'a control' : 'controls'} the SoA states as not in place: ${gaps.join(', ')}.`));
    }
  },
};
