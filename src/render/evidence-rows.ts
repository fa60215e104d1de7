/** The evidence register as rows, for its page and `evidence.csv`. */
import type { Model } from '../link/linker.ts';
import { evidenceDue, type Freshness } from '../view/freshness.ts';
import type { Column } from './xlsx.ts';
import { asDate } from './soa-rows.ts';

export interface EvidenceRow {
  id: string;
  title: string;
  kind: string;
  location: string;
  collected: string;
  ageDays: number;
  maxAgeDays: number;
  due: string;
  state: Freshness;
  owner: string;
  controls: string[];
}

export function evidenceRows(model: Model, today: string): EvidenceRow[] {
  return [...model.index.evidence.values()]
    .map((e) => {
      const due = evidenceDue(e.data, today);
      return {
        id: e.id,
        title: e.data.title,
        kind: e.data.kind,
        location: e.data.location,
        collected: e.data.collected,
        ageDays: due.ageDays,
        maxAgeDays: e.data.maxAgeDays,
        due: due.due,
        state: due.state,
        owner: model.index.people.get(e.data.owner)?.data.name ?? e.data.owner,
        controls: e.data.controls,
      };
    })
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}

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
  { header: 'Owner', value: (r) => r.owner, width: 24 },
  { header: 'Controls', value: (r) => r.controls.join(', '), width: 24 },
];
