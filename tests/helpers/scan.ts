/**
 * Scans a built site the way an attacker would read it: every file, in every format, the search
 * index decompressed. It reports what could run, load or leak in a reader's browser, and any
 * trace of what must never be published. Each format is parsed by a real parser (parse5 for
 * HTML, saxes for XML and SVG), so that escaped text is told apart from markup.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { SaxesParser } from 'saxes';
import { allFiles } from './site.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface ScanOptions {
  /** Strings that must appear nowhere: paths of the build machine, secrets. */
  forbidden: readonly (string | RegExp)[];
  /** Canaries this site may show (the handbook shows internal content). Every other canary is a finding. */
  allowedCanaries?: readonly string[];
  /**
   * The handbook quotes content in its diagnostics ("the link to `javascript:…` is not published"):
   * there a script URL may appear as text, but still never in an attribute.
   */
  quotesContent?: boolean;
}

/** Marks of a planted secret: `zqxcanary07`, `zqxhostile-comment-01`, `zqxoutside-canary-17`. */
export const CANARY = /zqx[a-z]+(?:-[a-z]+)*-?\d\d/gi;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const SCRIPT_URL = /^\s*(?:javascript|vbscript|data|file)\s*:/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data', 'background', 'cite', 'ping', 'longdesc', 'manifest']);
/** Elements that load or run something, or change where the page's links go. */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'foreignobject']);

/** The text of a file as it would be served, decompressed when it is gzip (Pagefind's index). */
function contents(file: string): string {
  const bytes = readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
}

export function scanSite(dir: string, { forbidden, allowedCanaries = [], quotesContent = false }: ScanOptions): string[] {
  const allowed = new Set(allowedCanaries.map(normalise));
  const findings: string[] = [];
  for (const file of allFiles(dir)) {
    const name = path.relative(dir, file).split(path.sep).join('/');
    if (/\.(png|pdf|woff2?)$/.test(name) || /^pagefind\/wasm\./.test(name)) continue;
    const text = contents(file);
    const report = (what: string) => findings.push(`${name}: ${what}`);
    for (const needle of forbidden) {
      const found = typeof needle === 'string' ? text.includes(needle) && needle : text.match(needle)?.[0];
      if (found) report(`contains ${JSON.stringify(found)}`);
    }
    for (const canary of new Set(text.match(CANARY) ?? [])) if (!allowed.has(normalise(canary))) report(`contains the canary ${canary}`);
    if (BIDI.test(text)) report('contains a bidirectional override character');
    // Pagefind's own scripts name `javascript:` in their code; everything else must not hold it at all.
    const thirdPartyCode = /^pagefind\/[^/]+\.(js|css)$/.test(name);
    if (!thirdPartyCode && !quotesContent && /javascript:|vbscript:/i.test(text)) report(`contains ${/javascript:|vbscript:/i.exec(text)![0]}`);
    if (name.endsWith('.html')) scanHtml(text, report);
    else if (name.endsWith('.svg')) scanXml(text, report, true);
    else if (name.endsWith('.xml')) {
      scanXml(text, report, false);
      // The feed's entries are HTML: held to the same rules as a page, and Trustbook writes no script there.
      for (const [, html] of text.matchAll(/<content type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/content>/g)) scanHtml(html!.replaceAll(']]]]><![CDATA[>', ']]>'), report, false);
    } else if (name.endsWith('.json')) {
      try {
        JSON.parse(text);
      } catch {
        report('is not valid JSON');
      }
    }
  }
  return findings;
}

/** Canaries as the search index stores them: without their dashes, in lower case. */
const normalise = (canary: string) => canary.toLowerCase().replaceAll('-', '');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Reports every element or attribute of an HTML document that could run, load or leak. */
export function scanHtml(html: string, report: (what: string) => void, document = true) {
  const tree = parse(html);
  const ids = new Map<string, number>();
  let policy = '';
  const elements: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) elements.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
    if ('content' in node && node.content) walk(node.content as unknown as Node);
  };
  walk(tree as unknown as Node);
  for (const el of elements) {
    const attr = (name: string) => el.attrs.find((a) => a.name === name)?.value;
    if (el.tagName === 'meta' && attr('http-equiv')?.toLowerCase() === 'content-security-policy') policy = attr('content') ?? '';
  }
  const scriptHashes = new Set(/script-src([^;]*)/.exec(policy)?.[1]!.trim().split(/\s+/) ?? []);
  for (const el of elements) {
    const attr = (name: string) => el.attrs.find((a) => a.name === name)?.value;
    if (FORBIDDEN_ELEMENTS.has(el.tagName)) report(`has an <${el.tagName}> element`);
    for (const a of el.attrs) {
      if (/^on/i.test(a.name)) report(`has an event handler ${a.name}="${a.value}" on <${el.tagName}>`);
      if (URL_ATTRIBUTES.has(a.name.toLowerCase()) && SCRIPT_URL.test(a.value) && !/^data:image\/(png|svg\+xml);/.test(a.value)) report(`has ${a.name}="${a.value.slice(0, 40)}" on <${el.tagName}>`);
      if (a.name === 'id') ids.set(a.value, (ids.get(a.value) ?? 0) + 1);
    }
    if (el.tagName === 'meta' && attr('http-equiv')?.toLowerCase() === 'refresh' && !/^0;url=\/[^/]/i.test(attr('content') ?? '')) report(`has a refresh to ${attr('content')}`);
    if (el.tagName === 'form' && attr('action') !== undefined && !/^\/[^/]/.test(attr('action')!)) report(`has a <form> that sends to ${attr('action')}`);
    if (el.tagName !== 'script') continue;
    const src = attr('src');
    if (!document) report(`has a <script${src ? ` src="${src}"` : ''}>`);
    else if (src !== undefined) {
      if (!/^\/(pagefind|_astro)\/[\w.-]+\.js$/.test(src)) report(`loads a script from ${src}`);
    } else {
      const code = el.childNodes.map((c) => ('value' in c ? String(c.value) : '')).join('');
      if (!scriptHashes.has(sha256(code))) report(`has an inline <script> that the Content-Security-Policy does not allow by hash: ${code.slice(0, 60)}`);
    }
  }
  const redirect = elements.some((el) => el.tagName === 'meta' && el.attrs.some((a) => a.name === 'http-equiv' && a.value.toLowerCase() === 'refresh'));
  // A redirect page holds no script; the header from `_headers` covers it.
  if (document && !policy && !redirect) report('has no Content-Security-Policy');
  for (const [id, n] of ids) if (n > 1) report(`uses the id "${id}" ${n} times`);
}

/** Reports malformed XML, and in an SVG any script, event handler or reference to another file. */
function scanXml(xml: string, report: (what: string) => void, svg: boolean) {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => {
    report(`is not well-formed XML: ${error.message}`);
    throw error;
  });
  parser.on('opentag', (tag) => {
    const name = tag.name.toLowerCase();
    if (svg && (name === 'script' || FORBIDDEN_ELEMENTS.has(name))) report(`has an SVG <${name}> element`);
    for (const [attribute, value] of Object.entries(tag.attributes)) {
      if (svg && /^on/i.test(attribute)) report(`has an SVG event handler ${attribute}`);
      if (svg && /(^|:)href$/.test(attribute) && !String(value).startsWith('#')) report(`has an SVG reference to ${String(value)}`);
    }
  });
  try {
    parser.write(xml).close();
  } catch {
    /* reported */
  }
}
