/**
 * One worker of the card pool (`cards.ts`): draws the link-preview cards it is given into the
 * card cache, and says how many it drew, or which page's card could not be drawn.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { drawCards, type CardBrand } from '../render/og-image.ts';
import type { PublicPage } from '../view/public-pages.ts';

export type CardWorkerResult = { drawn: number } | { error: string; page?: string };

const { pages, brand } = workerData as { pages: PublicPage[]; brand: CardBrand };
let result: CardWorkerResult;
try {
  result = { drawn: await drawCards(pages, brand) };
} catch (error) {
  const page = (error as { page?: string }).page;
  result = { error: (error as Error).message, ...(page ? { page } : {}) };
}
parentPort!.postMessage(result);
