/**
 * The Statement of Applicability as rows: one per Annex A control, in catalog order. The
 * SoA page, `soa.csv` and `soa.xlsx` all read these rows, so the three never disagree.
 */
import { themes, type Theme } from '../model/catalog.ts';
import { evidenceLink, type EvidenceLink, type Freshness } from './freshness.ts';
import { controlStatus, controlStatusOf, soaStates, type ControlStatus, type SoaState } from './status.ts';
import { controlPath, personPath, soaRowAnchor } from './urls.ts';
import type { InternalView } from './view.ts';

export interface PersonLink {
  id: string;
  /** The person's name, or the id when no such person exists. */
  name: string;
  href: string;
}

export interface SoaRow {
  control: string;
  title: string;
  theme: Theme;
  themeTitle: string;
  /** The control's page. */
  href: string;
  /** The row's anchor on the SoA page. */
  anchor: string;
  /** Null when the control has no SoA entry. */
  applicable: boolean | null;
  justification: string;
  basis: string[];
  status: ControlStatus<SoaState | 'missing'>;
  targetDate: string | null;
  owners: PersonLink[];
  /** Ids of the evidence the entry lists, as written. */
  evidence: string[];
  /** The listed evidence that exists, with its freshness. */
  evidenceLinks: EvidenceLink[];
  /** The worst freshness of the row's evidence, or null without evidence. */
  evidenceState: Freshness | null;
  /** The earliest date one of its evidence items goes stale. */
  nextEvidenceDue: string | null;
  organisationControls: string[];
  policies: string[];
  publicSummary: string;
}

const worst: Freshness[] = ['stale', 'due-soon', 'fresh'];
const themeTitle = new Map(themes.map((t) => [t.id, t.title]));

export function soaRows(model: InternalView, today: string): SoaRow[] {
  return model.controls.map(({ control, soa }) => {
    const d = soa?.data;
    const evidenceLinks = (d?.evidence ?? []).flatMap((id) => {
      const entry = model.index.evidence.get(id);
      return entry ? [evidenceLink(entry, today)] : [];
    });
    return {
      control: control.id,
      title: control.title,
      theme: control.theme,
      themeTitle: themeTitle.get(control.theme)!,
      href: controlPath(control.id),
      anchor: soaRowAnchor(control.id),
      applicable: d ? d.applicable : null,
      justification: d?.justification ?? '',
      basis: d?.basis ?? [],
      status: controlStatus(d),
      targetDate: d?.targetDate ?? null,
      owners: (d?.owners ?? []).map((id) => ({ id, name: model.index.people.get(id)?.data.name ?? id, href: personPath(id) })),
      evidence: d?.evidence ?? [],
      evidenceLinks,
      evidenceState: evidenceLinks.length ? worst.find((state) => evidenceLinks.some((e) => e.due.state === state))! : null,
      nextEvidenceDue: evidenceLinks.length ? evidenceLinks.map((e) => e.due.due).sort()[0]! : null,
      organisationControls: d?.controls ?? [],
      policies: d?.policies ?? [],
      publicSummary: d?.publicSummary ?? d?.publicJustification ?? '',
    };
  });
}

/** What the SoA page's filters offer. */
export interface SoaFilters {
  themes: { id: Theme; label: string }[];
  /** Every state an SoA entry can give, and "No SoA entry" when some row has none. */
  statuses: ControlStatus[];
  /** Everyone who owns an SoA entry, in the order of the people folder. */
  owners: { id: string; name: string }[];
}

export function soaFilters(model: InternalView, rows: readonly SoaRow[]): SoaFilters {
  const owning = new Set(rows.flatMap((r) => r.owners.map((o) => o.id)));
  const missing = rows.some((r) => r.status.state === 'missing');
  return {
    themes: themes.map((t) => ({ id: t.id, label: t.title.replace(/ controls$/, '') })),
    statuses: [...soaStates, ...(missing ? (['missing'] as const) : [])].map(controlStatusOf),
    owners: [...model.index.people.values()].filter((p) => owning.has(p.id)).map((p) => ({ id: p.id, name: p.data.name })),
  };
}

/** The rows by theme, for a page that shows one table per theme. */
export const soaByTheme = (rows: readonly SoaRow[]) => themes.map((theme) => ({ id: theme.id, title: theme.title, rows: rows.filter((r) => r.theme === theme.id) }));
