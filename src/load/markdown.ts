/**
 * What content authors may write in Markdown and in policies' MDX, and the one parser for both.
 *
 * Policies are documents, not programs. An MDX policy may use everything Markdown has (headings,
 * lists, tables, links, emphasis, code, quotes, footnotes) and the components Trustbook provides
 * (`componentSpecs`), with plain text attribute values. It may not import anything, export
 * anything, or hold a JavaScript expression: those are errors, reported at their line. MDX
 * comments (`{/* … *\/}`) are allowed and never published.
 *
 * Raw HTML (in Markdown fields) and HTML elements (in MDX), images, and links to anything but
 * `https:`, `http:`, `mailto:` and `tel:` or a path on the site are not published: the
 * sanitising renderer (`src/render/markdown.ts`) drops them, and the checks warn where.
 */
import { createRequire } from 'node:module';
import type { Processor } from 'unified';
import type { Root, RootContent } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import type { Severity } from '../diagnostics/diagnostic.ts';

export type Flavour = 'markdown' | 'mdx';

/** A component a policy may use, with the attributes it takes. Each attribute is plain text, or one of a list of words. */
export interface ComponentSpec {
  description: string;
  attributes: Record<string, { values?: readonly string[]; description: string }>;
  required: readonly string[];
}

export const calloutTypes = ['note', 'tip', 'important', 'warning', 'caution'] as const;

/** The components Trustbook provides to policies. docs/content-format.md#what-a-policy-may-contain lists the same (a test holds the two together). */
export const componentSpecs: Record<string, ComponentSpec> = {
  Callout: {
    description: 'A highlighted box for a note, tip or warning.',
    attributes: {
      type: { values: calloutTypes, description: 'What kind of callout. Default `note`.' },
      title: { description: 'A heading for the box. Default: the type, as a word (`Warning`).' },
    },
    required: [],
  },
  Details: {
    description: 'A section that readers open and close, for long appendices.',
    attributes: { summary: { description: 'The line shown while the section is closed.' } },
    required: ['summary'],
  },
};

/** HTML elements that an MDX policy may use for inline formatting Markdown lacks; they take no attributes. */
export const inlineElements: readonly string[] = ['br', 'sup', 'sub', 'kbd', 'mark'];

/** Link schemes that are published; anything else (javascript:, data:, file:, vbscript:, …) is dropped. */
export const linkSchemes: readonly string[] = ['https', 'http', 'mailto', 'tel'];

export interface MarkdownProblem {
  rule: string;
  severity: Severity;
  /** 1-based line and column within the text. */
  line: number;
  column: number;
  message: string;
  hint: string;
}

export interface Parsed {
  /** The syntax tree, or null when the text could not be parsed (a syntax error is then the only problem). */
  tree: Root | null;
  problems: MarkdownProblem[];
}

/**
 * The two parsers, loaded the first time a text is parsed: `check` finds the problems of texts it
 * has read before in its cache (`parse-cache.ts`) and then never loads them.
 */
let parsers: Record<Flavour, Processor> | undefined;
function parser(flavour: Flavour): Processor {
  if (!parsers) {
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    const remarkGfm = (require('remark-gfm') as typeof import('remark-gfm')).default;
    const remarkMdx = (require('remark-mdx') as typeof import('remark-mdx')).default;
    parsers = {
      markdown: unified().use(remarkParse).use(remarkGfm) as unknown as Processor,
      mdx: unified().use(remarkParse).use(remarkGfm).use(remarkMdx) as unknown as Processor,
    };
  }
  return parsers[flavour];
}

/** The scheme of a URL (`javascript`), or null for a relative URL, as browsers read it. */
export function urlScheme(url: string): string | null {
  // Browsers drop leading spaces and control characters, and tabs and line breaks anywhere.
  const clean = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(clean);
  return match ? match[1]!.toLowerCase() : null;
}

/** Whether a link target is published as written. */
export const isSafeUrl = (url: string): boolean => {
  const scheme = urlScheme(url);
  return scheme === null || linkSchemes.includes(scheme);
};

/**
 * Most emphasis, link and code delimiters one paragraph may hold. The Markdown parser's time
 * grows with the square of the delimiters in a paragraph: 16,000 asterisks keep it busy for
 * seconds, and a file of them for hours. Real prose stays far below this.
 */
