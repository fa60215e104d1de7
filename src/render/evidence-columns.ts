/** The columns of `evidence.csv`: the evidence register's rows (`view/evidence-rows.ts`), written out. */
import type { EvidenceRow } from '../view/evidence-rows.ts';
import type { Column } from './xlsx.ts';
import { asDate } from './soa-columns.ts';

export const evidenceColumns: Column<EvidenceRow>[] = [
  { header: 'Evidence', value: (r) => r.id, width: 30 },
  { header: 'Title', value: (r) => r.title, width: 40 },
  { header: 'Kind', value: (r) => r.kind, width: 16 },
  { header: 'Location', value: (r) => r.location, width: 50 },
  { header: 'Collected', value: (r) => asDate(r.collected), width: 12, date: true },
  { header: 'Age (days)', value: (r) => String(r.ageDays), width: 10 },
  { header: 'Maximum age (days)', value: (r) => String(r.maxAgeDays), width: 10 },
  { header: 'Stale on', value: (r) => asDate(r.due), width: 12, date: true },
  { header: 'State', value: (r) => r.state, width: 10 },
  { header: 'Owner', value: (r) => r.owner.name, width: 24 },
  { header: 'Controls', value: (r) => r.controls.map((c) => c.id).join(', '), width: 24 },
];
