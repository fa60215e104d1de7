/**
 * Builds the two sites as two separate Astro builds, side by side, indexes each with Pagefind, and publishes
 * both in one step (see `output.ts`): a failed, interrupted or killed build never changes what
 * `dist/` holds. One build runs at a time (`lock.ts`), and a build whose starter goes away stops
 * at once (`lifeline.ts`) rather than finishing unseen.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Audience } from '../view/view.ts';
import type { Model } from '../link/linker.ts';
import { siteContext, type BuildContext, type PublicSite } from '../context/context.ts';
import { writeSnapshot } from '../context/snapshot.ts';
import { publicPages } from '../view/public-pages.ts';
import { cardBrand } from '../render/card-brand.ts';
import { cardCacheFor, pruneCards } from '../render/og-image.ts';
import { logoPng } from '../render/logo.ts';
import { displayPath } from '../load/paths.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DiagnosticId } from '../diagnostics/catalogue.ts';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { indexSite } from './search-index.ts';
import { drawCardsInPool } from './cards.ts';
import { acquireLock } from './lock.ts';
import { stopPrestarted, type Prestarted } from './astro-prestart.ts';
import { watchAncestors } from './lifeline.ts';
import { carryOver, discard, liveBuild, newBuild, publish, resolveOut } from './output.ts';
import type { BuildFailure } from './astro-build.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroRunner = fileURLToPath(new URL('./astro-build.ts', import.meta.url));
const cacheRoot = path.join(projectRoot, 'node_modules', '.cache', 'trustbook');
// Caches and fonts are found from the project, wherever the command was started.
process.env.TRUSTBOOK_PROJECT_ROOT ??= projectRoot;

export interface BuildOptions {
  /** The checked content: each site is rendered from its part of it, without reading the content again. */
  context: BuildContext;
  out: string;
  audiences?: readonly Audience[];
  /** Where problems are written (the terminal's stderr). */
  colour?: boolean;
  /** Astro build processes started ahead, which have loaded Astro by now (`astro-prestart.ts`). */
  prestarted?: Prestarted | undefined;
}

/** Thrown by a step to stop the build with diagnostics. */
class BuildStopped extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super('build stopped');
    this.diagnostics = diagnostics;
  }
}