export const MAX_DELIMITERS_PER_BLOCK = 500;
/** Most delimiters one text may hold in all: a long policy has a few thousand. */
export const MAX_DELIMITERS = 20_000;
/** Deepest nesting of block quotes and lists a line may open, counting indentation as nesting. */
export const MAX_NESTING = 40;

/** Longest text read, in characters: some ten times the longest policy, and a few seconds of parsing. */
export const MAX_TEXT_CHARS = 200_000;
/** Most lines one block — the lines between two blank lines — may hold. */
export const MAX_LINES_PER_BLOCK = 1000;
/** Most setext heading underlines (`===`, `---` under a line) one text may hold. */
export const MAX_UNDERLINES = 500;

/**
 * Where a text would keep the parser busy for too long, found in one linear pass before it is
 * parsed: a block with too many delimiters or lines, too many setext underlines, or a line nested
 * too deep. Code is counted like any text: a guess at where a fence ends could be wrong, and the
 * parser would then read the "code" as Markdown. Every line ending counts (`\r` alone too).
 */
export function tooComplex(text: string): { line: number; message: string } | null {
  if (text.length > MAX_TEXT_CHARS) return { line: 1, message: `The text is ${text.length.toLocaleString('en')} characters long; at most ${MAX_TEXT_CHARS.toLocaleString('en')} are read` };
  const lines = text.split(/\r\n|\r|\n/);
  let delimiters = 0;
  let total = 0;
  let underlines = 0;
  let blockStart = 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      delimiters = 0;
      blockStart = i + 2;
      continue;
    }
    if (i + 2 - blockStart > MAX_LINES_PER_BLOCK) return { line: blockStart, message: `The block has more than ${MAX_LINES_PER_BLOCK} lines without a blank line between them` };
    if (/^ {0,3}(=+|-+)[ \t]*$/.test(line) && ++underlines > MAX_UNDERLINES) return { line: i + 1, message: `The text has more than ${MAX_UNDERLINES} heading underlines (\`===\`, \`---\`)` };
    // Two columns of indentation open a level of a list as surely as a marker does.
    const prefix = /^(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*[ \t]*/.exec(line)![0];
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const nesting = prefix.replace(/[^>\-+*.)]/g, '').length + Math.floor(indent / 2);
    if (nesting > MAX_NESTING) return { line: i + 1, message: `A line nests ${nesting} block quotes or lists; at most ${MAX_NESTING} are read` };
    for (const char of line) if (char === '*' || char === '_' || char === '[' || char === ']' || char === '`' || char === '~') delimiters++, total++;
    if (total > MAX_DELIMITERS) return { line: i + 1, message: `The text has more than ${MAX_DELIMITERS} emphasis, link or code marks in all` };
    if (delimiters > MAX_DELIMITERS_PER_BLOCK) return { line: blockStart, message: `The paragraph has more than ${MAX_DELIMITERS_PER_BLOCK} emphasis, link or code marks (\`*\`, \`_\`, \`[\`, \`]\`, \`\`\`\`, \`~\`)` };
  }
  return null;
}

/** Parses Markdown or a policy's MDX and lists everything in it that will not be published as written. */
export function parseMarkdown(text: string, flavour: Flavour): Parsed {
  const complex = tooComplex(text);
  if (complex) {
    return {
      tree: null,
      problems: [
        {
          rule: 'markdown/too-complex',
          severity: 'error',
          line: complex.line,
          column: 1,
          message: `${complex.message}: reading it would keep the build busy for minutes, so it was not read.`,
          hint: 'Split the paragraph or the document, with blank lines between blocks; link to long runs of symbols rather than include them.',
        },
      ],
    };
  }
  let tree: Root;
  try {
    tree = parser(flavour).parse(text) as Root;
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    return {
      tree: null,
      problems: [
        {
          rule: 'load/mdx-syntax',
          severity: 'error',
          line: place.line ?? 1,
          column: place.column ?? 1,
          message: `The policy text is not valid MDX: ${firstLine(place.reason ?? place.message ?? String(error))}.`,
          hint: 'In MDX, `<` starts a component and `{` an expression: write them as `&lt;` and `&#123;`, or put them in `code`.',
        },
      ],
    };
  }
  return { tree, problems: findProblems(tree, flavour) };
}

