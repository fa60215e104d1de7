/**
 * The risk register as the handbook shows it: every risk with its scores and bands, most
 * severe first, the summary figures and the two heatmaps (before and after treatment).
 */
import { annexAById, compareControlIds } from '../model/catalog.ts';
import type { Risk } from '../model/schemas.ts';
import { heatmapGrid, type HeatmapGrid } from './heatmap.ts';
import { isSevere, riskBandLabel, riskBandOf, type RiskBand } from './risk-bands.ts';
import { controlPath, personPath, riskPath } from './urls.ts';
import type { InternalView } from './view.ts';

export type Treatment = Risk['treatment'];

export const treatmentLabel: Record<Treatment, string> = { mitigate: 'Mitigate', accept: 'Accept', transfer: 'Transfer', avoid: 'Avoid' };

export interface RiskScore {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  bandLabel: string;
}

export interface RiskRow {
  id: string;
  /** The row's own link: `/risks/#<id>`. */
  href: string;
  title: string;
  asset: string;
  threat: string;
  vulnerability: string;
  notes?: string;
  inherent: RiskScore;
  residual: RiskScore;
  treatment: { id: Treatment; label: string };
  /** The owner, linked when the person exists. */
  owner: { name: string; href?: string };
  /** Treating controls in catalog order; linked when they are Annex A controls. */
  controls: { id: string; title?: string; href?: string }[];
}

export interface RiskRegister {
  risks: RiskRow[];
  stats: { label: string; value: string | number; detail: string }[];
  /** How many risks take each treatment, treatments without risks left out. */
  treatments: { label: string; count: number }[];
  inherent: HeatmapGrid;
  residual: HeatmapGrid;
}

const scoreOf = (likelihood: number, impact: number): RiskScore => {
  const band = riskBandOf(likelihood * impact);
  return { likelihood, impact, score: likelihood * impact, band, bandLabel: riskBandLabel[band] };
};

const average = (values: number[]) => (values.reduce((s, v) => s + v, 0) / values.length).toFixed(1);

export function riskRegister(model: InternalView): RiskRegister {
  const risks = [...model.index.risks.values()]
    .map(({ id, data: r }): RiskRow => {
      const owner = model.index.people.get(r.owner);
      return {
        id,
        href: riskPath(id),
        title: r.title,
        asset: r.asset,
        threat: r.threat,
        vulnerability: r.vulnerability,
        ...(r.notes ? { notes: r.notes } : {}),
        inherent: scoreOf(r.likelihood, r.impact),
        residual: scoreOf(r.residual.likelihood, r.residual.impact),
        treatment: { id: r.treatment, label: treatmentLabel[r.treatment] },
        owner: owner ? { name: owner.data.name, href: personPath(owner.id) } : { name: r.owner },
        controls: [...r.controls].sort(compareControlIds).map((cid) => {
          const title = annexAById.get(cid)?.title;
          return { id: cid, ...(title ? { title } : {}), ...(model.controlById.has(cid) ? { href: controlPath(cid) } : {}) };
        }),
      };
    })
    .sort((a, b) => b.inherent.score - a.inherent.score || b.residual.score - a.residual.score || a.id.localeCompare(b.id, 'en', { numeric: true }));

  const grid = (pick: (risk: RiskRow) => RiskScore) =>
    heatmapGrid(risks.map((risk) => ({ x: pick(risk).likelihood, y: pick(risk).impact, item: { id: risk.id, label: risk.title, href: `#${risk.id}` } })));

  return {
    risks,
    stats: [
      { label: 'Risks', value: risks.length, detail: 'in the register' },
      { label: 'High or critical', value: risks.filter((r) => isSevere(r.inherent.band)).length, detail: 'before treatment' },
      { label: 'High or critical', value: risks.filter((r) => isSevere(r.residual.band)).length, detail: 'after treatment' },
      {
        label: 'Average score',
        value: risks.length ? `${average(risks.map((r) => r.inherent.score))} → ${average(risks.map((r) => r.residual.score))}` : '–',
        detail: 'inherent → residual',
      },
    ],
    treatments: (Object.keys(treatmentLabel) as Treatment[])
      .map((t) => ({ label: treatmentLabel[t], count: risks.filter((r) => r.treatment.id === t).length }))
      .filter((t) => t.count > 0),
    inherent: grid((r) => r.inherent),
    residual: grid((r) => r.residual),
  };
}
