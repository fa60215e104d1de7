/** The Open Graph image of every public page: `/og/controls/a-8-24.png`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublicPages, getPublicView, getPublishedFiles } from '../../../lib/site.ts';
import type { PublicPage } from '../../../view/public-pages.ts';
import { renderCard, type CardBrand } from '../../../render/og-image.ts';
import { cardBrand } from '../../../render/card-brand.ts';
import { ogImageParam } from '../../../view/urls.ts';

export const getStaticPaths: GetStaticPaths = () =>
  getPublicPages().map((page) => ({ params: { path: ogImageParam(page.path) }, props: { page } }));

let brand: CardBrand | undefined;

export const GET: APIRoute = async ({ props }) => {
  brand ??= cardBrand(getPublicView(), getPublishedFiles());
  return new Response(new Uint8Array(await renderCard((props as { page: PublicPage }).page, brand)), { headers: { 'Content-Type': 'image/png' } });
};
