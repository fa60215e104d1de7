/**
 * The build context: what one command knows about a content folder, computed once. The content
 * is read, linked and checked here and nowhere else; `check` prints the result, `build` hands it
 * to both Astro builds (see `snapshot.ts`), and the dev server computes it again when a file
 * changes. Pages receive views of it and only render.
 */
import path from 'node:path';
import { contentHistory, type History } from '../load/git-history.ts';
import { contentPath, resolveDisplayPath } from '../load/paths.ts';
import type { Model } from '../link/linker.ts';
import { checkContent, type CheckOptions } from '../checks/run.ts';
import type { Diagnostic, Summary } from '../diagnostics/diagnostic.ts';
import { trace } from '../diagnostics/trace.ts';
import { publishedFiles, view, type Audience, type PublicView, type PublishedFile } from '../view/view.ts';

export interface BuildContext {
  /** The content folder, absolute. */
  content: string;
  /** The day everything is judged against, `YYYY-MM-DD`. */
  today: string;
  /** The linked model: everything, internal included. */
  model: Model;
  /** Every problem found, sorted as the report prints them. */
  diagnostics: Diagnostic[];
  summary: Summary;
}

export interface ContextOptions {
  /** Content folder. */
  content: string;
  /** `YYYY-MM-DD` from `--today` or `TRUSTBOOK_TODAY`; wins over the settings' pinned date. */
  today?: string | undefined;
  /** A trust.json as last published, whose addresses must stay reachable (see `checkContent`). */
  published?: CheckOptions['published'];
}

/** Reads, links and checks a content folder: load → link → check. */
export function createContext({ content, today, published }: ContextOptions): BuildContext {
  const root = path.resolve(content);
  trace('context', `reading and checking the content folder ${root}`);
  return { content: root, ...checkContent({ content: root, today, published }) };
}

/** What the public site is built from: the public projection alone, never the model it came from. */
export interface PublicSite {
  audience: 'public';
  today: string;
  view: PublicView;
  /** The files the site copies from the content folder (logo, certificates): where they are stays out of the view. */
  files: readonly PublishedFile[];
}

/** What the handbook is built from: everything, with the checks' findings and the policies' history. */
export interface InternalSite {
  audience: 'internal';
  today: string;
  model: Model;
  diagnostics: Diagnostic[];
  summary: Summary;
  /** Revisions of each policy file, by path relative to the content folder; null outside a git repository. */
  history: History | null;
  /** What the trust center shows, for the handbook's previews of it; null while the settings are invalid. */
  publicView: PublicView | null;
}

export type SiteContext = PublicSite | InternalSite;

/** What one site is built from. The public site receives the public view and nothing else. */
export function siteContext(context: BuildContext, audience: 'public'): PublicSite;
export function siteContext(context: BuildContext, audience: 'internal'): InternalSite;
export function siteContext(context: BuildContext, audience: Audience): SiteContext;
export function siteContext(context: BuildContext, audience: Audience): SiteContext {
  const { today, model } = context;
  if (audience === 'public') {
    const publicView = view(model, 'public');
    return { audience, today, view: publicView, files: publishedFiles(publicView) };
  }
  const policies = model.entries.policies.map((entry) => path.relative(model.root, entry.absPath));
  return {
    audience,
    today,
    model: view(model, 'internal'),
    // The handbook names files relative to the content folder, so that it reads the same wherever the folder is.
    diagnostics: context.diagnostics.map((d) => {
      const file = contentPath(model.root, resolveDisplayPath(d.file));
      return path.isAbsolute(file) ? d : { ...d, file };
    }),
    summary: context.summary,
    history: contentHistory(model.root, policies),
    publicView: model.settings ? view(model, 'public') : null,
  };
}
