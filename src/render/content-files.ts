/**
 * Routes that publish files named in the content (the logo, certificate PDFs), each at the URL
 * the view gives it. Bytes are read again through the one door for files; the logo is always
 * published as the PNG that `logo.ts` draws.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readRegularFile } from '../load/files.ts';
import type { PublishedFile } from '../view/view.ts';
import { logoPng } from './logo.ts';

/** Certificates are refused above this size, as when they were checked. */
const MAX_PUBLISHED_BYTES = 25 * 1024 * 1024;

export function fileBytes(file: PublishedFile): Uint8Array<ArrayBuffer> {
  if (file.url.endsWith('.png') && file.source.kind !== 'pdf') return new Uint8Array(logoPng(file.source));
  const read = readRegularFile(file.source.realPath, MAX_PUBLISHED_BYTES);
  if (!read.ok) throw new Error(`${file.source.path} could not be read again (${read.problem.kind})`);
  return new Uint8Array(read.bytes);
}

const contentTypes = { png: 'image/png', pdf: 'application/pdf' } as const;

/**
 * A route for the files of one kind under one folder of the site (`/certificates/<name>.pdf`). The
 * route's file names the extension (`[name].pdf.ts`), so that Astro serves it as a file, without the
 * trailing slash its pages take, under the dev server too.
 */
export function contentFiles(folder: string, extension: 'png' | 'pdf', list: () => readonly PublishedFile[]): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  const prefix = `/${folder}/`;
  const suffix = `.${extension}`;
  return {
    getStaticPaths: () =>
      list()
        .filter((f) => f.url.startsWith(prefix) && f.url.endsWith(suffix))
        .map((f) => ({ params: { name: f.url.slice(prefix.length, -suffix.length) }, props: { file: f } })),
    GET: ({ props }) => {
      const file = (props as { file: PublishedFile }).file;
      return new Response(fileBytes(file), { headers: { 'Content-Type': contentTypes[extension] } });
    },
  };
}
