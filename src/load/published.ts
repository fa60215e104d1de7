/**
 * Reads the `trust.json` of a trust center that was published before — the live site's, or one
 * that CI downloaded — to learn which public addresses it promised: every control, policy,
 * answer, subprocessor and certificate it lists, with the path of each. The check
 * `published/removed` compares that list with the content, so that a public URL, once
 * published, keeps working.
 *
 * The file is not content: the user points at it, anywhere on disk, so it does not go through
 * the content folder's door. It is still read like any other file Trustbook opens — only a
 * regular file, without blocking, with a size limit — and read strictly: only the fields this
 * check needs are validated, and anything else in the file is ignored, so that a trust.json
 * from an older or newer Trustbook is read as long as it carries those fields. Nothing here
 * throws: every problem becomes a diagnostic.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { ControlIdSchema, SlugSchema } from '../model/schemas.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { describeProblem, readRegularFile, type FileProblem } from './files.ts';
import { displayPath } from './paths.ts';

/** Where a public document's file is published (as `view/urls.ts` makes it; the view layer is above this one). */
const documentFilePath = (id: string) => `/documents/${id}.pdf`;

/** Largest trust.json read. A real one is a few hundred kilobytes; anything near this is not one. */
export const MAX_PUBLISHED_BYTES = 8 * 1024 * 1024;

/** What a published address is the address of. */
export type PublishedKind = 'control' | 'policy' | 'answer' | 'subprocessor' | 'certification' | 'document';

/** One address the published trust center listed. */
export interface PublishedEntity {
  kind: PublishedKind;
  /** The entity's id as published: `A.8.24`, `access-control`. */
  id: string;
  /** The address on the site, origin stripped and normalised: `/policies/access-control/`, `/certificates/iso27001.pdf`. */
  path: string;
  /** The absolute address as published, for messages: what customers have in their questionnaires. */
  url: string;
}

/** The addresses one published trust.json lists, and the file they were read from (as the user would type it). */
export interface PublishedList {
  file: string;
  published: PublishedEntity[];
}

export type PublishedResult =
  | ({ ok: true } & PublishedList)
  /** `missing` is true when nothing is at the path: a caller that looked in a default place may carry on without a list. */
  | { ok: false; missing: boolean; diagnostic: Diagnostic };

/** An absolute `http:` or `https:` address, as trust.json writes every address. */
const PublishedUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => /^https?:$/.test(parseUrl(value)?.protocol ?? ''), { error: 'Expected an absolute https:// address.' });

/** An entity with a page of its own: its id and the absolute address of that page. */
const pageOf = <I extends z.ZodType<string>>(id: I) => z.object({ id, url: PublishedUrlSchema });

/**
 * The part of trust.json this check reads. Objects are not strict on purpose: trust.json carries
 * many fields this check does not need, and gains fields over time.
 */
export const PublishedTrustJsonSchema = z.object({
  /** All Annex A controls, each with the address of its page. */
  controls: z.array(pageOf(ControlIdSchema)),
  /** Public policies with the address of their page. Absent from a trust.json that predates the list: nothing is then known about policies. */
  policies: z.array(pageOf(SlugSchema)).optional(),
  /** Public questionnaire answers with the address of their page. Absent from a trust.json that predates the list. */
  answers: z.array(pageOf(SlugSchema)).optional(),
  /** Subprocessors. `id` and `url` (their anchor on `/subprocessors/`) are read when present. */
  subprocessors: z.array(z.object({ id: SlugSchema.optional(), url: PublishedUrlSchema.optional() })),
  /** Certifications. `id` and `certificateUrl` (the certificate to download, or null) are read when present. */
  certifications: z.array(z.object({ id: SlugSchema.optional(), certificateUrl: PublishedUrlSchema.nullable().optional() })),
  /** Documents. `id` and `downloadUrl` (the file of a public document, or null) are read when present. Absent from a trust.json that predates documents. */
  documents: z.array(z.object({ id: SlugSchema.optional(), downloadUrl: PublishedUrlSchema.nullable().optional() })).optional(),
});

export type PublishedTrustJson = z.infer<typeof PublishedTrustJsonSchema>;

const HINT_FILE =
  'Pass the `trust.json` of the live trust center, unchanged: for example `curl -fsSL https://<trust center>/trust.json -o trust.json`, then `--published trust.json` (docs/published-links.md).';

