/**
 * Reads an organisation's content folder with the table of collections, keeping the
 * line and column of every field so that each problem can be pointed at. Bad input
 * never throws: it becomes a diagnostic, and the loader goes on with the next file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compileSync } from '@mdx-js/mdx';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { collectionNames, collections, extensionsFor, SETTINGS_FILE, withArticle, type CollectionName, type EntityOf } from '../model/collections.ts';
import { SettingsSchema, type Settings } from '../model/schemas.ts';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.ts';
import { displayPath } from './paths.ts';

export type FieldPath = readonly (string | number)[];

export interface Entry<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  data: EntityOf<C>;
  /** Display path of the file. */
  file: string;
  /** Absolute path of the file. */
  absPath: string;
  /** Where the entity starts. */
  position: Position;
  /** Where a field of the entity is; falls back to the entity's start for absent fields. */
  locate(field: FieldPath): Position;
  /** MDX body of a policy (empty for data entries). */
  body: string;
}

export type Entries = { [C in CollectionName]: Entry<C>[] };

export interface LoadResult {
  root: string;
  settings: Settings | null;
  settingsFile: string;
  /** Where a settings field is, once the settings file has been read. */
  locateSetting: (field: FieldPath) => Position | null;
  entries: Entries;
  /** Ids of entities that exist but failed validation: references to them are not reported again. */
  rejected: { [C in CollectionName]: Set<string> };
  diagnostics: Diagnostic[];
  files: number;
}

interface ParsedFile {
  value: unknown;
  locate(field: FieldPath): Position;
}

export function loadContent(root: string): LoadResult {
  const absRoot = path.resolve(root);
  const diagnostics: Diagnostic[] = [];
  const entries = Object.fromEntries(collectionNames.map((c) => [c, []])) as unknown as Entries;
  const rejected = Object.fromEntries(collectionNames.map((c) => [c, new Set<string>()])) as LoadResult['rejected'];
  let files = 0;

  if (!isDirectory(absRoot)) {
    diagnostics.push(fileProblem('load/content-missing', absRoot, null, `The content folder ${displayPath(absRoot)} does not exist.`, 'Point Trustbook at your ISMS folder with `--content DIR` or `TRUSTBOOK_CONTENT=DIR`.'));
    return { root: absRoot, settings: null, settingsFile: displayPath(path.join(absRoot, SETTINGS_FILE)), locateSetting: () => null, entries, rejected, diagnostics, files };
  }

  const settingsPath = path.join(absRoot, SETTINGS_FILE);
  let settings: Settings | null = null;
  let locateSetting: LoadResult['locateSetting'] = () => null;
  if (!isFile(settingsPath)) {
    diagnostics.push(fileProblem('load/settings-missing', settingsPath, null, `The organisation settings file ${SETTINGS_FILE} is missing.`, 'Create it with the organisation name, the URLs of both sites, a contact and a security contact (docs/content-format.md#settings).'));
  } else {
    files++;
    const parsed = readYamlFile(settingsPath, diagnostics);
    if (parsed) {
      locateSetting = parsed.locate;
      const result = SettingsSchema.safeParse(parsed.value);
      if (result.success) settings = result.data;
      else reportSchemaIssues(result.error.issues, [], parsed, settingsPath, 'settings', 'settings', diagnostics, parsed.value, fieldNamesOf(SettingsSchema));
    }
  }

  for (const name of collectionNames) {
    const def = collections[name];
    const dir = path.join(absRoot, def.folder);
    if (!isDirectory(dir)) continue;
    for (const absPath of listFiles(dir, extensionsFor(def.format))) {
      files++;
      const stem = path.basename(absPath, path.extname(absPath));
      if (def.format === 'mdx') {
        const parsed = readMdxFile(absPath, diagnostics);
        if (parsed) addEntity(name, parsed.value, [], stem, parsed, absPath, parsed.body);
        else rejected[name].add(stem);
      } else {
        const parsed = readYamlFile(absPath, diagnostics);
        // An unreadable file most likely held the entity its name says: references to it are not reported again.
        if (!parsed) {
          rejected[name].add(stem);
          continue;
        }
        if (Array.isArray(parsed.value)) {
          parsed.value.forEach((item, index) => addEntity(name, item, [index], null, parsed, absPath, ''));
        } else {
          addEntity(name, parsed.value, [], stem, parsed, absPath, '');
        }
      }
    }
  }

  return { root: absRoot, settings, settingsFile: displayPath(settingsPath), locateSetting, entries, rejected, diagnostics, files };

  function addEntity(
    name: CollectionName,
    raw: unknown,
    prefix: FieldPath,
    defaultId: string | null,
    parsed: ParsedFile,
    absPath: string,
    body: string,
  ) {
    const def = collections[name];
    const file = displayPath(absPath);
    const locate = (field: FieldPath) => parsed.locate([...prefix, ...field]);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      diagnostics.push(
        fileProblem('load/schema', absPath, locate([]), `Expected ${withArticle(def.noun)} as a mapping of fields, found ${describe(raw)}.`, `Write one ${def.noun} as \`key: value\` lines, or a list of them (docs/content-format.md#${def.folder}).`),
      );
      return;
    }
    // A single-entity file may leave its id to the file name (`soa/A.8.24.yaml`).
    const withId = defaultId !== null && !('id' in raw) ? { id: defaultId, ...raw } : raw;
    const rawId = (withId as { id?: unknown }).id;
    const label = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
    const result = (def.schema as z.ZodType).safeParse(withId);
    if (!result.success) {
      if (label) rejected[name].add(label);
      reportSchemaIssues(result.error.issues, prefix, parsed, absPath, def.noun, label, diagnostics, withId, fieldNamesOf(def.schema));
      return;
    }
    const data = result.data as { id: string };
    (entries[name] as Entry[]).push({
      collection: name,
      id: data.id,
      data: data as EntityOf<typeof name>,
      file,
      absPath,
      position: locate(prefix.length ? [] : ['id']),
      locate,
      body,
    });
  }
}

