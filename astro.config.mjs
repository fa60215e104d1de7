// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import trustbook from './src/integration/index.ts';

const audience = process.env.TRUSTBOOK_AUDIENCE === 'public' ? 'public' : 'internal';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Each audience keeps its own content store, so the public one never holds internal entries.
  cacheDir: `./node_modules/.astro/${audience}`,
  outDir: `./dist/${audience}`,
  integrations: [mdx(), trustbook()],
  vite: {
    ssr: { external: ['@resvg/resvg-js'] },
  },
});
