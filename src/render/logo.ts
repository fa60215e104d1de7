/**
 * The organisation's logo, as both sites and the link-preview cards show it: always a PNG,
 * drawn by resvg. An SVG is never served as it was written, because an SVG is a document
 * that can carry scripts (opened directly, it runs with the site's origin), and resvg would
 * read any file of the build machine that an `<image href>` names. So the SVG is parsed,
 * every reference that is not to itself or to an embedded raster image is removed, and what
 * is left is rasterised. PNG and JPEG logos are re-encoded the same way, which also drops
 * their metadata (camera, location).
 */
import { Resvg } from '@resvg/resvg-js';
import { create } from 'xmlbuilder2';
import type { ContentFile } from '../load/loader.ts';
import { readRegularFile } from '../load/files.ts';
import { logoField } from '../model/collections.ts';

/** Height the logo is drawn at: sharp at the 28 px of the header and the 56 px of a card on dense screens. */
export const LOGO_HEIGHT = 192;

/** A data URL for an embedded raster image, the only reference an SVG logo may keep besides `#fragment`. */
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]*)$/i;
/**
 * Elements dropped with everything in them: those that can run or load something, and filters,
 * whose cost a few bytes can make minutes long. A logo needs none of them.
 */
const DROPPED = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'audio', 'video', 'handler', 'listener', 'filter']);
/** Widest and tallest image, in pixels, a logo may be or may embed: far beyond any logo, far below a memory exhaustion. */
export const MAX_LOGO_PIXELS = 4096;

const isSafeReference = (value: string) => value.trim().startsWith('#') || EMBEDDED_IMAGE.test(value.trim());
/** `url(#clip)` is a reference to the SVG itself; any other `url(…)` could name a file. */
const hasForeignUrl = (value: string) => [...value.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)].some((m) => !isSafeReference(m[2]!)) || /@import/i.test(value);

/**
 * A node's name without its prefix, lower-cased. Read from the qualified name as written, not
 * from the parser's idea of the namespace: `s:href` with `s` bound to the SVG namespace is an
 * `href` to resvg, whatever the DOM calls it.
 */
const bareName = (node: Attr | Element) => (node.nodeName ?? node.localName).toLowerCase().split(':').pop()!;

/** The SVG, re-serialised from a parsed tree with scripts and references to other files removed. */
export function sanitiseSvg(text: string): string {
  const doc = create(text);
  const root = doc.root().node as unknown as Element;
  if (root.localName !== 'svg') throw new Error(`the root element is <${root.localName}>, not <svg>`);
  const clean = (el: Element) => {
    for (const attribute of Array.from(el.attributes)) {
      const name = bareName(attribute);
      if (name.startsWith('on') || name === 'filter' || ((name === 'href' || name === 'src') && !isSafeReference(attribute.value)) || hasForeignUrl(attribute.value) || (name === 'style' && /filter\s*:/i.test(attribute.value))) el.removeAttributeNode(attribute);
      else if ((name === 'href' || name === 'src') && EMBEDDED_IMAGE.test(attribute.value.trim())) checkEmbedded(attribute.value.trim());
    }
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 1) {
        const element = child as Element;
        const name = bareName(element);
        if (DROPPED.has(name) || /^fe[a-z]/.test(name) || (name === 'style' && hasForeignUrl(element.textContent ?? ''))) el.removeChild(child);
        else clean(element);
      } else if (child.nodeType === 7 || child.nodeType === 8) el.removeChild(child); // processing instructions, comments
    }
  };
  clean(root);
  // Serialised from the tree alone: no doctype, so no entity the parser and the rasteriser might read differently.
  return doc.root().toString({ prettyPrint: false });
}

/** Refuses an embedded image that is not a PNG or JPEG of a sensible size. */
function checkEmbedded(dataUrl: string): void {
  const [, kind, data] = EMBEDDED_IMAGE.exec(dataUrl)!;
  const bytes = Buffer.from(data!.replace(/\s+/g, ''), 'base64');
  const size = rasterSize(bytes, kind!.toLowerCase() === 'png' ? 'png' : 'jpeg');
  if (size.width > MAX_LOGO_PIXELS || size.height > MAX_LOGO_PIXELS) throw new Error(`the image it embeds is ${size.width}×${size.height} pixels; at most ${MAX_LOGO_PIXELS}×${MAX_LOGO_PIXELS} are drawn`);
}

/** Width and height of a PNG or JPEG, from its header. */
function rasterSize(bytes: Buffer, kind: 'png' | 'jpeg'): { width: number; height: number } {
  if (kind === 'png') {
    if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG') throw new Error('the embedded image is not a PNG');
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  // JPEG: walk the segments to the first start-of-frame marker.
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1]!;
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  throw new Error('the JPEG has no image size in its header');
}

/**
 * The logo as a PNG. Throws, with a reason a person can act on, when the file cannot be drawn;
 * the build reports that as a diagnostic on `brand.logo`.
 */
export function logoPng(file: ContentFile): Buffer {
  const read = readRegularFile(file.realPath, logoField.maxBytes);
  if (!read.ok) throw new Error(`the logo could not be read again (${read.problem.kind})`);
  let svg: string;
  if (file.kind === 'svg') {
    svg = sanitiseSvg(read.bytes.toString('utf8'));
  } else if (file.kind === 'png' || file.kind === 'jpeg') {
    const { width, height } = rasterSize(read.bytes, file.kind);
    if (width > MAX_LOGO_PIXELS || height > MAX_LOGO_PIXELS) throw new Error(`it is ${width}×${height} pixels; at most ${MAX_LOGO_PIXELS}×${MAX_LOGO_PIXELS} are drawn`);
    svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/${file.kind};base64,${read.bytes.toString('base64')}"/></svg>`;
  } else {
    throw new Error(`a ${file.kind} file is not a logo`);
  }
  const resvg = new Resvg(svg, { fitTo: { mode: 'height', value: LOGO_HEIGHT }, font: { loadSystemFonts: true }, logLevel: 'off' });
  // Drawn at the logo's height, a very wide logo would need gigabytes: refuse it before drawing.
  const width = resvg.height > 0 ? (resvg.width * LOGO_HEIGHT) / resvg.height : 0;
  if (!(width >= 1 && width <= MAX_LOGO_PIXELS)) throw new Error(`drawn ${LOGO_HEIGHT} pixels high it would be ${Math.round(width)} pixels wide; a logo must be between 1 and ${MAX_LOGO_PIXELS}`);
  return resvg.render().asPng();
}
