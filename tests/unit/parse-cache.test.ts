/**
 * The cache of what the Markdown and MDX parser found: a text read before is not parsed again,
 * and what it reports is what parsing reports — same problems, same lines — whether it came from
 * the cache or not. A stale or broken cache is ignored.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownProblems, saveParseCache, useParseCache } from '../../src/load/parse-cache.ts';
import { parseMarkdown } from '../../src/load/markdown.ts';
import { loadContent } from '../../src/load/loader.ts';
import { checkContent } from '../../src/checks/run.ts';
import { contentWith, exampleContent, fixture } from '../helpers/content.ts';

const badMdx = 'Fine.\n\n<Callout type="shout">Hi</Callout>\n\nA stray <3 here.\n';
const badMarkdown = 'Hi <b>there</b>.\n\n[x](javascript:alert(1))\n';

let root: string;
const fresh = () => (root = mkdtempSync(path.join(tmpdir(), 'trustbook cache ')));
const cacheFile = () => {
  const dir = path.join(root, 'node_modules', '.cache', 'trustbook', 'parsed');
  const [name] = readdirSync(dir);
  return path.join(dir, name!);
};
afterEach(() => {
  saveParseCache();
  rmSync(root, { recursive: true, force: true });
});

describe('the parse cache', () => {
  test('a text read from the cache reports what parsing it reports', () => {
    fresh();
    useParseCache(root, '/some/content');
    const parsed = [markdownProblems(badMdx, 'mdx'), markdownProblems(badMarkdown, 'markdown')];
    expect(parsed).toEqual([parseMarkdown(badMdx, 'mdx').problems, parseMarkdown(badMarkdown, 'markdown').problems]);
    saveParseCache();

    useParseCache(root, '/some/content');
    expect([markdownProblems(badMdx, 'mdx'), markdownProblems(badMarkdown, 'markdown')]).toEqual(parsed);
    expect(parsed[0]!.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(['5:10 load/mdx-syntax']);
  });

  test('the second run takes the problems from the cache, and forgets texts it did not meet', () => {
    fresh();
    useParseCache(root, '/some/content');
    markdownProblems(badMarkdown, 'markdown');
    markdownProblems('Gone soon <i>x</i>', 'markdown');
    saveParseCache();
    // What the cache holds is what the next run reports: proof that it does not parse again.
    const stored = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    expect(Object.keys(stored.entries)).toHaveLength(2);
    for (const problems of Object.values(stored.entries) as { message: string }[][]) for (const p of problems as { message: string }[]) p.message = `cached: ${p.message}`;
    writeFileSync(cacheFile(), JSON.stringify(stored));

    useParseCache(root, '/some/content');
    expect(markdownProblems(badMarkdown, 'markdown').map((p) => p.message.slice(0, 7))).toEqual(['cached:', 'cached:']);
    saveParseCache();
    expect(Object.keys(JSON.parse(readFileSync(cacheFile(), 'utf8')).entries)).toHaveLength(1);
  });

  test('a cache written for another version of the rules, or one that cannot be read, is ignored', () => {
    fresh();
    useParseCache(root, '/some/content');
    markdownProblems(badMarkdown, 'markdown');
    saveParseCache();
    const stored = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    for (const problems of Object.values(stored.entries) as { message: string }[][]) for (const p of problems as { message: string }[]) p.message = 'stale';
    writeFileSync(cacheFile(), JSON.stringify({ ...stored, fingerprint: 'another version' }));
    useParseCache(root, '/some/content');
    expect(markdownProblems(badMarkdown, 'markdown')).toEqual(parseMarkdown(badMarkdown, 'markdown').problems);
    saveParseCache();

    writeFileSync(cacheFile(), '{ not json');
    useParseCache(root, '/some/content');
    expect(markdownProblems(badMarkdown, 'markdown')).toEqual(parseMarkdown(badMarkdown, 'markdown').problems);
  });

  test('a policy whose MDX is broken is reported at the same file line from the cache as without it', () => {
    fresh();
    const policy = readFileSync(path.join(contentWith({}), 'policies', readdirSync(path.join(contentWith({}), 'policies'))[0]!), 'utf8');
    const dir = contentWith({ 'policies/broken.mdx': policy.replace(/^id: .*$/m, 'id: broken-policy') + '\n\nA stray <3 here.\n' });
    const lines = () => loadContent(dir).diagnostics.filter((d) => d.rule === 'load/mdx-syntax').map((d) => `${path.basename(d.file)}:${d.line}:${d.column}`);
    const uncached = lines();
    expect(uncached).toHaveLength(1);
    useParseCache(root, dir);
    expect(lines()).toEqual(uncached);
    saveParseCache();
    useParseCache(root, dir);
    expect(lines()).toEqual(uncached);
  });

  test.each(['broken-every-rule', 'hostile', 'canaries', 'valid-minimal', 'example'])('%s: every problem, line and field position is the same from the cache as from the parser', (name) => {
    fresh();
    const dir = name === 'example' ? exampleContent : fixture(name);
    const run = () => {
      const { diagnostics, model } = checkContent({ content: dir });
      const places = Object.values(model.entries).flatMap((entries) =>
        (entries as { id: string; position: unknown; locate(f: (string | number)[]): unknown; data: Record<string, unknown> }[]).map((e) => [e.id, e.position, Object.keys(e.data).map((key) => [key, e.locate([key]), e.locate([key, 0]), e.locate([key, 'missing'])])]),
      );
      return JSON.stringify({ diagnostics, places, settings: model.locateSetting(['brand', 'logo']) });
    };
    const parsed = run();
    useParseCache(root, dir);
    expect(run()).toBe(parsed);
    saveParseCache();
    useParseCache(root, dir);
    expect(run()).toBe(parsed);
    saveParseCache();
    // The second run read every YAML file without an error from the cache.
    const entries = Object.values(JSON.parse(readFileSync(cacheFile(), 'utf8')).entries) as unknown[];
    expect(entries.filter((e) => e !== null && typeof e === 'object' && 'lineStarts' in e).length).toBeGreaterThan(name === 'example' ? 300 : 0);
  });
});
