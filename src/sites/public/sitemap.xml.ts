import type { APIRoute } from 'astro';
import { getPublicPages, getPublicView } from '../../lib/site.ts';
import { sitemapXml } from '../../render/sitemap.ts';

export const GET: APIRoute = () =>
  new Response(sitemapXml(getPublicView().organisation.publicUrl, getPublicPages().map((p) => p.path)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
