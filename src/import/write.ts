/**
 * Turning what an import computed into files, without losing anyone's work. Every file carries a
 * fingerprint of the data the import wrote; a later import updates a file only while its data
 * still has that fingerprint, so a file edited by hand since is kept unless `--force` is given.
 * Nothing is written until every file has been decided, and each file is replaced in one rename.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Document, parse } from 'yaml';

export interface PlannedFile {
  /** Path inside the content folder, with forward slashes (`soa/A.5.1.yaml`). */
  path: string;
  /** The entity as written (only the fields the import sets). */
  data: Record<string, unknown>;
  /** Comment lines written above the data (without `# `). */
  comment: string[];
  /** Comments after a field's value (`collected` → `placeholder: …`). */
  fieldComments?: Record<string, string>;
  /** The row(s) it comes from, for the report (`soa.xlsx:12`). */
  source: string;
  /** Compares two entities as the loader would read them (defaults applied), to tell an edit from a reformat. */
  same: (a: unknown, b: unknown) => boolean;
  /** A policy's MDX text after its front matter; a file with a body is written as `.mdx`, its data as front matter. */
  body?: string;
}

export type Outcome = 'create' | 'change' | 'unchanged' | 'kept' | 'overwrite';

export interface Decision {
  file: PlannedFile;
  outcome: Outcome;
  /** The text to write, for create, change and overwrite. */
  text: string;
}

const FINGERPRINT = /^# Import fingerprint ([0-9a-f]{12})\b/m;

/** A stable hash of data, independent of key order. */
export function fingerprint(data: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(data))).digest('hex').slice(0, 12);
}

/** What a fingerprint covers: the data, and for a policy its text too. */
const fingerprinted = (data: unknown, body: string | undefined): unknown => (body === undefined ? data : { data, body });

/** Front matter and text of an MDX file, split as the loader splits them. */
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

function readBack(text: string, mdx: boolean): { data: unknown; body: string | undefined } {
  // Line endings an editor or git (autocrlf) changed are not an edit.
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = mdx ? FRONT_MATTER.exec(source) : null;
  if (mdx && !match) return { data: undefined, body: source };
  try {
    return { data: parse(match ? (match[1] ?? '') : source), body: match ? source.slice(match[0].length).replace(/^\r?\n/, '') : undefined };
  } catch {
    return { data: undefined, body: match ? source.slice(match[0].length) : undefined };
  }
}

/** The text of a planned file: its comment, its fingerprint, its data (as front matter, before the body, for a policy). */
export function render(file: PlannedFile): string {
  const doc = new Document(file.data);
  for (const [key, comment] of Object.entries(file.fieldComments ?? {})) {
    const node = doc.get(key, true) as { comment?: string } | undefined;
    if (node) node.comment = ` ${comment}`;
  }
  const header = [
    ...file.comment.map((line) => `# ${line}`.trimEnd()),
    `# Import fingerprint ${fingerprint(fingerprinted(file.data, file.body))}: while ${file.body === undefined ? 'the data below is' : 'this file is'} unchanged, a new import may update ${file.body === undefined ? 'this file' : 'it'}; once you edit it, imports keep your version.`,
  ];
  const yaml = `${header.join('\n')}\n${doc.toString({ lineWidth: 0 })}`;
  return file.body === undefined ? yaml : `---\n${yaml}---\n\n${file.body}`;
}

