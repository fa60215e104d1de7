/**
 * The error catalogue is the one list of what Trustbook can report: every rule and every id used in
 * the source is in it, every rule file is named after its id, and docs/checks.md documents exactly
 * the catalogue's ids, with the same severities.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogue, docsAnchor, entryOf, isDiagnosticId, problem, type CatalogueEntry } from '../../src/diagnostics/catalogue.ts';
import type { Rule } from '../../src/checks/rule.ts';
import { rules } from '../../src/checks/rules/index.ts';
import { projectRoot } from '../helpers/content.ts';

const ids = catalogue.map((e) => e.id);

describe('the catalogue', () => {
  test('has one entry per id, each well formed', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of catalogue) {
      expect(entry.id, entry.id).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(entry.title, entry.id).toMatch(/^[^a-z].*[^.]$/);
      expect(entry.hint, entry.id).toMatch(/^[A-Z`].*[.]$/s);
      expect(entry.severities.length, entry.id).toBeGreaterThan(0);
      expect(new Set(entry.severities).size, entry.id).toBe(entry.severities.length);
      expect(entry.severity, entry.id).toBe(entry.severities[0]);
      expect(entry.docs, entry.id).toBe(`docs/checks.md#${docsAnchor(entry.id)}`);
    }
  });

  test('lists every rule, in the order the rules run, and no rule that does not exist', () => {
    expect(catalogue.filter((e) => e.kind === 'rule').map((e) => e.id)).toEqual(rules.map((r) => r.id));
    expect(entryOf('checks/failed').kind).toBe('run');
  });

  test('admits only its own ids, and a warning only where the entry allows one (checked by the type checker)', () => {
    const place = { file: 'content/soa/A.5.1.yaml', line: 1, column: 1, entity: 'A.5.1', subject: { collection: 'soa', id: 'A.5.1' } };
    // Never called: the type checker (`astro check`) holds these lines to their expectations.
    const typeOnly = () => {
      // @ts-expect-error an id the catalogue lacks
      problem('soa/no-such-problem', place, 'x');
      // @ts-expect-error a warning for a problem that is only ever an error
      problem('soa/owner-required', place, 'x', { severity: 'warning' });
      // @ts-expect-error a rule whose id the catalogue lacks
      const rule: Rule = { id: 'soa/no-such-rule', check() {} };
      problem('policy/review-due', place, 'x', { severity: 'warning' });
      return rule;
    };
    expect(typeOnly).toBeTypeOf('function');
    expect(problem('policy/review-due', place, 'Due soon.', { severity: 'warning' })).toEqual({ rule: 'policy/review-due', severity: 'warning', ...place, message: 'Due soon.', hint: entryOf('policy/review-due').hint });
  });

  test('is asked about ids from content without finding Object.prototype', () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(isDiagnosticId(id), id).toBe(false);
  });
});

describe('the rules', () => {
  test('live each in a file named after its id', () => {
    const folder = path.join(projectRoot, 'src/checks/rules');
    const files = readdirSync(folder).filter((f) => f !== 'index.ts').sort();
    expect(files).toEqual(rules.map((r) => `${r.id.replace('/', '-')}.ts`).sort());
    for (const rule of rules) {
      const source = readFileSync(path.join(folder, `${rule.id.replace('/', '-')}.ts`), 'utf8');
      expect(source, rule.id).toContain(`id: '${rule.id}'`);
    }
  });
});

/** Every file of the source tree, except the catalogue itself. */
function sourceFiles(dir = path.join(projectRoot, 'src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|astro|mjs)$/.test(name) && !full.endsWith(path.join('diagnostics', 'catalogue.ts')) ? [full] : [];
  });
}

describe('the source', () => {
  test('uses no diagnostic id the catalogue lacks', () => {
    // Any quoted `namespace/name` in a namespace the catalogue uses is taken for an id: the Markdown
    // checks and the build name theirs as strings, so the type system alone cannot hold them to it.
    const namespaces = [...new Set(ids.map((id) => id.split('/')[0]!))];
    const pattern = new RegExp(`['"\`]((?:${namespaces.join('|')})/[a-z][a-z-]*[a-z])['"\`]`, 'g');
    const unknown: string[] = [];
    let found = 0;
    for (const file of sourceFiles()) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
        found++;
        if (!isDiagnosticId(match[1]!)) unknown.push(`${path.relative(projectRoot, file)}: ${match[1]}`);
      }
    }
    expect(found).toBeGreaterThan(40);
    expect(unknown).toEqual([]);
  });
});

describe('docs/checks.md', () => {
  const docs = readFileSync(path.join(projectRoot, 'docs/checks.md'), 'utf8');
  /** Each `## \`id\`` section: its id and its text up to the next heading of that level or above. */
  const sections = new Map<string, string>();
  for (const match of docs.matchAll(/^#{2,3} `([a-z]+\/[a-z-]+)`\n([\s\S]*?)(?=^#{1,3} |(?![\s\S]))/gm)) sections.set(match[1]!, match[2]!);

  test('documents every id of the catalogue, and no other', () => {
    expect([...sections.keys()].sort()).toEqual([...ids].sort());
  });

  test('presents them in the catalogue’s order', () => {
    expect([...sections.keys()]).toEqual(ids);
  });

  test('states the severities the catalogue gives', () => {
    const stated = (entry: CatalogueEntry) => /^\*\*Severity:\*\* (.*)$/m.exec(sections.get(entry.id) ?? '')?.[1] ?? '';
    for (const entry of catalogue) {
      const severity = stated(entry);
      expect(severity.split(/[ ,;.]/)[0], `${entry.id}: "${severity}"`).toBe(entry.severity);
      for (const level of ['error', 'warning'] as const) expect(severity.includes(level), `${entry.id} ${level}: "${severity}"`).toBe(entry.severities.includes(level));
    }
  });

  test('lists every id in an index table, linked to its section, with its severities', () => {
    const rows = new Map([...docs.matchAll(/^\| \[`([a-z]+\/[a-z-]+)`\]\(#([a-z0-9-]+)\) \| ([a-z, ]+) \|/gm)].map((m) => [m[1]!, { anchor: m[2]!, severity: m[3]! }]));
    expect([...rows.keys()]).toEqual(ids);
    for (const entry of catalogue) expect(rows.get(entry.id), entry.id).toEqual({ anchor: docsAnchor(entry.id), severity: entry.severities.join(', ') });
  });

  test('links only to sections it has', () => {
    // GitHub's anchors: the heading in lower case, without punctuation, spaces as dashes.
    const anchors = new Set([...docs.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replaceAll(' ', '-')));
    const links = [...docs.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(50);
    expect(links.filter((a) => !anchors.has(a))).toEqual([]);
  });

  test('documents the JSON output’s fields, subject and notChecked included', () => {
    for (const field of ['`subject`', '`subject.collection`', '`subject.id`', '`subject.field`', '`notChecked`']) expect(docs).toContain(`| ${field} |`);
  });
});
