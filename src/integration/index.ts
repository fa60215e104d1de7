/**
 * The Trustbook Astro integration: reports the content's problems before a bare `astro build`
 * or `astro dev`, injects the routes of the site being built (`src/sites/public/` or
 * `src/sites/internal/`), follows edits of the content folder under the dev server, and
 * writes the host files (`_redirects`, `_headers`) when a build is done. It reads the site
 * context of `lib/site.ts`, never the content itself.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from '../diagnostics/format.ts';
import { audience, contentChanged, contentDir, getComputedContext, getPublicView, getSiteUrl, markDevServer } from '../lib/site.ts';
import { publicRedirects, redirectsFile } from '../view/redirects.ts';
import { headersFile } from '../render/headers.ts';

const sitesDir = fileURLToPath(new URL('../sites/', import.meta.url));

export default function trustbook(): AstroIntegration {
  return {
    name: 'trustbook',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, updateConfig, logger }) => {
        if (command === 'dev') markDevServer();
        // `trustbook build` has checked already and hands over its context; a bare `astro build` or `astro dev` computes one here.
        const computed = command === 'build' || command === 'dev' ? getComputedContext() : undefined;
        if (computed) {
          if (computed.diagnostics.length) logger.warn(`\n${format('pretty', computed.diagnostics, computed.summary, true)}`);
          if (command === 'build' && computed.summary.errors > 0) {
            throw new Error(`The content has ${computed.summary.errors} error(s); see the report above. Nothing was built.`);
          }
        }
        const site = getSiteUrl();
        if (site) updateConfig({ site });
        // Astro writes a page with a meta refresh for each redirect; hosts that read `_redirects` get real 301s.
        if (site && audience === 'public') updateConfig({ redirects: publicRedirects(getPublicView()) });
        for (const route of routesOf(path.join(sitesDir, audience))) injectRoute(route);
      },
      'astro:server:setup': ({ server, logger }) => {
        // Any change in the content folder — YAML, front matter, a policy's text, the settings — makes
        // the next page read the content again, and the browser reload.
        server.watcher.add(contentDir);
        let pending: NodeJS.Timeout | undefined;
        const changed = new Set<string>();
        server.watcher.on('all', (_event, file) => {
          if (!path.resolve(file).startsWith(contentDir + path.sep)) return;
          changed.add(path.relative(contentDir, file));
          // An editor's save is often several events: the content is read again once they settle.
          clearTimeout(pending);
          pending = setTimeout(() => {
            contentChanged();
            logger.info(`Content changed: ${[...changed].join(', ')}`);
            changed.clear();
            const context = getComputedContext();
            if (context) logger.info(context.diagnostics.length ? `\n${format('pretty', context.diagnostics, context.summary, true)}` : 'No problems found.');
            server.ws.send({ type: 'full-reload' });
          }, 100);
        });
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        if (audience === 'public') writeFileSync(path.join(out, '_redirects'), redirectsFile(publicRedirects(getPublicView())));
        writeFileSync(path.join(out, '_headers'), headersFile(audience, pagePolicies(out)));
      },
    },
  };
}

/** The Content-Security-Policy of every built page, read back from its `<meta http-equiv>`. */
function pagePolicies(out: string): string[] {
  const policies = new Set<string>();
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const html = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
    if (meta) policies.add(meta[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
  }
  return [...policies];
}

/** File-based routes of one site folder: `controls/[id].astro` → `/controls/[id]`, `trust.json.ts` → `/trust.json`. */
function routesOf(dir: string): { pattern: string; entrypoint: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(astro|ts)$/.test(d.name) && !d.name.startsWith('_'))
    .map((d) => {
      const file = path.join(d.parentPath, d.name);
      const route = path
        .relative(dir, file)
        .split(path.sep)
        .join('/')
        .replace(/\.(astro|ts)$/, '')
        .replace(/(^|\/)index$/, '');
      return { pattern: `/${route}`, entrypoint: file };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}
