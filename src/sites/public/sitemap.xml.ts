import type { APIRoute } from 'astro';
import { getPublicPages, getPublicView } from '../../lib/site.ts';

export const GET: APIRoute = () => {
  const site = getPublicView();
  const base = site.organisation.publicUrl.replace(/\/$/, '');
  const urls = getPublicPages().map((p) => `  <url><loc>${base}${p.path}</loc></url>`);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
