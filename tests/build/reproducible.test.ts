/** Promise 1: the same content and the same day give byte-identical sites. */
import { expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { fixture } from '../helpers/content.ts';
import { allFiles } from '../helpers/site.ts';

const hashes = (dir: string) => Object.fromEntries(allFiles(dir).map((f) => [path.relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));

test('two builds of the same content on the same day are byte-identical, spreadsheets included', async () => {
  const outs = [mkdtempSync(path.join(tmpdir(), 'trustbook same ')), mkdtempSync(path.join(tmpdir(), 'trustbook same '))];
  for (const out of outs) {
    const { code, stderr } = await runCli(['build', '--content', fixture('valid-minimal'), '--out', out]);
    expect(code, stderr).toBe(0);
  }
  const [first, second] = outs.map(hashes);
  expect(Object.keys(first!)).toContain('internal/soa.xlsx');
  expect(Object.keys(first!).length).toBeGreaterThan(200);
  expect(second).toEqual(first);
});
