/** The organisation's logo, copied from the content folder. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentDir, getInternalView } from '../../../lib/site.ts';

export const getStaticPaths: GetStaticPaths = () => {
  const logo = getInternalView().settings?.brand.logo;
  return logo ? [{ params: { file: path.basename(logo) }, props: { source: path.join(contentDir, logo) } }] : [];
};

export const GET: APIRoute = ({ props }) => new Response(new Uint8Array(readFileSync((props as { source: string }).source)));
