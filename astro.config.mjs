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
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // MDX modules carry Astro's head-injection directive; bundling them warns once per policy
          // about a directive that Astro itself handles. Drop that one warning, nothing wider.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
