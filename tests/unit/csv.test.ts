/** The handbook's CSV exports open in a spreadsheet as the text the content holds, never as a formula. */
import { expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { toCsv } from '../../src/render/csv.ts';

test('a cell a spreadsheet would run as a formula is written as text; numbers and dates stay as they are', () => {
  const attacks = ['=HYPERLINK("https://evil.example","Evidence")', '+SUM(1)', '-1+2', '@cmd', '\t=1', '\r=1'];
  const csv = toCsv(['Justification', 'Days left', 'Collected'], [...attacks.map((a) => [a, -5, new Date('2026-06-01T00:00:00Z')]), ['Plain, with "quotes"', 3, null]]);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows = parse(csv.slice(1), { relax_column_count: true }) as string[][];
  expect(rows[0]).toEqual(['Justification', 'Days left', 'Collected']);
  expect(rows.slice(1, -1).map((r) => r[0])).toEqual(attacks.map((a) => `'${a}`));
  expect(rows.slice(1).map((r) => r[1])).toEqual([...attacks.map(() => '-5'), '3']);
  expect(rows[1]![2]).toBe('2026-06-01');
  expect(rows.at(-1)).toEqual(['Plain, with "quotes"', '3', '']);
});
