/**
 * What parsing each text of a content folder came to, kept between runs of a command, so that
 * `check` does not parse again the files that did not change: the problems `parseMarkdown` found
 * in each policy, answer and notice (parsing MDX is the larger part of `check`), and each YAML file
 * read without error, as its value and the outline of where its fields are.
 *
 * What is kept depends on the text and on nothing else but the code that reads it: the key is a
 * hash of the text (and its kind), and the cache is dropped whole when `markdown.ts`, `loader.ts`,
 * the installed packages or Node change. Positions are kept within the text, so that a text that
 * moved in its file is reported at its new place. The cache is only an accelerator: one that
 * cannot be read or written is ignored, and a command without one (tests, the pages' own builds)
 * parses every text.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkdown, type Flavour, type MarkdownProblem } from './markdown.ts';

/** Where the fields of a YAML file are: the offset of each node, the keys of each map, the items of each list. */
export interface Outline {
  /** Offset of the node in the text; null when the parser gave it none. */
  s: number | null;
  /** A map's entries with a plain key: key, offset of the key, value. */
  m?: [string, number | null, Outline | null][];
  /** A list's items. */
  q?: (Outline | null)[];
  /** A scalar's style (`PLAIN`, `QUOTE_DOUBLE`, `BLOCK_LITERAL`…); present on scalars only. */
  t?: string | null;
}

/** A YAML file read without error: its value, where its fields are, and where its lines start. */
export interface ReadYaml {
  value: unknown;
  outline: Outline | null;
  lineStarts: number[];
}

interface CacheFile {
  fingerprint: string;
  entries: Record<string, unknown>;
}

interface Cache {
  file: string;
  fingerprint: string;
  known: Record<string, unknown>;
  /** The entries this run used: what is written back, so that the cache holds only current texts. */
  used: Record<string, unknown>;
  changed: boolean;
}

let cache: Cache | null = null;

/**
 * Keeps what parsing the texts of the content folder `content` comes to from now on, for this
 * process, in Trustbook's cache under `projectRoot`. Each content folder has a file of its own,
 * so that runs on other folders keep it.
 */
export function useParseCache(projectRoot: string, content: string): void {
  const file = path.join(projectRoot, 'node_modules', '.cache', 'trustbook', 'parsed', `${hash(path.resolve(content)).slice(0, 16)}.json`);
  const fingerprint = codeFingerprint(projectRoot);
  let known: Record<string, unknown> = {};
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (read.fingerprint === fingerprint && read.entries && typeof read.entries === 'object') known = read.entries;
  } catch {
    /* no cache yet, or one that cannot be read: parse everything */
  }
  cache = { file, fingerprint, known, used: {}, changed: false };
}

function lookUp(key: string): unknown {
  if (!cache || !Object.hasOwn(cache.known, key)) return undefined;
  const found = cache.known[key];
  cache.used[key] = found;
  return found;
}

function keep(key: string, entry: unknown) {
  if (!cache) return;
  cache.used[key] = entry;
  cache.changed = true;
}

/** The problems of a text, from the cache when this process keeps one and has seen the text before. */
export function markdownProblems(text: string, flavour: Flavour): MarkdownProblem[] {
  if (!cache) return parseMarkdown(text, flavour).problems;
  const key = hash(`${flavour}\0${text}`);
  const known = lookUp(key);
  if (Array.isArray(known)) return (known as MarkdownProblem[]).map((p) => ({ ...p }));
  const { problems } = parseMarkdown(text, flavour);
  keep(key, problems.map((p) => ({ ...p })));
  return problems;
}

/** A YAML text read before, or undefined. */
export function cachedYaml(text: string): ReadYaml | undefined {
  if (!cache) return undefined;
  const known = lookUp(hash(`yaml\0${text}`)) as ReadYaml | undefined;
  return known && typeof known === 'object' && Array.isArray(known.lineStarts) ? known : undefined;
}

/** Keeps a YAML text read without error, when its value survives JSON unchanged. */
export function keepYaml(text: string, read: ReadYaml): void {
  if (cache && plainData(read.value)) keep(hash(`yaml\0${text}`), read);
}

/** Strings, finite numbers, booleans, null, and lists and plain objects of them: what JSON gives back as it was given. */
function plainData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(plainData);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([key, v]) => key !== '__proto__' && plainData(v));
}

/** Writes what this run read, and forgets texts it did not meet; nothing when nothing changed. */
export function saveParseCache(): void {
  if (!cache) return;
  const { file, fingerprint, used, known } = cache;
  const dropped = Object.keys(known).some((key) => !Object.hasOwn(used, key));
  if (cache.changed || dropped) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      // Written whole, then renamed: a run that reads it at the same time sees the old file or the new one.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ fingerprint, entries: used } satisfies CacheFile));
      renameSync(temporary, file);
    } catch {
      /* a cache that cannot be written only makes the next run slower */
    }
  }
  cache = null;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the results depend on besides the text: the code that reads it, the installed packages and Node. */
function codeFingerprint(projectRoot: string): string {
  const code = ['./markdown.ts', './loader.ts'].map((file) => readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8')).join('\0');
  let installed = '';
  try {
    // npm rewrites this file whenever it installs, updates or removes a package.
    const stat = statSync(path.join(projectRoot, 'node_modules', '.package-lock.json'));
    installed = `${stat.size} ${stat.mtimeMs}`;
  } catch {
    /* installed some other way: the version of this code stands for it */
  }
  return hash(`${code}\0${installed}\0${process.version}`);
}
