/**
 * The Trustbook Astro integration: checks the content before a build, and injects the
 * routes of the site being built (`src/sites/public/` or `src/sites/internal/`).
 */
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../checks/run.ts';
import { format } from '../diagnostics/format.ts';
import { writeFileSync } from 'node:fs';
import { audience, contentDir, getModel, getPublicView } from '../lib/site.ts';
import { publicRedirects, redirectsFile } from '../view/redirects.ts';

const sitesDir = fileURLToPath(new URL('../sites/', import.meta.url));

export default function trustbook(): AstroIntegration {
  return {
    name: 'trustbook',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, addWatchFile, updateConfig, logger }) => {
        // `npm run build` has checked already; a bare `astro build` or `astro dev` checks here.
        if (!process.env.TRUSTBOOK_CHECKED && (command === 'build' || command === 'dev')) {
          const result = checkContent({ content: contentDir, today: process.env.TRUSTBOOK_TODAY || undefined });
          if (result.diagnostics.length) logger.warn(`\n${format('pretty', result.diagnostics, result.summary, true)}`);
          if (command === 'build' && result.summary.errors > 0) {
            throw new Error(`The content has ${result.summary.errors} error(s); see the report above. Nothing was built.`);
          }
        }
        const settings = getModel().settings;
        if (settings) updateConfig({ site: settings.sites[audience] });
        // Astro writes a page with a meta refresh for each redirect; hosts that read `_redirects` get real 301s.
        if (settings && audience === 'public') updateConfig({ redirects: publicRedirects(getPublicView()) });
        addWatchFile(path.join(contentDir, 'settings.yaml'));
        for (const route of routesOf(path.join(sitesDir, audience))) injectRoute(route);
      },
      'astro:build:done': ({ dir }) => {
        if (audience === 'public') writeFileSync(new URL('_redirects', dir), redirectsFile(publicRedirects(getPublicView())));
      },
    },
  };
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
