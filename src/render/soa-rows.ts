/**
 * The Statement of Applicability as rows: one per Annex A control, in catalog order. The
 * SoA page, `soa.csv` and `soa.xlsx` all read these rows, so the three never disagree.
 */
import type { Model } from '../link/linker.ts';
import { themes } from '../model/catalog.ts';
import { evidenceDue, type Freshness } from '../view/freshness.ts';
import { soaState } from '../view/status.ts';
import type { Column } from './xlsx.ts';

export interface SoaRow {
  control: string;
  title: string;
  theme: string;
  applicable: boolean | null;
  justification: string;
  basis: string[];
  status: string;
  targetDate: string | null;
  owners: string[];
  evidence: string[];
  /** The worst freshness of the row's evidence, or null without evidence. */
  evidenceState: Freshness | null;
  /** The earliest date one of its evidence items goes stale. */
  nextEvidenceDue: string | null;
  organisationControls: string[];
  policies: string[];
  publicSummary: string;
}

const worst: Freshness[] = ['stale', 'due-soon', 'fresh'];

export function soaRows(model: Model, today: string): SoaRow[] {
  return model.controls.map(({ control, soa }) => {
    const d = soa?.data;
    const evidence = (d?.evidence ?? []).map((id) => model.index.evidence.get(id)).filter((e) => e !== undefined);
    const dues = evidence.map((e) => evidenceDue(e.data, today));
    return {
      control: control.id,
      title: control.title,
      theme: themes.find((t) => t.id === control.theme)!.title,
      applicable: d ? d.applicable : null,
      justification: d?.justification ?? '',
      basis: d?.basis ?? [],
      status: d ? soaState(d) : 'missing',
      targetDate: d?.targetDate ?? null,
      owners: (d?.owners ?? []).map((id) => model.index.people.get(id)?.data.name ?? id),
      evidence: d?.evidence ?? [],
      evidenceState: dues.length ? worst.find((state) => dues.some((due) => due.state === state))! : null,
      nextEvidenceDue: dues.length ? dues.map((due) => due.due).sort()[0]! : null,
      organisationControls: d?.controls ?? [],
      policies: d?.policies ?? [],
      publicSummary: d?.publicSummary ?? d?.publicJustification ?? '',
    };
  });
}

/** Column headings of the exports, in order, with how each value is written. */
export const soaColumns: Column<SoaRow>[] = [
  { header: 'Control', value: (r) => r.control, width: 10 },
  { header: 'Title', value: (r) => r.title, width: 40 },
  { header: 'Theme', value: (r) => r.theme, width: 24 },
  { header: 'Applicable', value: (r) => (r.applicable === null ? '' : r.applicable ? 'Yes' : 'No'), width: 11 },
  { header: 'Justification', value: (r) => r.justification, width: 60 },
  { header: 'Basis', value: (r) => r.basis.join(', '), width: 22 },
  { header: 'Status', value: (r) => r.status, width: 16 },
  { header: 'Target date', value: (r) => asDate(r.targetDate), width: 12, date: true },
  { header: 'Owners', value: (r) => r.owners.join(', '), width: 28 },
  { header: 'Evidence', value: (r) => r.evidence.join(', '), width: 40 },
  { header: 'Evidence state', value: (r) => r.evidenceState ?? '', width: 14 },
  { header: 'Next evidence due', value: (r) => asDate(r.nextEvidenceDue), width: 16, date: true },
  { header: 'Organisation controls', value: (r) => r.organisationControls.join(', '), width: 24 },
  { header: 'Policies', value: (r) => r.policies.join(', '), width: 30 },
  { header: 'Public summary', value: (r) => r.publicSummary, width: 60 },
];

export const asDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);
