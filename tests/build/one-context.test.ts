/**
 * One build context: `trustbook build` reads, links and checks the content once, and each Astro
 * build renders the part of that context its site may see, reading no content of its own.
 */
import { expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { fixture, projectRoot } from '../helpers/content.ts';
import { buildFolder } from '../helpers/builds.ts';

test('the content is read and checked once per build; both sites render the context the command checked', async () => {
  const out = buildFolder('one context');
  const { code, stdout, stderr } = await runCli(['build', '--content', fixture('valid-minimal'), '--out', out], { TRUSTBOOK_DEBUG: 'context' });
  expect(code, `${stdout}\n${stderr}`).toBe(0);
  const trace = stderr.split('\n').filter((line) => line.includes('trustbook:context'));
  // The command reads the content first; the two sites then build side by side, in either order.
  expect(trace[0]).toBe(`trustbook:context reading and checking the content folder ${fixture('valid-minimal')}`);
  expect(trace.slice(1).sort()).toEqual([
    '[internal] trustbook:context the internal site renders the context the build command checked',
    '[public] trustbook:context the public site renders the context the build command checked',
  ]);
  // The snapshots live only while the build runs.
  const cache = path.join(projectRoot, 'node_modules', '.cache', 'trustbook');
  expect(readdirSync(cache).filter((name) => name.startsWith('context-'))).toEqual([]);
});
