/**
 * A policy document as a Markdown tree, whatever it was written in. Markdown is parsed as it is
 * (CommonMark with GitHub's tables); a Word document (.docx) is converted to HTML by mammoth, and
 * that HTML, like any raw HTML inside a Markdown file, to Markdown constructs by rehype-remark, so
 * that what reaches the policy is headings, paragraphs, lists, tables, emphasis and links — nothing
 * that runs, nothing the MDX parser would read as code. Images are not carried over: a policy's
 * text is its content, and a picture inside a Word file has no place in the content folder.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Root as MdastRoot } from 'mdast';
import type { Element, Root as HastRoot } from 'hast';
import { parse as parseYaml } from 'yaml';
import { tooComplex } from '../load/markdown.ts';

/** Larger documents are refused before they are read: a policy is text, not an archive. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** A Word document that unpacks to more than this is refused before it is unpacked (a zip bomb). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export interface PolicyDocument {
  /** The file as the user named it. */
  file: string;
  /** `markdown` or `word`. */
  format: 'markdown' | 'word';
  tree: MdastRoot;
  /** Fields of a Markdown file's YAML front matter, if it had one. */
  frontMatter: Record<string, unknown> | null;
  /** What was left out in the conversion, to report (`2 images`). */
  dropped: string[];
  /** What the Word converter could not map (styles it does not know), counted. */
  unmapped: number;
}

export type ReadDocument = { ok: true; document: PolicyDocument } | { ok: false; reason: string; hint?: string };

const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mdx', '.txt']);