type AnyNode = RootContent & {
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: AnyNode[];
  data?: { estree?: { body: unknown[] } };
};

function findProblems(tree: Root, flavour: Flavour): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  const where = (node: { position?: { start: { line: number; column: number } } | undefined }) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const reported = new Set<string>();
  const report = (node: AnyNode, rule: string, severity: Severity, message: string, hint: string) => {
    const at = where(node);
    // One line with several pieces of raw HTML (`<b>…</b>`) is one problem, not one per tag.
    const key = `${rule} ${at.line}`;
    if (severity === 'warning' && reported.has(key)) return;
    reported.add(key);
    problems.push({ rule, severity, ...at, message, hint });
  };

  const visit = (node: AnyNode) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, 'mdx/import', 'error', `Policies cannot import or export anything: \`${firstLine(String(node.value))}\`.`, `A policy is a document, not a program. Remove the line; the components Trustbook provides (${Object.keys(componentSpecs).join(', ')}) need no import.`);
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isComment(node)) report(node, 'mdx/expression', 'error', `Policies cannot hold JavaScript expressions: \`{${truncate(String(node.value).trim())}}\`.`, 'Write the text itself. To show braces, write `\\{` or put them in `code`; for a comment, use `{/* … */}`.');
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        break;
      case 'html':
        // A closing tag belongs to the opening one, reported already.
        if (/^<\//.test(String(node.value).trim())) return;
        report(node, 'markdown/raw-html', 'warning', `Raw HTML is not published: \`${truncate(firstLine(String(node.value)))}\`.`, flavour === 'mdx' ? 'Write Markdown instead, or use a component Trustbook provides.' : 'Write Markdown instead: `**bold**`, `[link](https://…)`, lists and tables cover what answers and notices need.');
        return;
      case 'image':
      case 'imageReference':
        report(node, 'markdown/image', 'warning', 'Images are not published from Markdown or policies.', 'Remove the image, or describe what it shows in words; a diagram can go in a document that customers request.');
        return;
      case 'link':
      case 'definition':
        if (node.url !== undefined && !isSafeUrl(node.url)) {
          report(node, 'markdown/unsafe-link', 'warning', `The link to \`${truncate(node.url)}\` is not published: only ${linkSchemes.map((s) => `\`${s}:\``).join(', ')} links and paths on the site are.`, 'Link to an `https://` page instead; other schemes such as `javascript:` and `data:` can run code in a reader\'s browser.');
        }
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };

  const checkElement = (node: AnyNode) => {
    const name = node.name ?? '';
    // Own properties only: an element named `constructor` or `toString` is not a component.
    const spec = Object.hasOwn(componentSpecs, name) ? componentSpecs[name] : undefined;
    if (!name) {
      report(node, 'mdx/component', 'error', 'Fragments (`<>…</>`) are not allowed in policies.', 'Remove the `<>` and `</>`.');
      return;
    }
    if (!spec) {
      if (/^[A-Z]/.test(name) || name.includes('.')) {
        report(node, 'mdx/component', 'error', `\`<${name}>\` is not a component Trustbook provides.`, `Use ${Object.keys(componentSpecs).map((c) => `\`<${c}>\``).join(' or ')}, or write Markdown.`);
        return;
      } else if (!inlineElements.includes(name)) {
        report(node, 'markdown/raw-html', 'warning', `The HTML element \`<${name}>\` is not published, nor what it contains.`, `Write Markdown instead; of HTML, only ${inlineElements.map((e) => `\`<${e}>\``).join(', ')} are kept.`);
        return;
      }
    }
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute') {
        report(node, 'mdx/expression', 'error', `\`<${name}>\` has a spread attribute \`{…}\`, which is a JavaScript expression.`, 'Write each attribute as `name="text"`.');
        continue;
      }
      const attributeName = attribute.name ?? '';
      if (typeof attribute.value === 'object' && attribute.value !== null) {
        report(node, 'mdx/expression', 'error', `The attribute \`${attributeName}\` of \`<${name}>\` is a JavaScript expression.`, `Write it as plain text: \`${attributeName}="…"\`.`);
        continue;
      }
      const allowed = spec && Object.hasOwn(spec.attributes, attributeName) ? spec.attributes[attributeName] : undefined;
      if (!allowed) {
        const known = spec ? Object.keys(spec.attributes) : [];
        report(node, 'mdx/attribute', 'error', `\`<${name}>\` has no attribute \`${attributeName}\`.`, known.length ? `It takes ${known.map((a) => `\`${a}\``).join(', ')}.` : `\`<${name}>\` takes no attributes.`);
        continue;
      }
      if (allowed.values && !allowed.values.includes(String(attribute.value))) {
        report(node, 'mdx/attribute', 'error', `\`<${name} ${attributeName}="${String(attribute.value)}">\` is not one of the allowed values.`, `Use one of: ${allowed.values.map((v) => `\`${v}\``).join(', ')}.`);
      }
    }
    for (const required of spec?.required ?? []) {
      if (!(node.attributes ?? []).some((a) => a.type === 'mdxJsxAttribute' && a.name === required)) {
        report(node, 'mdx/attribute', 'error', `\`<${name}>\` needs the attribute \`${required}\`.`, `Add \`${required}="…"\`: ${spec!.attributes[required]!.description.toLowerCase()}`);
      }
    }
  };

  for (const node of tree.children) visit(node as AnyNode);
  return problems;
}

