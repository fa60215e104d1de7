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
import type { Root as MdastRoot, RootContent } from 'mdast';
import { calloutTypes, inlineElements, isSafeUrl, linkSchemes, parseMarkdown, type Flavour } from '../load/markdown.ts';

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

const calloutTitles: Record<(typeof calloutTypes)[number], string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

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

/** The text of a Markdown string without its markup, for descriptions and link previews. */
export function markdownText(text: string): string {
  const { tree } = parseMarkdown(text, 'markdown');
  if (!tree) return text;
  const hast = unified().use(remarkRehype).use(rehypeSanitize, schema).runSync(publishable(tree)) as HastRoot;
  return hastText(hast).replace(/\s+/g, ' ').trim();
}

type AnyNode = RootContent & {
  type: string;
  name?: string | null;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: AnyNode[];
  data?: Record<string, unknown>;
};

/** The tree with everything that is not published taken out, and Trustbook's components turned into HTML elements. */
/** Raw HTML elements whose content is code or hidden text: between their tags, nothing is kept. */
const OPAQUE = /^<(script|style|iframe|textarea|noscript|template|title|object)\b/i;

function publishable(tree: MdastRoot): MdastRoot {
  const clean = (nodes: AnyNode[]): AnyNode[] => {
    const kept: AnyNode[] = [];
    let skippingUntil: RegExp | null = null;
    for (const node of nodes) {
      const raw = node.type === 'html' ? String((node as { value?: unknown }).value) : '';
      if (skippingUntil) {
        if (skippingUntil.test(raw)) skippingUntil = null;
        continue;
      }
      const opaque = OPAQUE.exec(raw);
      // An inline `<script>` in a paragraph is split into tags and the text between them: drop that text too.
      if (opaque && !new RegExp(`</${opaque[1]}\\s*>`, 'i').test(raw)) {
        skippingUntil = new RegExp(`</${opaque[1]}\\s*>`, 'i');
        continue;
      }
      kept.push(...transform(node));
    }
    return kept;
  };
  const transform = (node: AnyNode): AnyNode[] => {
    switch (node.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
      case 'html':
      case 'image':
      case 'imageReference':
        return [];
      case 'definition':
        return node.url !== undefined && isSafeUrl(node.url) ? [node] : [];
      case 'link': {
        const children = clean(node.children ?? []);
        if (node.url !== undefined && isSafeUrl(node.url)) return [{ ...node, children } as AnyNode];
        // The link goes, its words stay — unless the words are the unsafe address itself.
        const words = children.map((c) => ('value' in c ? String(c.value) : '')).join('');
        return words.trim() === node.url?.trim() ? [] : children;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return element(node, clean(node.children ?? []));
      case 'paragraph': {
        const children = clean(node.children ?? []);
        // A callout written on one line is parsed inside a paragraph: it is a block all the same.
        if (children.length === 1 && (children[0]!.type as string) === 'trustbookBlock') return children;
        const empty = children.every((c) => c.type === 'text' && !String((c as { value?: unknown }).value).trim());
        return empty ? [] : [{ ...node, children } as AnyNode];
      }
    }
    return node.children ? [{ ...node, children: clean(node.children) } as AnyNode] : [node];
  };
  const element = (node: AnyNode, children: AnyNode[]): AnyNode[] => {
    const name = node.name ?? '';
    const attribute = (key: string) => {
      const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === key)?.value;
      return typeof found === 'string' ? found : undefined;
    };
    const box = (hName: string, hProperties: Record<string, unknown>, kids: AnyNode[], block = true): AnyNode => ({ type: block ? 'trustbookBlock' : 'trustbookInline', data: { hName, hProperties }, children: kids }) as unknown as AnyNode;
    const text = (value: string): AnyNode => ({ type: 'text', value }) as AnyNode;
    if (name === 'Callout') {
      const type = (calloutTypes as readonly string[]).includes(attribute('type') ?? '') ? (attribute('type') as (typeof calloutTypes)[number]) : 'note';
      const title = box('p', { className: ['callout-title'] }, [text(attribute('title') ?? calloutTitles[type])]);
      return [box('aside', { className: ['callout', `callout-${type}`] }, [title, ...children])];
    }
    if (name === 'Details') return [box('details', {}, [box('summary', {}, [text(attribute('summary') ?? 'Details')], false), ...children])];
    if (inlineElements.includes(name)) return [box(name, {}, name === 'br' ? [] : children, false)];
    // Anything else — an HTML element, or a component Trustbook does not provide — is not published, nor its content.
    return [];
  };
  return { ...tree, children: clean(tree.children as AnyNode[]) as MdastRoot['children'] };
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