/** What to do with each planned file, given what the content folder holds now. */
export function decide(root: string, files: readonly PlannedFile[], force: boolean): Decision[] {
  return files.map((file) => {
    const text = render(file);
    let existing: string;
    try {
      existing = readFileSync(path.join(root, file.path), 'utf8');
    } catch {
      return { file, outcome: 'create', text };
    }
    const { data, body } = readBack(existing, file.body !== undefined);
    const sameBody = file.body === undefined || body?.trimEnd() === file.body.trimEnd();
    if (data !== undefined && sameBody && file.same(data, file.data)) return { file, outcome: 'unchanged', text };
    const recorded = FINGERPRINT.exec(existing)?.[1];
    // Untouched since the last import when what it holds still hashes to what that import recorded.
    if (recorded && data !== undefined && recorded === fingerprint(fingerprinted(data, body === undefined ? undefined : `${body.trimEnd()}\n`))) return { file, outcome: 'change', text };
    // An entry that holds nothing but its id — as `trustbook init` writes the SoA — has nothing to keep.
    if (isBare(data)) return { file, outcome: 'change', text };
    return { file, outcome: force ? 'overwrite' : 'kept', text };
  });
}

/** A mapping with an `id` and nothing else: a placeholder to fill, not an edit to protect. */
const isBare = (data: unknown): boolean => typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).length === 1 && 'id' in data;

/** Compares two values as plain data. */
export const sameData = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b);

/**
 * Writes the decided files. Each goes to a temporary file beside it and is renamed into place, so a
 * reader never sees half a file and a link at the target is replaced, not followed. A folder that
 * resolves outside the content folder is refused before anything is written.
 */
export function writeDecisions(root: string, decisions: readonly Decision[]): { ok: true } | { ok: false; reason: string } {
  const realRoot = realpathSync(root);
  // What others refer to first: a policy or an SoA entry never names a person not yet written.
  const order = (file: string) => ['people/', 'evidence/'].findIndex((folder) => file.startsWith(folder)) >>> 0;
  const toWrite = decisions.filter((d) => d.outcome === 'create' || d.outcome === 'change' || d.outcome === 'overwrite').sort((a, b) => order(a.file.path) - order(b.file.path));
  for (const d of toWrite) {
    const folder = outsideFolder(realRoot, path.dirname(path.join(realRoot, d.file.path)));
    if (folder) return { ok: false, reason: `${folder} leads outside the content folder; nothing was written.` };
    // A folder (or anything but a file) where the file goes would stop the renames halfway: refused first.
    try {
      if (!lstatSync(path.join(realRoot, d.file.path)).isFile()) return { ok: false, reason: `${d.file.path} is not a file; nothing was written. Move it out of the way and import again.` };
    } catch {
      // Not there yet: it will be created.
    }
  }
  // Every file is written beside its target first; only when all are written is each renamed into place.
  const temporaries: { temporary: string; target: string }[] = [];
  try {
    for (const d of toWrite) {
      const target = path.join(realRoot, d.file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, d.text, { flag: 'wx' });
      temporaries.push({ temporary, target });
    }
  } catch (error) {
    for (const { temporary } of temporaries) rmSync(temporary, { force: true });
    return { ok: false, reason: `${failedPath(error, realRoot)} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was written.` };
  }
  const done: string[] = [];
  for (const { temporary, target } of temporaries) {
    try {
      renameSync(temporary, target);
      done.push(path.relative(realRoot, target));
    } catch (error) {
      for (const t of temporaries) rmSync(t.temporary, { force: true });
      return { ok: false, reason: `${path.relative(realRoot, target)} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})${done.length ? `; written before it: ${done.join(', ')}` : '; nothing was written'}.` };
    }
  }
  return { ok: true };
}

/** The file an error is about, relative to the content folder. */
const failedPath = (error: unknown, root: string): string => {
  const file = (error as NodeJS.ErrnoException).path;
  return file ? path.relative(root, file.replace(/\.\d+\.tmp$/, '')) : 'A file';
};

/** The first existing folder on the way to `folder` that resolves outside `root`, if any. */
function outsideFolder(root: string, folder: string): string | null {
  let current = folder;
  while (current.startsWith(root) && current !== root) {
    try {
      lstatSync(current);
      const real = realpathSync(current);
      return real === root || real.startsWith(`${root}${path.sep}`) ? null : path.relative(root, current);
    } catch {
      current = path.dirname(current);
    }
  }
  return null;
}