export async function readDocument(file: string): Promise<ReadDocument> {
  const extension = path.extname(file).toLowerCase();
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, reason: `${file} is not a file.` };
    size = stat.size;
  } catch (error) {
    return { ok: false, reason: `${file} cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, hint: 'Check the path.' };
  }
  if (size > MAX_DOCUMENT_BYTES) return { ok: false, reason: `${file} is ${Math.round(size / 1024 / 1024)} MB; a policy document over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB is not read.`, hint: 'Remove embedded images or attachments, or save the text alone as .docx or Markdown.' };
  if (extension === '.docx') return readWord(file);
  if (extension === '.doc' || extension === '.rtf' || extension === '.odt' || extension === '.pages') {
    return { ok: false, reason: `${file} is a ${extension.slice(1).toUpperCase()} file, which cannot be read.`, hint: 'Save it as a Word document (.docx) or as Markdown, and import that.' };
  }
  if (extension === '.pdf') return { ok: false, reason: `${file} is a PDF, which cannot be read as a policy's text.`, hint: 'Import the document it was made from (.docx or Markdown).' };
  if (!MARKDOWN.has(extension)) return { ok: false, reason: `${file} is neither Markdown (.md) nor a Word document (.docx).`, hint: 'Import policies written in Markdown or Word.' };
  return readMarkdown(file);
}

function readMarkdown(file: string): ReadDocument {
  const bytes = readFileSync(file);
  if (bytes.includes(0)) return { ok: false, reason: `${file} is not a text file.`, hint: 'Import a Markdown or Word (.docx) document.' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { ok: false, reason: `${file} is not UTF-8 text.`, hint: 'Save it as UTF-8 and import it again.' };
  }
  let frontMatter: Record<string, unknown> | null = null;
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (match) {
    try {
      const data = parseYaml(match[1]!, { maxAliasCount: 100 });
      if (data && typeof data === 'object' && !Array.isArray(data)) frontMatter = Object.assign(Object.create(null), data) as Record<string, unknown>;
    } catch (error) {
      return { ok: false, reason: `The front matter of ${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, hint: 'Correct it, or remove it: the document\'s own text is read for the title, version, owner and dates.' };
    }
    text = text.slice(match[0].length);
  }
  // The parser is slow on a few shapes of text (long runs of emphasis markers, deep quotes): refused first, as `check` refuses them.
  const complex = tooComplex(text);
  if (complex) return { ok: false, reason: `${file}, line ${complex.line}: ${complex.message}`, hint: 'Simplify that part of the document, or import the Word document it came from.' };
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
  let html = false;
  visit(tree, 'html', () => {
    html = true;
  });
  const dropped: string[] = [];
  const document = (t: MdastRoot, format: 'markdown' | 'word') => ({ ok: true as const, document: { file, format, tree: t, frontMatter, dropped, unmapped: 0 } });
  if (!html) return document(dropImages(tree, dropped), 'markdown');
  // Raw HTML: each block that holds some goes through HTML, so that <b> becomes strong text and
  // comments go; blocks without keep their line breaks (a `Label: value` block is read by line).
  tree.children = tree.children.flatMap((block) => {
    let raw = false;
    visit(block, 'html', () => {
      raw = true;
    });
    if (!raw) return [block];
    // A footnote would not survive the trip through HTML on its own: its tags are left out instead.
    if (block.type === 'footnoteDefinition') return [dropImages({ type: 'root', children: [block] }, dropped).children[0]!];
    const hast = unified().use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).runSync({ type: 'root', children: [block] } as MdastRoot) as HastRoot;
    return toMarkdown(unified().use(rehypeParse, { fragment: true }).parse(toHtml(hast, { allowDangerousHtml: true }))).children;
  });
  return document(dropImages(tree, dropped), 'markdown');
}

async function readWord(file: string): Promise<ReadDocument> {
  const buffer = readFileSync(file);
  // A .docx is a zip archive; a password-protected one is an encrypted OLE container instead.
  if (buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return { ok: false, reason: `${file} is protected with a password, or is an old Word (.doc) file saved as .docx.`, hint: 'Remove the password (File → Info → Protect Document) or save it as .docx again, and import that.' };
  }
  if (!buffer.subarray(0, 2).equals(Buffer.from('PK'))) return { ok: false, reason: `${file} is not a Word document: it is not a .docx archive.`, hint: 'Open it in Word and save it as .docx.' };
  // What the archive says it unpacks to, from its directory, before anything is unpacked.
  try {
    const zip = await JSZip.loadAsync(buffer);
    let unpacked = 0;
    zip.forEach((_, entry) => {
      unpacked += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    });
    if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, reason: `${file} unpacks to ${Math.round(unpacked / 1024 / 1024)} MB; a Word document over ${MAX_UNPACKED_BYTES / 1024 / 1024} MB unpacked is not read.`, hint: 'Remove embedded images, videos or attachments, and save it again.' };
  } catch (error) {
    return { ok: false, reason: `${file} cannot be read as a Word document: ${(error as Error).message.split('\n')[0]}`, hint: 'Open it in Word and save it as .docx again.' };
  }
  let images = 0;
  let result;
  try {
    result = await mammoth.convertToHtml(
      { buffer },
      {
        // A document's title style and its subtitle, as Word's own templates name them.
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"],
        // Images are counted, never read; nothing outside the document (linked files) is opened.
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
        externalFileAccess: false,
      } as Parameters<typeof mammoth.convertToHtml>[1],
    );
  } catch (error) {
    return { ok: false, reason: `${file} cannot be read as a Word document: ${(error as Error).message.split('\n')[0]}`, hint: 'Open it in Word and save it as .docx again.' };
  }
  const hast = unified().use(rehypeParse, { fragment: true }).parse(result.value);
  const dropped: string[] = [];
  if (images) dropped.push(`${images} ${images === 1 ? 'image' : 'images'}`);
  const tree = dropImages(toMarkdown(promoteHeaderRows(hast)), []);
  const unmapped = result.messages.filter((m) => m.type === 'warning').length;
  return { ok: true, document: { file, format: 'word', tree, frontMatter: null, dropped, unmapped } };
}

/** Word tables have no header cells: the first row of each is its header, as every policy writes it. */
function promoteHeaderRows(tree: HastRoot): HastRoot {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'table') return;
    let hasHeader = false;
    visit(node, 'element', (cell: Element) => {
      if (cell.tagName === 'th') hasHeader = true;
    });
    if (hasHeader) return;
    let first: Element | undefined;
    visit(node, 'element', (row: Element) => {
      if (!first && row.tagName === 'tr') first = row;
    });
    for (const cell of first?.children ?? []) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
  });
  return tree;
}

function toMarkdown(hast: HastRoot): MdastRoot {
  return unified().use(rehypeRemark).runSync(hast) as MdastRoot;
}

/** Images and what is left of raw HTML (comments) are left out; each kind is counted in `dropped`. */
function dropImages(tree: MdastRoot, dropped: string[]): MdastRoot {
  let images = 0;
  let html = 0;
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html') {
      parent.children.splice(index, 1);
      if (node.type === 'html') html++;
      else images++;
      return index;
    }
    return undefined;
  });
  // A paragraph that held only an image is gone with it.
  visit(tree, 'paragraph', (node, index, parent) => {
    if (parent && index !== undefined && node.children.every((c) => c.type === 'text' && c.value.trim() === '')) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  if (images) dropped.push(`${images} ${images === 1 ? 'image' : 'images'}`);
  if (html) dropped.push(`${html} piece${html === 1 ? '' : 's'} of HTML (such as comments)`);
  return tree;
}
