// @ts-check
import { defineConfig } from 'astro/config';
import trustbook from './src/integration/index.ts';
import { cspDirectives, scriptSources, styleSources } from './src/render/headers.ts';

const audience = process.env.TRUSTBOOK_AUDIENCE === 'public' ? 'public' : 'internal';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Each audience keeps its own cache, so the public build never reads what the internal one wrote.
  cacheDir: `./node_modules/.astro/${audience}`,
  outDir: `./dist/${audience}`,
  integrations: [trustbook()],
  // Trustbook renders content with its own sanitising pipeline; Astro's Markdown (and Shiki's inline styles) are unused.
  markdown: { syntaxHighlight: false },
  // Every page carries a Content-Security-Policy: scripts and styles only from the site itself or by
  // the hash of what Trustbook wrote. The same policy, with what a <meta> cannot say, goes to `_headers`.
  security: {
    csp: {
      directives: [...cspDirectives],
      scriptDirective: { resources: [...scriptSources] },
      styleDirective: { resources: [...styleSources(audience)] },
    },
  },
  vite: {
    ssr: { external: ['@resvg/resvg-js'] },
  },
});