export async function buildSites({ context, out, audiences = ['internal', 'public'], colour = false, prestarted }: BuildOptions): Promise<number> {
  const { model, content, today } = context;
  const target = resolveOut(out);
  const lock = acquireLock(path.join(cacheRoot, 'build.lock'), `${displayOut(target)} from ${displayPath(content) || '.'}`);
  if (!lock.acquired) {
    const { pid, since, what } = lock.holder;
    process.stderr.write(`Another Trustbook build is running (pid ${pid}, started ${since.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}, building ${what}).\nWait for it to finish, or stop it, then build again. Nothing was written.\n`);
    return 1;
  }

  const children = new Set<ChildProcess>();
  // Astro keeps its intermediate files beside the output only when the output is inside the project;
  // elsewhere both builds would share one scratch folder. So each builds inside the project first.
  const scratch = (audience: Audience) => path.join(cacheRoot, `build-${audience}`);
  // Named for this build alone: a snapshot is never another build's, even one started by mistake beside it.
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const snapshot = (audience: Audience) => path.join(cacheRoot, `context-${audience}-${run}.bin`);
  let build: string | null = null;

  const stopCards = new AbortController();
  const cleanUp = () => {
    stopCards.abort();
    stopPrestarted(prestarted);
    for (const child of children) child.kill('SIGKILL');
    for (const audience of audiences) {
      rmSync(scratch(audience), { recursive: true, force: true });
      rmSync(snapshot(audience), { force: true });
    }
    discard(build);
    lock.release();
  };
  const stop = (why: string, code: number) => {
    cleanUp();
    process.stderr.write(`\nBuild stopped: ${why}. The sites in ${displayOut(target)} were left as they were.\n`);
    process.exit(code);
  };
  const stopWatching = watchAncestors((why) => stop(why, 1));
  const onSignal = (signal: NodeJS.Signals) => stop(`it received ${signal}`, 128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[signal]!);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);

  const started = performance.now();
  try {
    // Each site's context goes to its Astro build in a file; the public build receives the public view alone.
    const sites = new Map(audiences.map((audience) => [audience, siteContext(context, audience)]));
    const publicSite = sites.get('public') as PublicSite | undefined;
    // This content folder's cards, in a folder of their own: the cards drawn here, by the workers and by the trust center's build.
    process.env.TRUSTBOOK_CARD_CACHE = cardCacheFor(content);
    // The logo is drawn before anything else: a logo that cannot be drawn is the content's problem, said at its line.
    drawLogo(model);
    for (const audience of audiences) rmSync(scratch(audience), { recursive: true, force: true });
    mkdirSync(cacheRoot, { recursive: true });
    for (const [audience, site] of sites) writeSnapshot(snapshot(audience), content, site);
    build = newBuild(target);

    // The two sites build side by side, each in a process and a scratch folder of its own, with its own
    // Astro cache (astro.config.mjs): the handbook at once, the trust center once its missing cards are
    // drawn in a pool of workers. Each site is indexed as soon as it is built, one index at a time.
    const cardsStarted = performance.now();
    const cards = publicSite ? drawAllCards(publicSite, today, stopCards.signal) : Promise.resolve(0);
    let indexing: Promise<unknown> = Promise.resolve();
    const buildOne = async (audience: Audience) => {
      if (audience === 'public') {
        const drawn = await cards;
        process.stdout.write(`[public] ${drawn} link-preview cards drawn ahead of the build${drawn ? ` in ${((performance.now() - cardsStarted) / 1000).toFixed(1)} s` : ''}.\n`);
      }
      await runAstro(audience, { content, snapshot: snapshot(audience), outDir: scratch(audience) }, children, takePrestarted(prestarted, audience));
      const indexed = indexing.then(() => indexSite(scratch(audience)));
      indexing = indexed.catch(() => undefined);
      const pages = await indexed.catch((error: Error) => {
        throw new BuildStopped([buildProblem('build/search-index', audience, `Pagefind could not index the ${audience} site: ${error.message}`, 'Search would be broken, so nothing was published. Run the build again; if it fails the same way, report it with the message above.')]);
      });
      process.stdout.write(`[${audience}] Pagefind indexed ${pages.pages} pages.\n`);
    };
    const builds = audiences.map(buildOne);
    // The first failure stops the build (the other site's process is stopped on the way out); later ones are moot.
    for (const pending of [cards, ...builds]) pending.catch(() => undefined);
    await Promise.all(builds);
    for (const audience of audiences) moveDir(scratch(audience), path.join(build, audience));
    // A site not built this time is carried over from the live build, so that both change in one step.
    const live = liveBuild(target);
    for (const audience of ['internal', 'public'] as const) {
      if (audiences.includes(audience) || !live) continue;
      const previous = path.join(live, audience);
      try {
        carryOver(previous, path.join(build, audience));
      } catch {
        /* there was no such site yet */
      }
    }
    publish(target, build);
    build = null;
    // Cards no page shows any more (a title changed, a page went) are deleted: the cache does not grow with every edit.
    try {
      if (publicSite) pruneCards(publicPages(publicSite.view, today), cardBrand(publicSite.view, publicSite.files));
    } catch {
      /* a cache that cannot be pruned only takes more room */
    }
  } catch (error) {
    const diagnostics = error instanceof BuildStopped ? error.diagnostics : [buildProblem('build/failed', null, `The build failed: ${(error as Error).message}`, 'Run the build again; if it fails the same way, report it with this message.')];
    process.stderr.write(`\n${formatDiagnostics(diagnostics, colour)}\nBuild failed; the sites in ${displayOut(target)} were left as they were.\n`);
    return 1;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    stopWatching();
    cleanUp();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\nBuilt ${audiences.map((a) => `${displayOut(target)}/${a}/`).join(' and ')} in ${seconds}s (as of ${today}).\n`);
  return 0;
}

/** Draws the logo once, so that one that cannot be drawn is reported at `brand.logo` before any site is built. */
function drawLogo(model: Model) {
  const logo = model.settingsFiles['brand.logo'];
  if (!logo) return;
  try {
    logoPng(logo);
  } catch (error) {
    const at = model.locateSetting(['brand', 'logo']);
    throw new BuildStopped([
      {
        rule: 'files/wrong-type',
        severity: 'error',
        file: model.settingsFile,
        line: at?.line ?? null,
        column: at?.column ?? null,
        entity: 'settings',
        subject: { collection: 'settings', id: 'settings', field: 'brand.logo' },
        message: `The logo \`${logo.path}\` cannot be drawn: ${(error as Error).message.split('\n')[0]}.`,
        hint: 'Export the logo again as a plain SVG or a PNG (in an SVG, give the <svg> element a width and height, or a viewBox).',
      },
    ]);
  }
}

