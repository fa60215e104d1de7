/**
 * What one Astro build is about: which audience, which content folder, which day.
 * The CLI passes these as environment variables to each of the two builds; `astro dev`
 * falls back to the internal handbook of ./content.
 */
import path from 'node:path';
import { loadContent } from '../load/loader.ts';
import { link, type Model } from '../link/linker.ts';
import { resolveToday } from '../checks/run.ts';
import { view, type Audience, type PublicView } from '../view/view.ts';
import { publicPages, type PublicPage } from '../view/public-pages.ts';

export const audience: Audience = process.env.TRUSTBOOK_AUDIENCE === 'public' ? 'public' : 'internal';
export const contentDir: string = path.resolve(process.env.TRUSTBOOK_CONTENT || 'content');

let model: Model | undefined;
let publicSite: PublicView | undefined;
let pages: PublicPage[] | undefined;

/** The linked model of the content folder, loaded once per build. */
export function getModel(): Model {
  model ??= link(loadContent(contentDir));
  return model;
}

/** The day pages are computed against: the same rule as the checks. */
export const getToday = (): string => resolveToday(process.env.TRUSTBOOK_TODAY || undefined, getModel().settings?.today);

/** The public projection, the only data public pages receive. Made once per build. */
export function getPublicView(): PublicView {
  publicSite ??= view(getModel(), 'public');
  return publicSite;
}

/** The trust center's pages and their link-preview cards. */
export function getPublicPages(): PublicPage[] {
  pages ??= publicPages(getPublicView(), getToday());
  return pages;
}

/** The internal view: everything. Only internal pages may call this. */
export function getInternalView(): Model {
  if (audience !== 'internal') throw new Error('Internal data was requested while building the public site.');
  return view(getModel(), 'internal');
}