/** An expression that holds nothing but a comment: `{/* reviewer: check wording *\/}`. */
export const isComment = (node: { data?: { estree?: { body: unknown[] } } | undefined; value?: unknown }): boolean =>
  node.data?.estree ? node.data.estree.body.length === 0 : /^\s*\/\*[\s\S]*\*\/\s*$/.test(String(node.value));

const firstLine = (message: string) => (message.split('\n')[0] ?? message).replace(/\.$/, '');
const truncate = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

// ---------------------------------------------------------------------------
// What is published of a tree

const calloutTitles: Record<(typeof calloutTypes)[number], string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

type TreeNode = RootContent & {
  type: string;
  name?: string | null;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: TreeNode[];
  data?: Record<string, unknown>;
};

/** Raw HTML elements whose content is code or hidden text: between their tags, nothing is kept. */
const OPAQUE = /^<(script|style|iframe|textarea|noscript|template|title|object)\b/i;

/** The tree with everything that is not published taken out, and Trustbook's components turned into HTML elements. */
export function publishable(tree: Root): Root {
  const clean = (nodes: TreeNode[]): TreeNode[] => {
    const kept: TreeNode[] = [];
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
  const transform = (node: TreeNode): TreeNode[] => {
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
        if (node.url !== undefined && isSafeUrl(node.url)) return [{ ...node, children } as TreeNode];
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
        return empty ? [] : [{ ...node, children } as TreeNode];
      }
    }
    return node.children ? [{ ...node, children: clean(node.children) } as TreeNode] : [node];
  };
  const element = (node: TreeNode, children: TreeNode[]): TreeNode[] => {
    const name = node.name ?? '';
    const attribute = (key: string) => {
      const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === key)?.value;
      return typeof found === 'string' ? found : undefined;
    };
    const box = (hName: string, hProperties: Record<string, unknown>, kids: TreeNode[], block = true): TreeNode => ({ type: block ? 'trustbookBlock' : 'trustbookInline', data: { hName, hProperties }, children: kids }) as unknown as TreeNode;
    const text = (value: string): TreeNode => ({ type: 'text', value }) as TreeNode;
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
  return { ...tree, children: clean(tree.children as TreeNode[]) as Root['children'] };
}


/** The text of a Markdown string as published, without its markup: for descriptions and link previews. */
export function markdownText(text: string): string {
  const { tree } = parseMarkdown(text, 'markdown');
  if (!tree) return text;
  // Blocks are separated by a space; footnotes and link definitions are not part of the text.
  const blocks = publishable(tree).children.filter((n) => n.type !== 'footnoteDefinition' && n.type !== 'definition');
  const words = (node: RootContent): string =>
    'children' in node ? node.children.map((child) => words(child as RootContent)).join(BLOCKS.has(node.type) ? ' ' : '') : node.type === 'footnoteReference' ? '' : mdastText(node);
  return blocks.map(words).join(' ').replace(/\s+/g, ' ').trim();
}

/** Nodes whose children are separate blocks of text. */
const BLOCKS = new Set(['list', 'listItem', 'blockquote', 'table', 'tableRow', 'tableCell']);