/** Reads a file as strict UTF-8, reporting unreadable, non-UTF-8 and empty files. */
/** A problem with a file as a whole, before any entity could be read from it. */
function fileProblem(rule: string, absPath: string, at: Position | null, message: string, hint: string): Diagnostic {
  return { rule, severity: 'error', file: displayPath(absPath), line: at?.line ?? null, column: at?.column ?? null, entity: null, message, hint };
}

function readText(absPath: string, diagnostics: Diagnostic[]): string | null {
  const bytes = readFileSync(absPath);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    diagnostics.push(
      fileProblem('load/encoding', absPath, firstInvalidUtf8(bytes), 'The file is not valid UTF-8.', 'Save the file as UTF-8 (most editors have an "encoding" setting; `iconv -f latin1 -t utf-8` converts Latin-1).'),
    );
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    diagnostics.push(fileProblem('load/empty-file', absPath, { line: 1, column: 1 }, 'The file is empty.', 'Fill it in or delete it: an empty file is usually an unfinished edit.'));
    return null;
  }
  return text;
}

function readYamlFile(absPath: string, diagnostics: Diagnostic[], lineOffset = 0): ParsedFile | null {
  const text = readText(absPath, diagnostics);
  return text === null ? null : parseYaml(text, absPath, diagnostics, lineOffset);
}

function parseYaml(text: string, absPath: string, diagnostics: Diagnostic[], lineOffset: number): ParsedFile | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const reportedLines = new Set<number>();
    for (const error of doc.errors) {
      const at = lineCounter.linePos(error.pos[0]);
      // One mistake often yields several parser errors on the same line: the first explains it best.
      if (reportedLines.has(at.line)) continue;
      reportedLines.add(at.line);
      diagnostics.push(fileProblem('load/yaml-syntax', absPath, { line: at.line + lineOffset, column: at.col }, `The YAML cannot be read: ${firstLine(error.message)}.`, yamlHint(error.code)));
    }
    return null;
  }
  const value: unknown = doc.toJS();
  return {
    value,
    locate(field) {
      const offset = nodeOffset(doc, field);
      const at = lineCounter.linePos(offset);
      return { line: at.line + lineOffset, column: at.col };
    },
  };
}

function readMdxFile(absPath: string, diagnostics: Diagnostic[]): (ParsedFile & { body: string }) | null {
  const text = readText(absPath, diagnostics);
  if (text === null) return null;
  const match = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) {
    diagnostics.push(fileProblem('load/front-matter', absPath, { line: 1, column: 1 }, 'The policy has no front matter.', 'Start the file with a `---` line, the policy fields in YAML, and another `---` line (docs/content-format.md#policies).'));
    return null;
  }
  const yamlText = match[1] ?? '';
  if (yamlText.trim() === '') {
    diagnostics.push(fileProblem('load/front-matter', absPath, { line: 1, column: 1 }, 'The front matter is empty.', 'Add the policy fields between the `---` lines: id, title, version, owner, approver, dates (docs/content-format.md#policies).'));
    return null;
  }
  // Front matter starts on line 2 of the file.
  const parsed = parseYaml(yamlText, absPath, diagnostics, 1);
  const body = text.slice(match[0].length);
  const bodyLine = text.slice(0, match[0].length).split('\n').length;
  const mdxProblem = checkMdx(body, absPath, bodyLine - 1);
  if (mdxProblem) diagnostics.push(mdxProblem);
  // A policy whose text is broken still has valid fields: keep it, so that nothing cites it in vain.
  return parsed ? { ...parsed, body } : null;
}

