/**
 * The four bands a risk score (likelihood × impact, each 1 to 5) falls in. The risk register
 * and its heatmaps both read them, so a score's colour and its word always agree.
 */
export type RiskBand = 'low' | 'medium' | 'high' | 'critical';

export interface RiskBandDef {
  id: RiskBand;
  label: string;
  /** The lowest score of the band. */
  min: number;
  /** The scores a 5 × 5 grid can give in the band, as the legend writes them. */
  range: string;
}

/** Lowest band first. Scores between the bands' possible products (17–19) cannot occur on a 5 × 5 grid. */
export const riskBands: readonly RiskBandDef[] = [
  { id: 'low', label: 'Low', min: 1, range: '1–4' },
  { id: 'medium', label: 'Medium', min: 5, range: '5–9' },
  { id: 'high', label: 'High', min: 10, range: '10–16' },
  { id: 'critical', label: 'Critical', min: 20, range: '20–25' },
];

export const riskBandOf = (score: number): RiskBand => [...riskBands].reverse().find((b) => score >= b.min)?.id ?? 'low';

export const riskBandLabel: Record<RiskBand, string> = Object.fromEntries(riskBands.map((b) => [b.id, b.label])) as Record<RiskBand, string>;

/** High and critical risks: the ones the register counts as severe. */
export const isSevere = (band: RiskBand): boolean => band === 'high' || band === 'critical';
