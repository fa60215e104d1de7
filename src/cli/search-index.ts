/**
 * Indexes a built site with Pagefind. Every error Pagefind reports fails the build: a site
 * must never ship with a search box that finds nothing.
 */
import * as pagefind from 'pagefind';
import path from 'node:path';

export async function indexSite(siteDir: string): Promise<{ pages: number }> {
  const { index, errors: createErrors } = await pagefind.createIndex({ rootSelector: 'html' });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
