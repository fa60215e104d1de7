/**
 * What `parseMarkdown` found in each text, kept between runs of a command, so that `check` does
 * not parse again the policies and answers that did not change (parsing MDX is most of its work).
 *
 * A text's problems depend on the text, its flavour, the rules in `markdown.ts` and the parser's
 * version, and on nothing else: the key is a hash of the text and flavour, and the cache is
 * dropped whole when `markdown.ts` or the installed packages change. Positions are kept within
 * the text, so that a text that moved in its file is reported at its new place. The cache is
 * only an accelerator: one that cannot be read or written is ignored, and a command without one
 * (tests, the pages' own builds) parses every text.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkdown, type Flavour, type MarkdownProblem } from './markdown.ts';

interface CacheFile {
  fingerprint: string;
  problems: Record<string, MarkdownProblem[]>;
}

interface Cache {
  file: string;
  fingerprint: string;
  known: Record<string, MarkdownProblem[]>;
  /** The entries this run used: what is written back, so that the cache holds only current texts. */
  used: Record<string, MarkdownProblem[]>;
  changed: boolean;
}

let cache: Cache | null = null;

/**
 * Keeps the problems of the texts of the content folder `content` from now on, for this process,
 * in Trustbook's cache under `projectRoot`. Each content folder has a file of its own, so that
 * runs on other folders keep it.
 */
export function useMarkdownCache(projectRoot: string, content: string): void {
  const file = path.join(projectRoot, 'node_modules', '.cache', 'trustbook', 'markdown', `${hash(path.resolve(content)).slice(0, 16)}.json`);
  const fingerprint = parserFingerprint(projectRoot);
  let known: Record<string, MarkdownProblem[]> = {};
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (read.fingerprint === fingerprint && read.problems && typeof read.problems === 'object') known = read.problems;
  } catch {
    /* no cache yet, or one that cannot be read: parse everything */
  }
  cache = { file, fingerprint, known, used: {}, changed: false };
}

/** The problems of a text, from the cache when this process keeps one and has seen the text before. */
export function markdownProblems(text: string, flavour: Flavour): MarkdownProblem[] {
  if (!cache) return parseMarkdown(text, flavour).problems;
  const key = hash(`${flavour}\0${text}`);
  const known = Object.hasOwn(cache.known, key) ? cache.known[key] : undefined;
  if (known && Array.isArray(known)) {
    cache.used[key] = known;
    return known.map((p) => ({ ...p }));
  }
  const { problems } = parseMarkdown(text, flavour);
  cache.used[key] = problems.map((p) => ({ ...p }));
  cache.changed = true;
  return problems;
}

/** Writes what this run parsed, and forgets texts it did not meet; nothing when nothing changed. */
export function saveMarkdownCache(): void {
  if (!cache) return;
  const { file, fingerprint, used, known } = cache;
  const dropped = Object.keys(known).some((key) => !Object.hasOwn(used, key));
  if (cache.changed || dropped) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      // Written whole, then renamed: a run that reads it at the same time sees the old file or the new one.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ fingerprint, problems: used } satisfies CacheFile));
      renameSync(temporary, file);
    } catch {
      /* a cache that cannot be written only makes the next run slower */
    }
  }
  cache = null;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the problems found depend on besides the text: the rules in `markdown.ts` and the installed parser. */
function parserFingerprint(projectRoot: string): string {
  const rules = readFileSync(fileURLToPath(new URL('./markdown.ts', import.meta.url)), 'utf8');
  let installed = '';
  try {
    // npm rewrites this file whenever it installs, updates or removes a package.
    const stat = statSync(path.join(projectRoot, 'node_modules', '.package-lock.json'));
    installed = `${stat.size} ${stat.mtimeMs}`;
  } catch {
    /* installed some other way: the version of this module stands for it */
  }
  return hash(`${rules}\0${installed}\0${process.version}`);
}
