/** Certificate files that public certifications offer for download. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentDir, getPublicView } from '../../../lib/site.ts';

export const getStaticPaths: GetStaticPaths = () =>
  getPublicView().certifications.flatMap((c) => (c.certificateFile ? [{ params: { file: path.basename(c.certificateFile) }, props: { source: path.join(contentDir, c.certificateFile) } }] : []));

export const GET: APIRoute = ({ props }) => new Response(new Uint8Array(readFileSync((props as { source: string }).source)));
