/**
 * What one Astro build is about: which audience, which content folder, which day.
 * The CLI passes these as environment variables to each of the two builds; `astro dev`
 * falls back to the internal handbook of ./content.
 *
 * The model is read once and kept until the content changes: the dev server bumps a
 * counter on `globalThis` whenever a file of the content folder changes (see the
 * integration), and the next page asks for a fresh model. In a build nothing changes,
 * so the content is read once per build.
 */
import path from 'node:path';
import { loadContent } from '../load/loader.ts';
import { link, type Model } from '../link/linker.ts';
import { resolveToday } from '../model/dates.ts';
import { runRules } from '../checks/run.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { view, type Audience, type PublicView, type PublishedFile } from '../view/view.ts';
import { publicPages, type PublicPage } from '../view/public-pages.ts';
import { logoPath } from '../view/urls.ts';

export const audience: Audience = process.env.TRUSTBOOK_AUDIENCE === 'public' ? 'public' : 'internal';
export const contentDir: string = path.resolve(process.env.TRUSTBOOK_CONTENT || 'content');

const VERSION = Symbol.for('trustbook.content-version');
type Versioned = typeof globalThis & { [VERSION]?: number };

/** Tells every page that the content folder changed: the next one reads it again. */
export function contentChanged(): void {
  const g = globalThis as Versioned;
  g[VERSION] = (g[VERSION] ?? 0) + 1;
}

interface Cache {
  version: number;
  model: Model;
  publicView?: PublicView;
  pages?: PublicPage[];
  diagnostics?: Diagnostic[];
}
let cache: Cache | undefined;

function current(): Cache {
  const version = (globalThis as Versioned)[VERSION] ?? 0;
  if (!cache || cache.version !== version) cache = { version, model: link(loadContent(contentDir)) };
  return cache;
}

/** The linked model of the content folder. */
export const getModel = (): Model => current().model;

/** The day pages are computed against: the same rule as the checks. */
export const getToday = (): string => resolveToday(process.env.TRUSTBOOK_TODAY || undefined, getModel().settings?.today);

/** The public projection, the only data public pages receive. */
export function getPublicView(): PublicView {
  const c = current();
  c.publicView ??= view(c.model, 'public');
  return c.publicView;
}

/** The trust center's pages and their link-preview cards. */
export function getPublicPages(): PublicPage[] {
  const c = current();
  c.pages ??= publicPages(getPublicView(), getToday());
  return c.pages;
}

/** The internal view: everything. Only internal pages may call this. */
export function getInternalView(): Model {
  if (audience !== 'internal') throw new Error('Internal data was requested while building the public site.');
  return view(getModel(), 'internal');
}

/** Files the handbook publishes: the logo. */
export function getInternalFiles(): PublishedFile[] {
  const logo = getInternalView().settingsFiles['brand.logo'];
  return logo ? [{ url: logoPath, source: logo }] : [];
}

/** The diagnostics of the content, from the same run the pages render. Only the handbook shows them. */
export function getDiagnostics(): Diagnostic[] {
  const c = current();
  c.diagnostics ??= runRules(c.model, getToday());
  return c.diagnostics;
}
