/**
 * The cache of what the Markdown and MDX parser found: a text read before is not parsed again,
 * and what it reports is what parsing reports — same problems, same lines — whether it came from
 * the cache or not. A stale or broken cache is ignored.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownProblems, saveMarkdownCache, useMarkdownCache } from '../../src/load/markdown-cache.ts';
import { parseMarkdown } from '../../src/load/markdown.ts';
import { loadContent } from '../../src/load/loader.ts';
import { contentWith } from '../helpers/content.ts';

const badMdx = 'Fine.\n\n<Callout type="shout">Hi</Callout>\n\nA stray <3 here.\n';
const badMarkdown = 'Hi <b>there</b>.\n\n[x](javascript:alert(1))\n';

let root: string;
const fresh = () => (root = mkdtempSync(path.join(tmpdir(), 'trustbook cache ')));
const cacheFile = () => {
  const dir = path.join(root, 'node_modules', '.cache', 'trustbook', 'markdown');
  const [name] = readdirSync(dir);
  return path.join(dir, name!);
};
afterEach(() => {
  saveMarkdownCache();
  rmSync(root, { recursive: true, force: true });
});

describe('the Markdown cache', () => {
  test('a text read from the cache reports what parsing it reports', () => {
    fresh();
    useMarkdownCache(root, '/some/content');
    const parsed = [markdownProblems(badMdx, 'mdx'), markdownProblems(badMarkdown, 'markdown')];
    expect(parsed).toEqual([parseMarkdown(badMdx, 'mdx').problems, parseMarkdown(badMarkdown, 'markdown').problems]);
    saveMarkdownCache();

    useMarkdownCache(root, '/some/content');
    expect([markdownProblems(badMdx, 'mdx'), markdownProblems(badMarkdown, 'markdown')]).toEqual(parsed);
    expect(parsed[0]!.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(['5:10 load/mdx-syntax']);
  });

  test('the second run takes the problems from the cache, and forgets texts it did not meet', () => {
    fresh();
    useMarkdownCache(root, '/some/content');
    markdownProblems(badMarkdown, 'markdown');
    markdownProblems('Gone soon <i>x</i>', 'markdown');
    saveMarkdownCache();
    // What the cache holds is what the next run reports: proof that it does not parse again.
    const stored = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    expect(Object.keys(stored.problems)).toHaveLength(2);
    for (const problems of Object.values(stored.problems) as { message: string }[][]) for (const p of problems) p.message = `cached: ${p.message}`;
    writeFileSync(cacheFile(), JSON.stringify(stored));

    useMarkdownCache(root, '/some/content');
    expect(markdownProblems(badMarkdown, 'markdown').map((p) => p.message.slice(0, 7))).toEqual(['cached:', 'cached:']);
    saveMarkdownCache();
    expect(Object.keys(JSON.parse(readFileSync(cacheFile(), 'utf8')).problems)).toHaveLength(1);
  });

  test('a cache written for another version of the rules, or one that cannot be read, is ignored', () => {
    fresh();
    useMarkdownCache(root, '/some/content');
    markdownProblems(badMarkdown, 'markdown');
    saveMarkdownCache();
    const stored = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    for (const problems of Object.values(stored.problems) as { message: string }[][]) for (const p of problems) p.message = 'stale';
    writeFileSync(cacheFile(), JSON.stringify({ ...stored, fingerprint: 'another version' }));
    useMarkdownCache(root, '/some/content');
    expect(markdownProblems(badMarkdown, 'markdown')).toEqual(parseMarkdown(badMarkdown, 'markdown').problems);
    saveMarkdownCache();

    writeFileSync(cacheFile(), '{ not json');
    useMarkdownCache(root, '/some/content');
    expect(markdownProblems(badMarkdown, 'markdown')).toEqual(parseMarkdown(badMarkdown, 'markdown').problems);
  });

  test('a policy whose MDX is broken is reported at the same file line from the cache as without it', () => {
    fresh();
    const policy = readFileSync(path.join(contentWith({}), 'policies', readdirSync(path.join(contentWith({}), 'policies'))[0]!), 'utf8');
    const dir = contentWith({ 'policies/broken.mdx': policy.replace(/^id: .*$/m, 'id: broken-policy') + '\n\nA stray <3 here.\n' });
    const lines = () => loadContent(dir).diagnostics.filter((d) => d.rule === 'load/mdx-syntax').map((d) => `${path.basename(d.file)}:${d.line}:${d.column}`);
    const uncached = lines();
    expect(uncached).toHaveLength(1);
    useMarkdownCache(root, dir);
    expect(lines()).toEqual(uncached);
    saveMarkdownCache();
    useMarkdownCache(root, dir);
    expect(lines()).toEqual(uncached);
  });
});