/** Compiles the body as MDX so that a syntax error is reported with its line, not as a crash of the site build. */
function checkMdx(body: string, absPath: string, lineOffset: number): Diagnostic | null {
  try {
    compileSync(body);
    return null;
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    return {
      rule: 'load/mdx-syntax',
      severity: 'error',
      file: displayPath(absPath),
      line: (place.line ?? 1) + lineOffset,
      column: place.column ?? 1,
      entity: null,
      message: `The policy text is not valid MDX: ${firstLine(place.reason ?? place.message ?? String(error))}.`,
      hint: 'In MDX, `<` starts a component and `{` an expression: write them as `&lt;` and `&#123;`, or put them in `code`.',
    };
  }
}

/** Offset of the node at `field`: the key of a map entry, the item of a list, or the nearest existing ancestor. */
function nodeOffset(doc: Document, field: FieldPath): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of field) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

const rangeStart = (node: unknown): number | undefined => (node as Node | null)?.range?.[0];

function reportSchemaIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: FieldPath,
  parsed: ParsedFile,
  absPath: string,
  noun: string,
  entity: string | null,
  diagnostics: Diagnostic[],
  raw: unknown,
  topLevelFields: readonly string[],
) {
  const subject = entity ? `${noun} "${entity}"` : `this ${noun}`;
  for (const issue of issues) {
    const base = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = parsed.locate([...prefix, ...base, key]);
        const near = closest(key, base.length === 0 ? topLevelFields : allFieldNames);
        diagnostics.push({
          rule: 'load/unknown-field',
          severity: 'error',
          file: displayPath(absPath),
          line: at.line,
          column: at.column,
          entity,
          message: `Unknown field \`${[...base, key].join('.')}\` in ${subject}.`,
          hint: near ? `Did you mean \`${near}\`? Fields are listed in docs/content-format.md.` : 'Remove it, or check the field names in docs/content-format.md.',
        });
      }
      continue;
    }
    const at = parsed.locate([...prefix, ...base]);
    const field = base.length ? `\`${base.join('.')}\`` : 'the entry';
    const missing = issue.code === 'invalid_type' && valueAt(raw, base) === undefined;
    diagnostics.push({
      rule: 'load/schema',
      severity: 'error',
      file: displayPath(absPath),
      line: at.line,
      column: at.column,
      entity,
      message: missing ? `${capitalise(subject)} is missing the required field ${field}.` : `${capitalise(subject)} has an invalid ${field}: ${issue.message}`,
      hint: missing ? `Add ${field} (docs/content-format.md describes every field).` : issueHint(issue),
    });
  }
}

function issueHint(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `Use one of: ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}.`;
    case 'invalid_type':
      return `Write a ${issue.expected} here.`;
    case 'too_small':
      if (issue.origin === 'array') return `List at least ${String(issue.minimum)} item(s).`;
      return issue.inclusive === false ? `Use a value greater than ${String(issue.minimum)}.` : `Use a value of at least ${String(issue.minimum)}.`;
    case 'too_big':
      return `Use a value of at most ${String(issue.maximum)}.`;
    default:
      return 'See docs/content-format.md for the allowed values.';
  }
}

const fieldNamesOf = (schema: z.ZodType): string[] => Object.keys((schema as unknown as { shape: object }).shape);

const valueAt = (value: unknown, field: FieldPath): unknown =>
  field.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined), value);

/** Every field name any schema knows, to suggest the intended one for a typo (`ownr` → `owner`). */
const allFieldNames = [
  ...new Set(
    [SettingsSchema, ...collectionNames.map((c) => collections[c].schema)].flatMap((schema) => fieldNamesOf(schema)),
  ),
];

/** The known name nearest to `word` by edit distance, if it is near enough to be a typo. */
function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The first line whose bytes are not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): Position {
  let line = 1;
  let start = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return { line, column: 1 };
      }
      line++;
      start = i + 1;
    }
  }
  return { line: 1, column: 1 };
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'A field appears twice in the same entry: keep one.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'Check the indentation: nested fields are indented by the same number of spaces, and lists start with `- `.';
    case 'TAB_AS_INDENT':
      return 'YAML indentation must use spaces, not tabs.';
    default:
      return 'Check the syntax near this line; text with a `:` followed by a space must be quoted.';
  }
}

const firstLine = (message: string) => (message.split('\n')[0] ?? message).replace(/\.$/, '');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const describe = (value: unknown) => (value === null ? 'nothing' : Array.isArray(value) ? 'a list' : `a ${typeof value}`);

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Files with one of `extensions` under `dir`, recursively, in a stable order. Dot-files and folders are skipped. */
function listFiles(dir: string, extensions: readonly string[]): string[] {
  const found: string[] = [];
  for (const dirent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    if (dirent.name.startsWith('.')) continue;
    const full = path.join(dir, dirent.name);
    if (dirent.isDirectory()) found.push(...listFiles(full, extensions));
    else if (extensions.includes(path.extname(dirent.name).toLowerCase())) found.push(full);
  }
  return found;
}