/** The link-preview cards of the trust center; a card that cannot be drawn names its page. */
async function drawAllCards(site: PublicSite, today: string, signal: AbortSignal): Promise<number> {
  const pages = publicPages(site.view, today);
  try {
    return await drawCardsInPool(pages, cardBrand(site.view, site.files), { signal });
  } catch (error) {
    const page = (error as { page?: string }).page;
    throw new BuildStopped([buildProblem('build/card', 'public', `The link-preview card${page ? ` of ${page}` : 's'} could not be drawn: ${(error as Error).message}`, 'Shorten the title of that page, or report it with this message.')]);
  }
}

/** The process started ahead for a site, if it is still there to take; each is taken once. */
function takePrestarted(prestarted: Prestarted | undefined, audience: Audience): ChildProcess | undefined {
  const child = prestarted?.get(audience);
  prestarted?.delete(audience);
  if (child && child.exitCode === null && child.signalCode === null && child.connected) return child;
  child?.kill('SIGKILL');
  return undefined;
}

function runAstro(audience: Audience, { content, snapshot, outDir }: { content: string; snapshot: string; outDir: string }, children: Set<ChildProcess>, ready?: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { TRUSTBOOK_AUDIENCE: audience, TRUSTBOOK_CONTENT: content, TRUSTBOOK_CONTEXT: snapshot, TRUSTBOOK_PROJECT_ROOT: projectRoot, ASTRO_TELEMETRY_DISABLED: '1' };
    let child: ChildProcess;
    if (ready) {
      child = ready;
      // The environment of this build: what this command has set since it started the process, and the site's own.
      const own = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
      child.send({ type: 'build', outDir, env: { ...own, ...env } });
    } else {
      child = fork(astroRunner, [outDir], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    }
    children.add(child);
    let failure: BuildFailure | undefined;
    child.on('message', (message) => {
      if ((message as BuildFailure).type === 'failure') failure = message as BuildFailure;
    });
    const prefix = `[${audience}] `;
    child.stdout!.on('data', relay(process.stdout, prefix));
    child.stderr!.on('data', relay(process.stderr, prefix));
    child.on('error', (error) => {
      children.delete(child);
      reject(new BuildStopped([buildProblem('build/astro', audience, `Astro could not be started: ${error.message}`, 'Run `npm install` in the Trustbook folder, then build again.')]));
    });
    child.on('close', (code) => {
      children.delete(child);
      if (code === 0) return resolve();
      reject(new BuildStopped([astroProblem(audience, failure)]));
    });
  });
}

/** Astro's failure, as a diagnostic: what failed, on which page, and how to learn more. */
function astroProblem(audience: Audience, failure: BuildFailure | undefined): Diagnostic {
  const where = failure?.page ? ` while building ${failure.page}` : '';
  const diagnostic = buildProblem(
    'build/astro',
    audience,
    `Astro could not build the ${audience} site${where}: ${failure ? failure.message : 'the build stopped without saying why'}.`,
    `${failure?.hint ? `${failure.hint} ` : ''}The checks passed, so this is content Trustbook does not catch yet, or a bug: run the build with TRUSTBOOK_DEBUG=1 for the details, and report it.`,
  );
  if (failure?.source) {
    diagnostic.file = displayPath(failure.source.file);
    diagnostic.line = failure.source.line ?? null;
  }
  if (failure?.stack && process.env.TRUSTBOOK_DEBUG) diagnostic.hint += `\n${failure.stack}`;
  return diagnostic;
}

function buildProblem(rule: DiagnosticId, audience: Audience | null, message: string, hint: string): Diagnostic {
  return { rule, severity: 'error', file: audience ? `dist/${audience}/` : 'dist/', line: null, column: null, entity: null, message, hint, subject: null };
}

/** Relays a child's output line by line, with the site's name in front. */
function relay(stream: NodeJS.WritableStream, prefix: string) {
  let pending = '';
  return (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) stream.write(`${prefix}${line}\n`);
  };
}

/** Moves a folder, copying when source and target are on different file systems. */
function moveDir(from: string, to: string) {
  mkdirSync(path.dirname(to), { recursive: true });
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** The output folder as the person who ran the build would type it: relative to where they ran it. */
const displayOut = (out: string) => path.relative(process.cwd(), out).split(path.sep).join('/') || '.';
