/**
 * Anchors on the trust center's pages that come from content: an answer at `/answers/#<id>`,
 * a subprocessor at `/subprocessors/#<id>`, an update at `/updates/#<id>`. They are published
 * deep links, so they are the entity ids themselves; they must never be an id that the pages
 * use for their own elements.
 */

/** Element ids of the page frame (the skip link's target), present on every page. */
export const PAGE_IDS: readonly string[] = ['main'];

/** `Access control` → `access-control`: the anchor a topic would take before it is made unique on its page. */
export const slugOf = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'topic';
