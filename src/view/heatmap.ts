/**
 * A 5 × 5 likelihood × impact grid as data: every position with its score, band and the items
 * that sit in it. The heatmap component draws it; the risk register fills it.
 */
import { riskBandOf, riskBands, type RiskBand, type RiskBandDef } from './risk-bands.ts';

export interface HeatmapItem {
  id: string;
  label: string;
  href: string;
}

export interface HeatmapPosition {
  /** Likelihood, 1 to 5, left to right. */
  x: number;
  /** Impact, 1 to 5, bottom to top. */
  y: number;
  score: number;
  band: RiskBand;
  items: HeatmapItem[];
}

export interface HeatmapGrid {
  /** Positions per side. */
  size: number;
  /** All 25 positions, row by row from the bottom left. */
  positions: HeatmapPosition[];
  /** The positions that hold an item, highest score first. */
  populated: HeatmapPosition[];
  /** How many items the grid holds. */
  total: number;
  /** Every band, with how many items sit in it. */
  bands: (RiskBandDef & { count: number })[];
}

export const HEATMAP_SIZE = 5;

const clamp = (n: number) => Math.min(HEATMAP_SIZE, Math.max(1, Math.round(n)));

/** Places each item at its position (scores outside 1–5 at the nearest edge), in the order given. */
export function heatmapGrid(items: readonly { x: number; y: number; item: HeatmapItem }[]): HeatmapGrid {
  const N = HEATMAP_SIZE;
  const at = new Map<string, HeatmapItem[]>();
  for (const { x, y, item } of items) {
    const key = `${clamp(x)},${clamp(y)}`;
    at.set(key, [...(at.get(key) ?? []), item]);
  }
  const positions = Array.from({ length: N * N }, (_, i): HeatmapPosition => {
    const x = (i % N) + 1;
    const y = Math.floor(i / N) + 1;
    return { x, y, score: x * y, band: riskBandOf(x * y), items: at.get(`${x},${y}`) ?? [] };
  });
  const populated = positions.filter((p) => p.items.length > 0).sort((a, b) => b.score - a.score || b.y - a.y || b.x - a.x);
  const count = (band: RiskBand) => populated.filter((p) => p.band === band).reduce((sum, p) => sum + p.items.length, 0);
  return {
    size: N,
    positions,
    populated,
    total: populated.reduce((sum, p) => sum + p.items.length, 0),
    bands: riskBands.map((b) => ({ ...b, count: count(b.id) })),
  };
}
