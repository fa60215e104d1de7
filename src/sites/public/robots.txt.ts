import type { APIRoute } from 'astro';
import { getPublicView } from '../../lib/site.ts';

export const GET: APIRoute = () => new Response(`User-agent: *\nAllow: /\n\nSitemap: ${getPublicView().organisation.publicUrl.replace(/\/$/, '')}/sitemap.xml\n`);
