/**
 * The one Markdown pipeline: policies (MDX), questionnaire answers and update notices all go
 * through it, on the pages, in the feed and in the search index. It renders only what
 * `src/load/markdown.ts` allows — Markdown, Trustbook's components, a few inline elements —
 * and then sanitises the HTML with rehype-sanitize against a strict allow-list, so that
 * nothing a content author writes can run in a reader's browser even if the checks missed it.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import GithubSlugger from 'github-slugger';
import { toString as hastText } from 'hast-util-to-string';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { calloutTypes, inlineElements, linkSchemes, parseMarkdown, publishable, type Flavour } from '../load/markdown.ts';

export interface Heading {
  depth: number;
  /** The id of the heading in the page: `#password-rules`. */
  slug: string;
  text: string;
}

export interface Rendered {
  html: string;
  headings: Heading[];
}

export interface RenderOptions {
  flavour?: Flavour;
  /**
   * Gives every heading an id (for a table of contents), unique within the page: ids in
   * `reservedIds` — the page's own — are never used.
   */
  headingIds?: boolean;
  reservedIds?: Iterable<string>;
  /** Prefix of the ids footnotes get, so that several documents on one page never share one. */
  idPrefix?: string;
}

/** The allow-list the HTML is held to, whatever the tree above produced. */
const schema: SanitizeSchema = {
  tagNames: [
    ...['p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 'a', 'ul', 'ol', 'li', 'input', 'section'],
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
    ...['aside', 'details', 'summary'],
    ...inlineElements,
  ],
  attributes: {
    a: ['href', 'id', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', ['className', 'data-footnote-backref']],
    aside: [['className', 'callout', ...calloutTypes.map((t) => `callout-${t}`)]],
    p: [['className', 'callout-title']],
    code: [['className', /^language-[a-z0-9+#-]+$/i]],
    th: [['align', 'left', 'center', 'right']],
    td: [['align', 'left', 'center', 'right']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    li: ['id', ['className', 'task-list-item']],
    ul: [['className', 'contains-task-list']],
    ol: ['start', ['className', 'contains-task-list']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    h2: ['id', ['className', 'sr-only']],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: [...linkSchemes] },
  // Ids come only from footnotes (prefixed per document below) and from our own heading slugs.
  clobberPrefix: '',
  strip: ['script', 'style'],
};

/** Renders Markdown (or a policy's MDX) to sanitised HTML, with its headings. */
export function renderMarkdown(text: string, options: RenderOptions = {}): Rendered {
  const { flavour = 'markdown', headingIds = false, reservedIds = [], idPrefix = '' } = options;
  const { tree } = parseMarkdown(text, flavour);
  if (!tree) return { html: '', headings: [] };
  const mdast = publishable(tree);
  const hast = unified()
    .use(remarkRehype, { clobberPrefix: idPrefix, footnoteLabel: 'Notes', footnoteBackLabel: (i: number) => `Back to reference ${i + 1}` })
    .use(rehypeSanitize, schema)
    .runSync(mdast) as HastRoot;
  prefixFootnoteLabel(hast, idPrefix);
  const headings = headingIds ? addHeadingIds(hast, reservedIds) : [];
  const html = unified().use(rehypeStringify).stringify(hast);
  return { html, headings };
}

/** remark-rehype names the footnotes heading `footnote-label` whatever the prefix: give it the prefix too. */
function prefixFootnoteLabel(tree: HastRoot, prefix: string) {
  if (!prefix) return;
  walk(tree, (el) => {
    if (el.properties['id'] === 'footnote-label') el.properties['id'] = `${prefix}footnote-label`;
    const described = el.properties['ariaDescribedBy'];
    if (Array.isArray(described)) el.properties['ariaDescribedBy'] = described.map((v) => (v === 'footnote-label' ? `${prefix}footnote-label` : v));
  });
}

/** Gives every heading an id that no other element of the page uses, and lists the headings. */
function addHeadingIds(tree: HastRoot, reserved: Iterable<string>): Heading[] {
  const slugger = new GithubSlugger();
  for (const id of reserved) slugger.slug(id);
  walk(tree, (el) => {
    if (typeof el.properties['id'] === 'string') slugger.slug(el.properties['id']);
  });
  const headings: Heading[] = [];
  walk(tree, (el) => {
    const depth = /^h([1-6])$/.exec(el.tagName)?.[1];
    if (!depth || el.properties['id'] !== undefined) return;
    const text = hastText(el).trim();
    const slug = slugger.slug(text || 'section');
    el.properties['id'] = slug;
    headings.push({ depth: Number(depth), slug, text });
  });
  return headings;
}

function walk(node: HastRoot | Element, visit: (el: Element) => void) {
  for (const child of node.children as ElementContent[]) {
    if (child.type !== 'element') continue;
    visit(child);
    walk(child, visit);
  }
}
