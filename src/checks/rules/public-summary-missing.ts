import { at, type Rule } from '../rule.ts';

/**
 * A public, applicable SoA entry without a public summary: the trust center can show only the
 * control's status, and customers learn nothing about how it is met.
 */
export const publicSummaryMissing: Rule<'public/summary-missing'> = {
  id: 'public/summary-missing',
  check({ model, report }) {
    for (const node of model.controls) {
      const soa = node.soa;
      if (!soa || soa.data.visibility !== 'public' || !soa.data.applicable || soa.data.publicSummary) continue;
      report(at(soa, ['visibility'], this.id, `${soa.id} "${node.control.title}" is public and applicable but has no public summary: the trust center shows its status and nothing about how it is met.`));
    }
  },
};
