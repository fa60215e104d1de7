/**
 * Routes that copy files named in the content (the logo, certificate PDFs) into a site, each at
 * `/<folder>/<file name>`. The `files/missing` check has made sure every one exists.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../lib/site.ts';

export function contentFiles(listPaths: () => (string | undefined)[]): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: () =>
      listPaths()
        .filter((p): p is string => Boolean(p))
        .map((p) => ({ params: { file: path.basename(p) }, props: { source: path.join(contentDir, p) } })),
    GET: ({ props }) => new Response(new Uint8Array(readFileSync((props as { source: string }).source))),
  };
}
