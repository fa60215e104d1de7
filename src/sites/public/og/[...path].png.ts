/** The Open Graph image of every public page: `/og/controls/a-8-24.png`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentDir, getPublicView, getToday } from '../../../lib/site.ts';
import { publicPages, type PublicPage } from '../../../view/public-pages.ts';
import { renderCard, type CardBrand } from '../../../render/og-image.ts';
import { ogImagePath } from '../../../view/urls.ts';

export const getStaticPaths: GetStaticPaths = () =>
  publicPages(getPublicView(), getToday()).map((page) => ({ params: { path: ogImagePath(page.path).replace(/^\/og\/|\.png$/g, '') }, props: { page } }));

let brand: CardBrand | undefined;
function getBrand(): CardBrand {
  if (brand) return brand;
  const org = getPublicView().organisation;
  const logo = org.brand.logo;
  const mime = logo?.endsWith('.svg') ? 'image/svg+xml' : 'image/png';
  brand = { name: org.name, accent: org.brand.accentColor, logo: logo ? `data:${mime};base64,${readFileSync(path.join(contentDir, logo)).toString('base64')}` : undefined };
  return brand;
}

export const GET: APIRoute = async ({ props }) => new Response(await renderCard((props as { page: PublicPage }).page, getBrand()), { headers: { 'Content-Type': 'image/png' } });
