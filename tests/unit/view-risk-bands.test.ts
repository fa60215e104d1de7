/** One home for risk bands: the register's scores and the heatmap's cells agree. */
import { describe, expect, test } from 'vitest';
import { isSevere, riskBandLabel, riskBandOf, riskBands } from '../../src/view/risk-bands.ts';
import { heatmapGrid } from '../../src/view/heatmap.ts';
import { riskRegister } from '../../src/view/risks.ts';
import { fixture, modelOf } from '../helpers/content.ts';

describe('bands', () => {
  test.each([
    [1, 'low'], [4, 'low'],
    [5, 'medium'], [9, 'medium'],
    [10, 'high'], [16, 'high'],
    [20, 'critical'], [25, 'critical'],
  ] as const)('a score of %i is %s', (score, band) => {
    expect(riskBandOf(score)).toBe(band);
  });

  test('every product of a 5 × 5 grid falls in the band whose range the legend names', () => {
    for (let l = 1; l <= 5; l++) {
      for (let i = 1; i <= 5; i++) {
        const band = riskBands.find((b) => b.id === riskBandOf(l * i))!;
        const [low, high] = band.range.split('–').map(Number);
        expect(l * i).toBeGreaterThanOrEqual(low!);
        expect(l * i).toBeLessThanOrEqual(high!);
      }
    }
  });

  test('labels and severity', () => {
    expect(Object.values(riskBandLabel)).toEqual(['Low', 'Medium', 'High', 'Critical']);
    expect(riskBands.filter((b) => isSevere(b.id)).map((b) => b.id)).toEqual(['high', 'critical']);
  });
});

describe('heatmap grid', () => {
  const item = (id: string) => ({ id, label: id, href: `#${id}` });

  test('25 positions; items gathered per position in the order given, highest score first', () => {
    const grid = heatmapGrid([
      { x: 4, y: 5, item: item('a') },
      { x: 1, y: 1, item: item('b') },
      { x: 4, y: 5, item: item('c') },
      { x: 9, y: 0, item: item('d') },
    ]);
    expect(grid.positions).toHaveLength(25);
    expect(grid.populated.map((p) => [p.x, p.y, p.score, p.band, p.items.map((i) => i.id)])).toEqual([
      [4, 5, 20, 'critical', ['a', 'c']],
      [5, 1, 5, 'medium', ['d']],
      [1, 1, 1, 'low', ['b']],
    ]);
    expect(grid.total).toBe(4);
    expect(grid.bands.map((b) => [b.id, b.count])).toEqual([['low', 1], ['medium', 1], ['high', 0], ['critical', 2]]);
  });
});

test('the register scores each risk with the same bands as its heatmaps', () => {
  const register = riskRegister(modelOf(fixture('valid-minimal')));
  const [risk] = register.risks;
  expect(risk).toMatchObject({
    id: 'r-1',
    href: '/risks/#r-1',
    inherent: { score: 20, band: 'critical', bandLabel: 'Critical' },
    residual: { score: 8, band: 'medium', bandLabel: 'Medium' },
    treatment: { id: 'mitigate', label: 'Mitigate' },
    owner: { name: 'Ada Lovelace', href: '/people/ada-lovelace/' },
  });
  expect(risk!.controls.map((c) => c.href)).toEqual(['/controls/a-5-15/', '/controls/a-8-5/']);
  expect(register.inherent.populated.map((p) => [p.x, p.y, p.band])).toEqual([[4, 5, 'critical']]);
  expect(register.residual.populated.map((p) => [p.x, p.y, p.band])).toEqual([[2, 4, 'medium']]);
  expect(register.stats.map((s) => s.value)).toEqual([1, 1, 0, '20.0 → 8.0']);
  expect(register.treatments).toEqual([{ label: 'Mitigate', count: 1 }]);
});
