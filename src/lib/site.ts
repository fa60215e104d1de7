/**
 * What the pages of one site render: the site context of this process, from one of two places.
 *
 * - Under `trustbook build`, the context the command computed and checked, read from the
 *   snapshot it names in `TRUSTBOOK_CONTEXT` (see `context/snapshot.ts`): nothing is read,
 *   linked or checked again, and the public build holds only the public view.
 * - Under `astro dev` or a bare `astro build`, computed here from `TRUSTBOOK_CONTENT` (default
 *   ./content), and computed again after the dev server reports a change in the content folder.
 *
 * The context is kept on `globalThis`: Astro's configuration and the pages Vite bundles are
 * separate module instances, and both must see the same one.
 */
import path from 'node:path';
import { createContext, siteContext, type BuildContext, type InternalSite, type SiteContext } from '../context/context.ts';
import { readSnapshot } from '../context/snapshot.ts';
import { trace } from '../diagnostics/trace.ts';
import type { Model } from '../link/linker.ts';
import type { Revision } from '../load/git-history.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Audience, PublicView, PublishedFile } from '../view/view.ts';
import { publicPages, type PublicPage } from '../view/public-pages.ts';
import { logoPath } from '../view/urls.ts';

export const audience: Audience = process.env.TRUSTBOOK_AUDIENCE === 'public' ? 'public' : 'internal';
export const contentDir: string = path.resolve(process.env.TRUSTBOOK_CONTENT || 'content');
/** The snapshot `trustbook build` wrote for this site, when it started this build. */
const snapshotFile = process.env.TRUSTBOOK_CONTEXT || undefined;

interface Current {
  version: number;
  /** The whole context, when it was computed in this process (dev server, bare `astro build`). */
  context?: BuildContext;
  site: SiteContext;
  pages?: PublicPage[];
}

const STATE = Symbol.for('trustbook.site-context');
type Shared = typeof globalThis & { [STATE]?: { version: number; current?: Current; devServer?: boolean } };
const shared = () => ((globalThis as Shared)[STATE] ??= { version: 0 });

/** Said by the integration under `astro dev` alone: only then do pages show the checks' bar. */
export function markDevServer(): void {
  shared().devServer = true;
}

/** The whole context for the dev server's bar of checks; undefined in any build, whatever NODE_ENV says. */
export const getDevServerContext = (): BuildContext | undefined => (shared().devServer ? current().context : undefined);

/** Tells every page that the content folder changed: the next one computes the context again. */
export function contentChanged(): void {
  shared().version++;
}

function current(): Current {
  const state = shared();
  if (state.current && state.current.version === state.version) return state.current;
  if (snapshotFile) {
    trace('context', `the ${audience} site renders the context the build command checked`);
    state.current = { version: state.version, site: readSnapshot(snapshotFile, { audience, content: contentDir }) };
  } else {
    const context = createContext({ content: contentDir, today: process.env.TRUSTBOOK_TODAY || undefined });
    state.current = { version: state.version, context, site: siteContext(context, audience) };
  }
  return state.current;
}

/** The whole context, computed in this process: only the dev server and a bare `astro build` have one. */
export const getComputedContext = (): BuildContext | undefined => current().context;

function internalSite(): InternalSite {
  const site = current().site;
  if (site.audience !== 'internal') throw new Error('Internal data was requested while building the public site.');
  return site;
}

/** The day pages are computed against: the same day the checks judged. */
export const getToday = (): string => current().site.today;

/** The public projection, the only data public pages receive; the handbook previews it. */
export function getPublicView(): PublicView {
  const site = current().site;
  if (site.audience === 'public') return site.view;
  if (!site.publicView) throw new Error('The trust center cannot be previewed while the settings are invalid.');
  return site.publicView;
}

/** The trust center's pages and their link-preview cards. */
export function getPublicPages(): PublicPage[] {
  const c = current();
  c.pages ??= publicPages(getPublicView(), c.site.today);
  return c.pages;
}

/** The internal view: everything. Only internal pages may call this. */
export const getInternalView = (): Model => internalSite().model;

/** The diagnostics of the content, from the same run the pages render. Only the handbook shows them. */
export const getDiagnostics = (): Diagnostic[] => internalSite().diagnostics;

/** The revisions of a policy file, newest first; null when the content folder is not in a git repository. */
export function getHistory(absPath: string): readonly Revision[] | null {
  const site = internalSite();
  if (!site.history) return null;
  return site.history.get(path.relative(site.model.root, absPath).split(path.sep).join('/')) ?? [];
}

/** Files the trust center copies from the content folder: the logo and the certificates. */
export function getPublishedFiles(): readonly PublishedFile[] {
  const site = current().site;
  if (site.audience !== 'public') throw new Error('The trust center\'s files were requested while building the handbook.');
  return site.files;
}

/** Files the handbook publishes: the logo. */
export function getInternalFiles(): PublishedFile[] {
  const logo = getInternalView().settingsFiles['brand.logo'];
  return logo ? [{ url: logoPath, source: logo }] : [];
}

/** The address the site is published at, from the settings; undefined when the settings are broken. */
export function getSiteUrl(): string | undefined {
  const site = current().site;
  return site.audience === 'public' ? site.view.organisation.publicUrl : site.model.settings?.sites.internal;
}
