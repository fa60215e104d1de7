import { at, knownIds, type Rule } from '../rule.ts';

export const soaEvidenceRequired: Rule<'soa/evidence-required'> = {
  id: 'soa/evidence-required',
  check({ model, report }) {
    for (const node of model.controls) {
      const soa = node.soa;
      if (!soa?.data.applicable || soa.data.evidence.length > 0) continue;
      const claim = soa.data.status === 'implemented' ? 'is marked implemented' : 'is applicable';
      report(
        at(soa, ['evidence'], this.id, `${soa.id} "${node.control.title}" ${claim} but lists no evidence.`, {
          hint: `Add \`evidence: [<evidence id>]\` naming a record that shows the control operates — known evidence: ${knownIds(model.index.evidence.keys())}.`,
        }),
      );
    }
  },
};
