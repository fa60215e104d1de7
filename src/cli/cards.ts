/**
 * Draws the trust center's missing link-preview cards in a pool of worker threads, one per core:
 * a card costs tens of milliseconds of CPU, and an organisation of some size has a thousand.
 * Cards already in the cache are not handed out, and when none is missing no worker starts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { missingCards, type CardBrand } from '../render/og-image.ts';
import type { PublicPage } from '../view/public-pages.ts';
import type { CardWorkerResult } from './card-worker.ts';

/** Fewer cards than this per worker are not worth starting one for: each loads Satori, resvg and the fonts. */
const CARDS_PER_WORKER = 8;

export async function drawCardsInPool(pages: readonly PublicPage[], brand: CardBrand, { size = availableParallelism(), signal }: { size?: number; signal?: AbortSignal } = {}): Promise<number> {
  const missing = missingCards(pages, brand);
  if (missing.length === 0) return 0;
  const workers = Math.max(1, Math.min(size, Math.ceil(missing.length / CARDS_PER_WORKER)));
  // Dealt out in turn, so that each worker gets its share of long and short titles.
  const shares = Array.from({ length: workers }, (_, w) => missing.filter((_, i) => i % workers === w));
  const started: Worker[] = [];
  // A build that stops stops its workers with it.
  const stop = () => {
    for (const worker of started) void worker.terminate();
  };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const results = await Promise.all(
      shares.map(
        (share) =>
          new Promise<number>((resolve, reject) => {
            const worker = new Worker(new URL('./card-worker.ts', import.meta.url), { workerData: { pages: share, brand } });
            started.push(worker);
            worker.once('message', (result: CardWorkerResult) => {
              if ('drawn' in result) resolve(result.drawn);
              else reject(Object.assign(new Error(result.error), result.page ? { page: result.page } : {}));
            });
            worker.once('error', reject);
            worker.once('exit', (code) => reject(new Error(`a card worker stopped (exit code ${code})`)));
          }),
      ),
    );
    return results.reduce((a, b) => a + b, 0);
  } finally {
    signal?.removeEventListener('abort', stop);
    stop();
  }
}
