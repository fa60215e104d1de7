/** Reading a built site the way a host serves it. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

export function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/** The file a static host serves for a URL path: `/a/` → `a/index.html`. */
export function fileFor(siteDir: string, urlPath: string): string | null {
  const clean = decodeURIComponent(urlPath.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/') ? [path.join(siteDir, clean, 'index.html')] : [path.join(siteDir, clean), path.join(siteDir, clean, 'index.html')];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile()) ?? null;
}

export const read = (file: string) => readFileSync(file, 'utf8');

/** Every `href` and `src` of an HTML page. */
export const linksOf = (html: string): string[] => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
/** Every `id` of an HTML page. */
export const idsOf = (html: string): Set<string> => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));

/** Decodes a PNG's header and image data, failing on anything malformed: returns its size. */
export function decodePng(bytes: Buffer): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const colourType = body[9]!;
      channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType as 0 | 2 | 3 | 4 | 6];
      if (body[8] !== 8) throw new Error(`unexpected bit depth ${body[8]}`);
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  if (raw.length !== height * (1 + width * channels)) throw new Error(`image data has ${raw.length} bytes, expected ${height * (1 + width * channels)}`);
  return { width, height };
}

/** Every internal link of a built site that does not resolve to a file, or to an anchor on its page. */
export function brokenLinks(siteDir: string): string[] {
  const broken: string[] = [];
  for (const file of allFiles(siteDir).filter((f) => f.endsWith('.html'))) {
    const from = `/${path.relative(siteDir, file).replace(/index\.html$/, '')}`;
    for (const link of linksOf(read(file))) {
      if (/^(https?:|mailto:|data:)/.test(link) || link === '') continue;
      const [target, anchor] = link.startsWith('#') ? [from, link.slice(1)] : link.split('#');
      const page = fileFor(siteDir, new URL(target!, `https://site${from}`).pathname);
      if (!page) broken.push(`${from} → ${link}`);
      else if (anchor && page.endsWith('.html') && !idsOf(read(page)).has(decodeURIComponent(anchor))) broken.push(`${from} → ${link} (no such anchor)`);
    }
  }
  return broken;
}

/** Every file of a folder, by its path relative to the folder, with the SHA-256 of its bytes. */
export function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(allFiles(dir).map((f) => [path.relative(dir, f).split(path.sep).join('/'), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

/** The files that differ between two folders' hashes: changed, added or removed, sorted. */
export function changedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]).sort();
}
