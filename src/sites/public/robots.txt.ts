import type { APIRoute } from 'astro';
import { getPublicView } from '../../lib/site.ts';

export const GET: APIRoute = () => new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', getPublicView().organisation.publicUrl).href}\n`);