/** Reads and parses a published trust.json; never throws. */
export function readPublished(file: string): PublishedResult {
  const absPath = path.resolve(file);
  const shown = displayPath(absPath);
  const unreadable = (problem: FileProblem): PublishedResult => ({
    ok: false,
    missing: problem.kind === 'missing',
    diagnostic: problemAt(
      'published/unreadable',
      shown,
      null,
      `The published trust.json ${shown} ${describeProblem(problem)}.`,
      problem.kind === 'too-large' ? `A trust.json is a few hundred kilobytes at most: check that the file is the trust center's \`trust.json\`. ${HINT_FILE}` : HINT_FILE,
    ),
  });
  const invalid = (message: string, at: { line: number; column: number } | null = null): PublishedResult => ({
    ok: false,
    missing: false,
    diagnostic: problemAt('published/invalid', shown, at, `The file given as the published trust.json ${message}`, `${HINT_FILE} A download that failed may have saved an error page instead.`),
  });

  let realPath: string;
  try {
    realPath = realpathSync(absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadable(code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', reason: code ?? String(error) });
  }
  const read = readRegularFile(realPath, MAX_PUBLISHED_BYTES);
  if (!read.ok) return unreadable(read.problem);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(read.bytes);
  } catch {
    return invalid('is not UTF-8 text, so it is not a trust.json.');
  }
  const json = parseJson(text);
  if (!json.ok) return invalid(json.message, json.at);
  const parsed = PublishedTrustJsonSchema.safeParse(json.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `\`${issue.path.join('.') || '(top level)'}\`: ${issue.message.replace(/\.$/, '')}`);
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
    return invalid(`is not a trust.json Trustbook can read: ${issues.join('; ')}${more}.`);
  }
  return { ok: true, file: shown, published: publishedEntities(parsed.data) };
}

/** The addresses a parsed trust.json lists, each once, in the order of the file. */
export function publishedEntities(trust: PublishedTrustJson): PublishedEntity[] {
  const listed: PublishedEntity[] = [];
  const seen = new Set<string>();
  const add = (kind: PublishedKind, id: string | undefined, url: string | null | undefined) => {
    if (id === undefined || !url) return;
    const key = `${kind} ${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const address = new URL(url);
    listed.push({ kind, id, path: publishedPath(address), url: address.href });
  };
  for (const c of trust.controls) add('control', c.id, c.url);
  for (const p of trust.policies ?? []) add('policy', p.id, p.url);
  for (const a of trust.answers ?? []) add('answer', a.id, a.url);
  for (const s of trust.subprocessors) add('subprocessor', s.id, s.url);
  for (const c of trust.certifications) add('certification', c.id, c.certificateUrl);
  // Only a document's file on the trust center itself is the site's to keep; a download elsewhere is not.
  for (const d of trust.documents ?? []) if (d.id && d.downloadUrl && publishedPath(new URL(d.downloadUrl)) === documentFilePath(d.id)) add('document', d.id, d.downloadUrl);
  return listed;
}

/**
 * The path of a published address on its site: the origin is dropped (the check is about the
 * site's addresses, wherever it is hosted), repeated slashes are collapsed, a page address
 * ends with `/` as every page address does, a file keeps its name, and an anchor is kept.
 * `https://trust.example.com/policies/access-control` → `/policies/access-control/`.
 */
export function publishedPath(url: URL): string {
  let pathname = url.pathname.replace(/\/{2,}/g, '/');
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (!pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(last)) pathname += '/';
  return `${pathname}${url.hash}`;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function problemAt(rule: 'published/unreadable' | 'published/invalid', file: string, at: { line: number; column: number } | null, message: string, hint: string): Diagnostic {
  return { rule, severity: 'error', file, line: at?.line ?? null, column: at?.column ?? null, entity: null, message, hint, subject: null };
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string; at: { line: number; column: number } | null };

/**
 * The JSON value of `text`, or why it is not JSON. The message never quotes the file beyond one
 * printable character: the file is not ours, and an error page saved by a failed download is long.
 */
function parseJson(text: string): Parsed {
  const start = text.search(/\S/);
  if (start === -1) return { ok: false, message: 'is empty.', at: null };
  if (text[start] !== '{') {
    const char = text[start]!;
    const shownChar = /^[\x21-\x5f\x61-\x7e]$/.test(char) ? ` \`${char}\`` : ' a character that cannot start it';
    return { ok: false, message: `is not a JSON object: it starts with${shownChar}${char === '<' ? ', like an HTML page' : ''}.`, at: positionAt(text, start) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/end of JSON input/i.test(reason)) return { ok: false, message: 'is not valid JSON: it ends before the document is complete.', at: null };
    const offset = /position (\d+)/.exec(reason)?.[1];
    return { ok: false, message: 'is not valid JSON.', at: offset === undefined ? null : positionAt(text, Number(offset)) };
  }
}

/** The 1-based line and column of a character offset. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
