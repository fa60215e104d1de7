/**
 * Layers only look down (see .dependency-cruiser.mjs): a back-edge fails here, in the TypeScript
 * modules (checked by dependency-cruiser) and in the `.astro` pages and components (read here).
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import config, { layers } from '../../.dependency-cruiser.mjs';
import { projectRoot } from '../helpers/content.ts';

const src = path.join(projectRoot, 'src');

describe('layers', () => {
  test('every folder of src/ is a layer', () => {
    const folders = readdirSync(src, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.filter((f) => !(f in layers)), 'folders of src/ that .dependency-cruiser.mjs does not place in a layer').toEqual([]);
  });

  test('no TypeScript module imports from a layer above its own', async () => {
    const cwd = process.cwd();
    process.chdir(projectRoot);
    try {
      const result = await cruise(['src'], { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden ?? [] }, outputType: 'json' });
      const output = (typeof result.output === 'string' ? JSON.parse(result.output) : result.output) as { summary: { violations: { from: string; to: string; rule: { name: string } }[]; totalCruised: number } };
      expect(output.summary.totalCruised, 'dependency-cruiser found the modules').toBeGreaterThan(100);
      expect(output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  test('no .astro file imports from a layer above its own', () => {
    const problems: string[] = [];
    let imports = 0;
    for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.astro')) continue;
      const file = path.join(entry.parentPath, entry.name);
      const layer = path.relative(src, file).split(path.sep)[0]!;
      const allowed = (layers as Record<string, string[]>)[layer] ?? [];
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
        const target = match[1]!;
        if (!target.startsWith('.')) continue;
        imports++;
        const to = path.relative(src, path.resolve(path.dirname(file), target)).split(path.sep)[0]!;
        if (!allowed.includes(to)) problems.push(`${path.relative(projectRoot, file)} → src/${to}/ (${target})`);
      }
    }
    expect(imports, 'the .astro files were read').toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});
