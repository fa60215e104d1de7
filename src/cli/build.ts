/**
 * Builds the two sites as two separate Astro builds into staging folders,
 * and swaps each into place only when both have succeeded: a failed build never leaves a
 * half-written site where a good one stood.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { view, type Audience } from '../view/view.ts';
import type { Model } from '../link/linker.ts';
import { publicPages } from '../view/public-pages.ts';
import { drawCards } from '../render/og-image.ts';
import { cardBrand } from '../render/card-brand.ts';
import { displayPath } from '../load/paths.ts';
import { indexSite } from './search-index.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
// Caches and fonts are found from the project, wherever the command was started.
process.env.TRUSTBOOK_PROJECT_ROOT ??= projectRoot;

export interface BuildOptions {
  /** The checked model of the content: used to draw link-preview cards ahead of the public build. */
  model: Model;
  content: string;
  today: string;
  out: string;
  audiences?: readonly Audience[];
}

export async function buildSites({ model, content, today, out, audiences = ['internal', 'public'] }: BuildOptions): Promise<number> {
  mkdirSync(out, { recursive: true });
  const staging = (audience: Audience) => path.join(out, `.staging-${audience}`);
  for (const audience of audiences) rmSync(staging(audience), { recursive: true, force: true });

  // Astro keeps its intermediate files beside the output only when the output is inside the project;
  // elsewhere both builds would share one scratch folder. So each builds inside the project first.
  const scratch = (audience: Audience) => path.join(projectRoot, 'node_modules', '.cache', 'trustbook', `build-${audience}`);
  const started = performance.now();
  // One after the other: Astro keeps generated content modules in the project's .astro/ folder,
  // which two builds at once would overwrite for each other.
  // This process would only wait meanwhile: it draws the trust center's cards while the handbook builds.
  const cards = audiences.includes('public') ? drawCards(publicPages(view(model, 'public'), today), cardBrand(view(model, 'public'))) : Promise.resolve(0);
  const results: number[] = [];
  for (const audience of audiences) {
    if (audience === 'public') process.stdout.write(`[public] ${await cards} link-preview cards drawn ahead of the build.\n`);
    results.push(await astroBuild(audience, { content, today, outDir: scratch(audience) }));
  }
  const failed = audiences.filter((_, i) => results[i] !== 0);
  if (!failed.length) {
    for (const audience of audiences) {
      try {
        const { pages } = await indexSite(scratch(audience));
        process.stdout.write(`[${audience}] Pagefind indexed ${pages} pages.\n`);
      } catch (error) {
        process.stderr.write(`[${audience}] ${(error as Error).message}\n`);
        failed.push(audience);
      }
    }
  }
  for (const audience of audiences) if (!failed.length) moveDir(scratch(audience), staging(audience));
  if (failed.length) {
    for (const audience of audiences) rmSync(scratch(audience), { recursive: true, force: true });
    process.stderr.write(`\nBuild failed for ${failed.join(' and ')}; the sites in ${displayOut(out)} were left as they were.\n`);
    return 1;
  }
  for (const audience of audiences) swapInto(staging(audience), path.join(out, audience));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\nBuilt ${audiences.map((a) => `${displayOut(out)}/${a}/`).join(' and ')} in ${seconds}s (as of ${today}).\n`);
  return 0;
}

function astroBuild(audience: Audience, { content, today, outDir }: { content: string; today: string; outDir: string }): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: projectRoot,
      env: { ...process.env, TRUSTBOOK_AUDIENCE: audience, TRUSTBOOK_CONTENT: content, TRUSTBOOK_TODAY: today, TRUSTBOOK_CHECKED: '1', TRUSTBOOK_PROJECT_ROOT: projectRoot, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = `[${audience}] `;
    const relay = (stream: NodeJS.WritableStream) => {
      let pending = '';
      return (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) stream.write(`${prefix}${line}\n`);
      };
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('error', (error) => {
      process.stderr.write(`${prefix}could not start Astro: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Moves a folder, copying when source and target are on different file systems. */
function moveDir(from: string, to: string) {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Replaces `target` by `staging` with two renames, so the old site stays whole until the new one is complete. */
function swapInto(staging: string, target: string) {
  const old = `${target}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(staging, target);
  rmSync(old, { recursive: true, force: true });
}

const displayOut = (out: string) => displayPath(out) || '.';
