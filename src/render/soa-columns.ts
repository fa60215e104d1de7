/** The columns of `soa.csv` and `soa.xlsx`: the SoA page's rows (`view/soa-rows.ts`), written out. */
import type { SoaRow } from '../view/soa-rows.ts';
import type { Column } from './xlsx.ts';

/** Column headings of the exports, in order, with how each value is written. */
export const soaColumns: Column<SoaRow>[] = [
  { header: 'Control', value: (r) => r.control, width: 10 },
  { header: 'Title', value: (r) => r.title, width: 40 },
  { header: 'Theme', value: (r) => r.themeTitle, width: 24 },
  { header: 'Applicable', value: (r) => (r.applicable === null ? '' : r.applicable ? 'Yes' : 'No'), width: 11 },
  { header: 'Justification', value: (r) => r.justification, width: 60 },
  { header: 'Basis', value: (r) => r.basis.join(', '), width: 22 },
  { header: 'Status', value: (r) => r.status.state, width: 16 },
  { header: 'Target date', value: (r) => asDate(r.targetDate), width: 12, date: true },
  { header: 'Owners', value: (r) => r.owners.map((o) => o.name).join(', '), width: 28 },
  { header: 'Evidence', value: (r) => r.evidence.join(', '), width: 40 },
  { header: 'Evidence state', value: (r) => r.evidenceState ?? '', width: 14 },
  { header: 'Next evidence due', value: (r) => asDate(r.nextEvidenceDue), width: 16, date: true },
  { header: 'Organisation controls', value: (r) => r.organisationControls.join(', '), width: 24 },
  { header: 'Policies', value: (r) => r.policies.join(', '), width: 30 },
  { header: 'Public summary', value: (r) => r.publicSummary, width: 60 },
];

/** A `YYYY-MM-DD` day as the date a spreadsheet cell holds. */
export const asDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);
