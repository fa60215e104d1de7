/**
 * The floor the benchmark measures Trustbook against: a bare Astro project, made here, that
 * builds the same pages as Trustbook — the same number of each kind, for each of the two
 * sites — with nothing but Astro, the MDX parser Trustbook uses and Pagefind. Policies are MDX
 * rendered to HTML, entity pages show their fields, list pages list titles. No checks, no
 * cards, no exports, no sanitising: what any Astro site of that size costs.
 *
 *   node scripts/bench/floor.ts <manifest.json> <outDir>    # builds both sites, then indexes both
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Where the floor project is written: inside the Trustbook folder, so that it uses Trustbook's node_modules. */
export const floorProject = path.join(root, '.bench', 'floor');

export interface FloorPage {
  route: string;
  title: string;
  kind: 'mdx' | 'entity' | 'list';
  /** The policy's MDX text, an entity's fields as YAML, or the titles a list page shows. */
  body: string | string[];
}
export type FloorManifest = Record<'internal' | 'public', FloorPage[]>;

const PAGE = `---
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';

export function getStaticPaths() {
  const manifest = JSON.parse(readFileSync(process.env.FLOOR_MANIFEST, 'utf8'));
  return manifest[process.env.FLOOR_SITE].map((page) => ({ params: { slug: page.route.replace(/^\\/|\\/$/g, '') || undefined }, props: { page } }));
}
const { page } = Astro.props;
const mdx = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).use(remarkRehype).use(rehypeStringify);
const html = page.kind === 'mdx' ? String(await mdx.process(page.body)) : '';
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width" />
    <title>{page.title}</title>
    <link rel="stylesheet" href="/site.css" />
  </head>
  <body>
    <header><nav><a href="/">Home</a> <a href="/controls/">Controls</a> <a href="/policies/">Policies</a></nav></header>
    <main data-pagefind-body>
      <h1>{page.title}</h1>
      {page.kind === 'mdx' && <article set:html={html} />}
      {page.kind === 'entity' && <pre>{page.body}</pre>}
      {page.kind === 'list' && <ul>{page.body.map((title) => <li>{title}</li>)}</ul>}
    </main>
  </body>
</html>
`;

const CONFIG = `import { defineConfig } from 'astro/config';
const site = process.env.FLOOR_SITE;
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  cacheDir: \`./node_modules/.astro/\${site}\`,
  outDir: process.env.FLOOR_OUT,
  markdown: { syntaxHighlight: false },
});
`;

/** Writes the floor project (once; it is the same for every size). */
export function writeFloorProject(): void {
  mkdirSync(path.join(floorProject, 'src', 'pages'), { recursive: true });
  mkdirSync(path.join(floorProject, 'public'), { recursive: true });
  writeFileSync(path.join(floorProject, 'package.json'), JSON.stringify({ name: 'trustbook-floor', private: true, type: 'module' }, null, 2));
  writeFileSync(path.join(floorProject, 'astro.config.mjs'), CONFIG);
  writeFileSync(path.join(floorProject, 'src', 'pages', '[...slug].astro'), PAGE);
  writeFileSync(path.join(floorProject, 'public', 'site.css'), 'body { font-family: system-ui, sans-serif; max-width: 60rem; margin: auto; }\n');
}

/**
 * The floor's pages for an organisation: one for each HTML page Trustbook built from it (`built`
 * is its output folder), of the same kind — a policy's page renders its MDX, an entity's page its
 * fields, any other page a list of titles.
 */
export function floorManifest(content: string, built: string): FloorManifest {
  const entities = new Map<string, { title: string; yaml: string }>();
  const policies = new Map<string, { title: string; body: string }>();
  const titles: Record<string, string[]> = {};
  for (const folder of readdirSync(content, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const list = (titles[folder.name] = [] as string[]);
    for (const file of readdirSync(path.join(content, folder.name))) {
      const text = readFileSync(path.join(content, folder.name, file), 'utf8');
      if (file.endsWith('.mdx')) {
        const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)!;
        const data = parseYaml(match[1]!) as { id: string; title: string };
        policies.set(data.id, { title: data.title, body: text.slice(match[0].length) });
        list.push(data.title);
      } else if (/\.ya?ml$/.test(file)) {
        const data = parseYaml(text) as unknown;
        for (const item of Array.isArray(data) ? data : [data]) {
          const { id, title, question, name } = item as Record<string, unknown>;
          const key = String(id ?? path.basename(file, path.extname(file))).toLowerCase().replace(/\./g, '-');
          const shown = String(title ?? question ?? name ?? key);
          entities.set(key, { title: shown, yaml: JSON.stringify(item, null, 2) });
          list.push(shown);
        }
      }
    }
  }
  const pagesOf = (site: 'internal' | 'public'): FloorPage[] =>
    htmlRoutes(path.join(built, site)).map((route) => {
      const segments = route.split('/').filter(Boolean);
      const last = segments.at(-1) ?? '';
      const policy = segments[0] === 'policies' ? policies.get(last) : undefined;
      if (policy) return { route, title: policy.title, kind: 'mdx', body: policy.body };
      const entity = entities.get(last.toLowerCase());
      if (entity && segments.length > 1) return { route, title: entity.title, kind: 'entity', body: entity.yaml };
      return { route, title: segments.join(' / ') || 'Home', kind: 'list', body: titles[segments[0] ?? 'policies'] ?? titles.policies ?? [] };
    });
  return { internal: pagesOf('internal'), public: pagesOf('public') };
}

/** The pages of a built site, as routes (`/controls/a-5-1/`). Redirect pages are not pages. */
export function htmlRoutes(site: string): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const file = path.join(entry.parentPath, entry.name);
    if (/^<!doctype html><title>Redirecting/i.test(readFileSync(file, 'utf8').slice(0, 200))) continue;
    const dir = path.relative(site, entry.parentPath).split(path.sep).join('/');
    routes.push(dir ? `/${dir}/` : '/');
  }
  return routes.sort();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: floorProject, env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} exited with ${code}`))));
  });
}

/** The floor's build: the two sites one after the other, as two `astro build`s, then Pagefind on each. */
export async function buildFloor(manifest: string, out: string): Promise<void> {
  const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  for (const site of ['internal', 'public'] as const) {
    await run(process.execPath, [astro, 'build', '--silent'], { FLOOR_SITE: site, FLOOR_MANIFEST: manifest, FLOOR_OUT: path.join(out, site) });
  }
  const pagefind = await import('pagefind');
  for (const site of ['internal', 'public'] as const) {
    const { index } = await pagefind.createIndex({ rootSelector: 'html' });
    if (!index) throw new Error('Pagefind could not start');
    await index.addDirectory({ path: path.join(out, site) });
    await index.writeFiles({ outputPath: path.join(out, site, 'pagefind') });
  }
  await pagefind.close();
}

/** What a cold floor build starts from: no output, no Astro cache. */
export function clearFloor(out: string): void {
  rmSync(out, { recursive: true, force: true });
  rmSync(path.join(floorProject, 'node_modules'), { recursive: true, force: true });
  rmSync(path.join(floorProject, '.astro'), { recursive: true, force: true });
}

if (import.meta.main) {
  const [manifest, out] = process.argv.slice(2);
  if (!manifest || !out || !existsSync(manifest)) {
    process.stderr.write('Usage: node scripts/bench/floor.ts <manifest.json> <outDir>\n');
    process.exit(2);
  }
  await buildFloor(path.resolve(manifest), path.resolve(out));
}
