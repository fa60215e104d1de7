/** Every public URL is made here, so that pages, the sitemap, feeds and redirects agree. */
import { controlSlug } from '../model/catalog.ts';

export const controlPath = (id: string) => `/controls/${controlSlug(id)}/`;
export const policyPath = (id: string) => `/policies/${id}/`;
export const answerPath = (id: string) => `/answers/${id}/`;
/** The answer's anchor on the page of all answers. */
export const answerAnchor = (id: string) => `/answers/#${id}`;
export const updatePath = (id: string) => `/updates/#${id}`;
/** The Open Graph image of a page: `/controls/a-8-24/` → `/og/controls/a-8-24.png`. */
export const ogImagePath = (pagePath: string) => `/og/${pagePath.replace(/^\/|\/$/g, '') || 'index'}.png`;
/** The logo, rasterised to PNG whatever its source format: an SVG is never served from the site. */
export const logoPath = '/brand/logo.png';
/** A certification's certificate: named after the certification, so the link survives a renewal. */
export const certificatePath = (certificationId: string) => `/certificates/${certificationId}.pdf`;
