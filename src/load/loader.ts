/**
 * Reads an organisation's content folder with the table of collections, keeping the
 * line and column of every field so that each problem can be pointed at. Bad input
 * never throws: it becomes a diagnostic, and the loader goes on with the next file.
 * Every file is found and opened through the one door (`files.ts`), so nothing outside
 * the content folder is ever read.
 */
import { askFor } from '../model/asks.ts';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml';
import type { z } from 'astro/zod';
import {
  collectionNames,
  collections,
  extensionsFor,
  logoField,
  MAX_CONTENT_FILE_BYTES,
  SETTINGS_FILE,
  type CollectionDef,
  type CollectionName,
  type EntityOf,
  type FileField,
  type FileKind,
} from '../model/collections.ts';
import { SettingsSchema, type Settings } from '../model/schemas.ts';
import { annexAById } from '../model/catalog.ts';
import { slugOf } from '../model/anchors.ts';
import type { CatalogueDiagnostic, Position, Subject } from '../diagnostics/diagnostic.ts';
import { entryOf, isDiagnosticId, problem, type DiagnosticId } from '../diagnostics/catalogue.ts';
import { displayPath, reportPathsFor } from './paths.ts';
import { contentRoot, describeProblem, listFiles, readRegularFile, resolveInside, type FileProblem } from './files.ts';
import type { MarkdownProblem } from './markdown.ts';
import { cachedYaml, keepYaml, markdownProblems, type Outline } from './parse-cache.ts';
import { plural, withArticle } from '../model/words.ts';

export type FieldPath = readonly (string | number)[];

/** A file named in the content (a logo, a certificate), found through the one door and of a known kind. */
export interface ContentFile {
  /** The path as written in the content, relative to the content folder. */
  path: string;
  /** Where it really is: always inside the content folder. */
  realPath: string;
  kind: FileKind;
}

export interface Entry<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  data: EntityOf<C>;
  /** Display path of the file. */
  file: string;
  /** Absolute path of the file, as found in the content folder. */
  absPath: string;
  /** Where it really is (the same unless it was reached through a link inside the content folder). */
  realPath: string;
  /** Where the entity starts. */
  position: Position;
  /** Where a field of the entity is; falls back to the entity's start for absent fields. */
  locate(field: FieldPath): Position;
  /** MDX body of a policy (empty for data entries). */
  body: string;
  /** Files the entity names, by field (`certificateFile`), each checked to be inside the content folder. */
  files: Readonly<Record<string, ContentFile>>;
}

export type Entries = { [C in CollectionName]: Entry<C>[] };

/**
 * A file whose entities are not all known: it could not be read, or it holds an entry without a
 * valid id. A reference into its collection that does not resolve might name one of them, so it is
 * not reported; the run lists it as not checked instead.
 */
export interface UnreadFile {
  /** Display path of the file. */
  file: string;
  /** Why, after the file's name: `could not be read`. */
  reason: string;
}

export interface LoadResult {
  root: string;
  /** Whether the content folder exists. When it does not, that is the one problem reported. */
  found: boolean;
  settings: Settings | null;
  settingsFile: string;
  /** Why the settings are not known, when they are not: `is missing`, `could not be read`, `has errors`. */
  settingsUnread: UnreadFile | null;
  /** Where a settings field is, once the settings file has been read. */
  locateSetting: (field: FieldPath) => Position | null;
  /** Files the settings name (`brand.logo`), checked like an entity's. */
  settingsFiles: Readonly<Record<string, ContentFile>>;
  entries: Entries;
  /** Ids of entities that exist but failed validation: references to them are not reported again. */
  rejected: { [C in CollectionName]: Set<string> };
  /** Files of each collection whose entities are not all known. */
  unread: { [C in CollectionName]: UnreadFile[] };
  /** Collections whose folder does not exist. */
  missingFolders: CollectionName[];
  diagnostics: CatalogueDiagnostic[];
  files: number;
}

interface ParsedFile {
  value: unknown;
  locate(field: FieldPath): Position;
  /**
   * Where the text of a string field starts (the line after `|` or `>`), and how far its lines are
   * indented in the file, so that a position within the text can be mapped to the file.
   */
  textStart(field: FieldPath): Position & { indent: number };
}

/** A file being read: where it is, and what it would hold, so that its problems name their subject. */
interface SourceFile {
  absPath: string;
  realPath: string;
  /** The collection it belongs to, or `settings`. */
  collection: CollectionName | 'settings';
  /** Its name without the extension: the id of the entity it holds unless it says otherwise. */
  stem: string;
}

/** Problems are collected here, in the order they are found. */
type Sink = CatalogueDiagnostic[];

export function loadContent(root: string): LoadResult {
  const absRoot = path.resolve(root);
  reportPathsFor(absRoot);
  const diagnostics: Sink = [];
  const entries = Object.fromEntries(collectionNames.map((c) => [c, []])) as unknown as Entries;
  const rejected = Object.fromEntries(collectionNames.map((c) => [c, new Set<string>()])) as LoadResult['rejected'];
  const unread = Object.fromEntries(collectionNames.map((c) => [c, []])) as unknown as LoadResult['unread'];
  const missingFolders: CollectionName[] = [];
  const settingsFiles: Record<string, ContentFile> = {};
  const settingsFile = displayPath(path.join(absRoot, SETTINGS_FILE));
  let files = 0;

  const realRoot = contentRoot(absRoot);
  if (!realRoot) {
    diagnostics.push(fileProblem('load/content-missing', absRoot, null, null, `The content folder ${displayPath(absRoot)} does not exist.`));
    return { root: absRoot, found: false, settings: null, settingsFile, settingsUnread: null, locateSetting: () => null, settingsFiles, entries, rejected, unread, missingFolders, diagnostics, files };
  }
  /** Shows a real path the way the user reaches it: through the content folder they named. */
  const shown = (real: string) => displayPath(real === realRoot || real.startsWith(`${realRoot}${path.sep}`) ? path.join(absRoot, path.relative(realRoot, real)) : real);

  const settingsPath = path.join(absRoot, SETTINGS_FILE);
  let settings: Settings | null = null;
  let settingsUnread: UnreadFile | null = null;
  let locateSetting: LoadResult['locateSetting'] = () => null;
  const settingsFound = resolveInside(realRoot, SETTINGS_FILE);
  if (!settingsFound.ok && settingsFound.problem.kind === 'missing') {
    diagnostics.push(fileProblem('load/settings-missing', settingsPath, null, SETTINGS_SUBJECT, `The organisation settings file ${SETTINGS_FILE} is missing.`));
    settingsUnread = { file: settingsFile, reason: 'is missing' };
  } else if (!settingsFound.ok) {
    diagnostics.push(listedProblem(settingsPath, settingsFound.problem, shown, SETTINGS_SUBJECT));
    settingsUnread = { file: settingsFile, reason: 'could not be read' };
  } else {
    files++;
    const source: SourceFile = { absPath: settingsPath, realPath: settingsFound.realPath, collection: 'settings', stem: 'settings' };
    settingsUnread = { file: settingsFile, reason: 'could not be read' };
    guarded(source, () => {
      const parsed = readYamlFile(source, diagnostics);
      if (typeof parsed === 'string') return;
      locateSetting = parsed.locate;
      const result = SettingsSchema.safeParse(parsed.value);
      if (!result.success) {
        settingsUnread = { file: settingsFile, reason: 'has errors' };
        reportSchemaIssues(result.error.issues, [], parsed, settingsPath, 'settings', 'settings', SETTINGS_SUBJECT, diagnostics, parsed.value, fieldNamesOf(SettingsSchema));
        return;
      }
      settings = result.data;
      settingsUnread = null;
      const logo = fileAt(settings, logoField);
      if (logo) {
        const found = openContentFile(realRoot, logo, logoField, settingsPath, parsed.locate(logoField.field), 'settings', SETTINGS_SUBJECT, shown, diagnostics);
        if (found) settingsFiles[logoField.field.join('.')] = found;
      }
    });
  }

  for (const name of collectionNames) {
    const def: CollectionDef = collections[name];
    const dir = path.join(absRoot, def.folder);
    const folder = resolveInside(realRoot, def.folder);
    if (!folder.ok) {
      if (folder.problem.kind === 'missing') missingFolders.push(name);
      else {
        diagnostics.push(listedProblem(dir, folder.problem, shown, null));
        unread[name].push({ file: displayPath(dir), reason: 'could not be read' });
      }
      continue;
    }
    const listed = listFiles(realRoot, dir, extensionsFor(def.format));
    for (const problem of listed.problems) {
      diagnostics.push(listedProblem(problem.path, problem.problem, shown, null));
      unread[name].push({ file: displayPath(problem.path), reason: 'could not be read' });
    }
    for (const { path: absPath, realPath } of listed.files) {
      files++;
      const source: SourceFile = { absPath, realPath, collection: name, stem: path.basename(absPath, path.extname(absPath)) };
      const outcome = guarded(source, (): Outcome => {
        if (def.format === 'mdx') {
          const parsed = readMdxFile(source, diagnostics);
          if (typeof parsed === 'string') return parsed;
          addEntity(name, parsed.value, [], source.stem, parsed, absPath, realPath, parsed.body);
          return 'read';
        }
        const parsed = readYamlFile(source, diagnostics);
        if (typeof parsed === 'string') return parsed;
        if (Array.isArray(parsed.value)) {
          parsed.value.forEach((item, index) => addEntity(name, item, [index], null, parsed, absPath, realPath, ''));
        } else {
          addEntity(name, parsed.value, [], source.stem, parsed, absPath, realPath, '');
        }
        return 'read';
      });
      if (outcome === 'read') continue;
      // An unreadable file most likely held the entity its name says: references to it are not reported again.
      rejected[name].add(source.stem);
      // An empty file held nothing; any other may have held any entity of its collection.
      if (outcome !== 'empty') unread[name].push({ file: displayPath(absPath), reason: 'could not be read' });
    }
  }

  return { root: absRoot, found: true, settings, settingsFile, settingsUnread, locateSetting, settingsFiles, entries, rejected, unread, missingFolders, diagnostics, files };

  /**
   * Runs one file's reading so that a failure nobody foresaw is one diagnostic about that file, not a
   * crash. Returns what `read` returns, or null when it threw.
   */
  function guarded<T>(source: SourceFile, read: () => T): T | null {
    try {
      return read();
    } catch (error) {
      diagnostics.push(fileProblem('load/unreadable', source.absPath, null, wholeFileSubject(source), `Trustbook could not read this file: ${firstLine(errorMessage(error))}.`));
      return null;
    }
  }

  function addEntity(
    name: CollectionName,
    raw: unknown,
    prefix: FieldPath,
    defaultId: string | null,
    parsed: ParsedFile,
    absPath: string,
    realPath: string,
    body: string,
  ) {
    const def: CollectionDef = collections[name];
    const file = displayPath(absPath);
    const locate = (field: FieldPath) => parsed.locate([...prefix, ...field]);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      // Nothing (a file of comments, an empty list item) hides no entity; anything else may be a mistyped one.
      if (raw !== null && raw !== undefined) unread[name].push({ file, reason: 'holds an entry that is not a mapping of fields' });
      diagnostics.push(
        fileProblem('load/schema', absPath, locate([]), null, `Expected ${withArticle(def.noun)} as a mapping of fields, found ${describe(raw)}.`, `Write one ${def.noun} as \`key: value\` lines, or a list of them (docs/content-format.md#${def.folder}).`),
      );
      return;
    }
    // A single-entity file may leave its id to the file name (`soa/A.8.24.yaml`).
    const withId = defaultId !== null && !Object.hasOwn(raw, 'id') ? { id: defaultId, ...raw } : raw;
    const rawId = (withId as { id?: unknown }).id;
    const label = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
    const result = (def.schema as z.ZodType).safeParse(withId);
    if (!result.success) {
      if (label) {
        rejected[name].add(label);
        // `A 5.1` is reported once, as the id to correct, not a second time as a control without an entry.
        const meant = controlIdMeant(label);
        if (meant) rejected[name].add(meant);
      } else unread[name].push({ file, reason: 'holds an entry without an id' });
      reportSchemaIssues(result.error.issues, prefix, parsed, absPath, def.noun, label, label ? { collection: name, id: label } : null, diagnostics, withId, fieldNamesOf(def.schema));
      return;
    }
    const data = result.data as { id: string } & Record<string, unknown>;
    const entity = entityName(name, data.id);
    for (const field of def.markdown ?? []) {
      const text = data[field];
      if (typeof text !== 'string') continue;
      const start = parsed.textStart([...prefix, field]);
      for (const problem of markdownProblems(text, 'markdown')) diagnostics.push(markdownDiagnostic(problem, absPath, entity, { collection: name, id: data.id, field }, start));
    }
    const named: Record<string, ContentFile> = {};
    for (const spec of def.files ?? []) {
      const written = fileAt(data, spec);
      if (!written) continue;
      const found = openContentFile(realRoot!, written, spec, absPath, locate(spec.field), entity, { collection: name, id: data.id }, shown, diagnostics);
      if (found) named[spec.field.join('.')] = found;
    }
    (entries[name] as Entry[]).push({
      collection: name,
      id: data.id,
      data: data as EntityOf<typeof name>,
      file,
      absPath,
      realPath,
      position: locate(prefix.length ? [] : ['id']),
      locate,
      body,
      files: named,
    });
  }
}

/** How an entity is named in messages (`policy access-control`); SoA entries by their control ID. */
export const entityName = (collection: CollectionName, id: string): string => (collection === 'soa' ? id : `${collections[collection].label} ${id}`);

const fileAt = (data: unknown, spec: FileField): string | undefined => {
  const value = valueAt(data, spec.field);
  return typeof value === 'string' ? value : undefined;
};

/**
 * Finds a file that content names (a logo, a certificate) through the one door, and makes sure it
 * is what it should be. Every problem is a diagnostic at the field that names it.
 */
function openContentFile(
  realRoot: string,
  written: string,
  spec: FileField,
  absPath: string,
  at: Position,
  entity: string,
  owner: Subject,
  shown: (real: string) => string,
  diagnostics: Sink,
): ContentFile | null {
  const field = spec.field.join('.');
  const place = { file: displayPath(absPath), line: at.line, column: at.column, entity, subject: { ...owner, field } };
  const report = (rule: DiagnosticId, message: string, hint: string) => diagnostics.push(problem(rule, place, message, { hint }));
  const resolved = resolveInside(realRoot, written);
  if (!resolved.ok) {
    const { rule, hint } = fileProblemRule(resolved.problem, spec);
    report(rule, `The ${spec.noun} \`${written}\` ${describeProblem(resolved.problem, shown)}.`, hint);
    return null;
  }
  const read = readRegularFile(resolved.realPath, spec.maxBytes);
  if (!read.ok) {
    const { rule, hint } = fileProblemRule(read.problem, spec);
    report(rule, `The ${spec.noun} \`${written}\` ${describeProblem(read.problem, shown)}.`, hint);
    return null;
  }
  const kind = sniff(read.bytes);
  if (!kind || !spec.kinds.includes(kind)) {
    report(
      'files/wrong-type',
      `The ${spec.noun} \`${written}\` is ${kind ? `${withArticle(kind.toUpperCase())} file` : 'not a file of a known kind'}; \`${field}\` takes ${spec.kinds.map((k) => k.toUpperCase()).join(' or ')}.`,
      `Give the path of ${withArticle(spec.kinds.map((k) => k.toUpperCase()).join(' or '))} file. Its kind is read from its content, not its name.`,
    );
    return null;
  }
  return { path: written, realPath: resolved.realPath, kind };
}

/** The kind of a file from its first bytes. */
export function sniff(bytes: Uint8Array): FileKind | null {
  const starts = (signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').replace(/^\uFEFF/, '');
  // An XML declaration, comments and a doctype may come before the root element.
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)) return 'svg';
  return null;
}

function fileProblemRule(problem: FileProblem, spec: FileField): { rule: DiagnosticId; hint: string } {
  const place = `Put the ${spec.noun} in the content folder and give its path relative to it`;
  switch (problem.kind) {
    case 'missing':
      return { rule: 'files/missing', hint: `${place}, or remove \`${spec.field.join('.')}\`.` };
    case 'outside':
      return { rule: 'files/outside-content', hint: `Trustbook never reads files outside the content folder, through links or \`..\`. ${place}.` };
    case 'dangling':
      return { rule: 'files/dangling-link', hint: `Point the link at a file that exists inside the content folder, or ${place.charAt(0).toLowerCase()}${place.slice(1)}.` };
    case 'too-large':
      return { rule: 'files/too-large', hint: 'Use a smaller file: compress it, or lower its resolution.' };
    default:
      return { rule: 'files/not-a-file', hint: `${place}, as a regular file.` };
  }
}

/** A file or folder of a collection that cannot be read, as a diagnostic about that path. */
function listedProblem(absPath: string, problem: FileProblem, shown: (real: string) => string, subject: Subject | null): CatalogueDiagnostic {
  const what = `\`${displayPath(absPath)}\` ${describeProblem(problem, shown)}`;
  switch (problem.kind) {
    case 'outside':
      return fileProblem('files/outside-content', absPath, null, subject, `${what}; it was not read.`, 'Trustbook never reads files outside the content folder. Copy the file into the content folder instead of linking to it.');
    case 'dangling':
      return fileProblem('files/dangling-link', absPath, null, subject, `${what}.`);
    case 'too-large':
      return fileProblem('files/too-large', absPath, null, subject, `${what}; it was not read.`, 'Split it into several files: each may hold one entity or a list of them.');
    case 'unreadable':
      return fileProblem('files/unreadable', absPath, null, subject, `${what}.`);
    default:
      return fileProblem('files/not-a-file', absPath, null, subject, `${what}; it was skipped.`);
  }
}

/** A problem found in Markdown text, placed in the file: `start` is where the text's first line begins. */
function markdownDiagnostic(found: MarkdownProblem, absPath: string, entity: string | null, subject: Subject | null, start: Position & { indent: number }): CatalogueDiagnostic {
  // The Markdown checks name ids of the catalogue; one they might name that it lacks is a bug, reported as one.
  const rule = isDiagnosticId(found.rule) ? found.rule : 'load/unreadable';
  const place = {
    file: displayPath(absPath),
    line: found.line + start.line - 1,
    column: found.line === 1 ? found.column + start.column - 1 : found.column + start.indent,
    entity,
    subject,
  };
  return problem(rule, place, found.message, { hint: found.hint });
}

/** The settings are one entity of their own. */
const SETTINGS_SUBJECT: Subject = { collection: 'settings', id: 'settings' };

/**
 * Which entity a file as a whole is, for problems with the whole file: the settings, a policy (one per
 * file), or a YAML file that holds one mapping, by its `id` or else its name. A list, or a file whose
 * shape is not known, is no one entity: null.
 */
function wholeFileSubject(source: SourceFile, contents?: unknown): Subject | null {
  if (source.collection === 'settings') return SETTINGS_SUBJECT;
  const isEntity = collections[source.collection].format === 'mdx' || isMap(contents);
  if (!isEntity) return null;
  const id = isMap(contents) ? contents.get('id') : undefined;
  return { collection: source.collection, id: typeof id === 'string' && id ? id : source.stem };
}

/** A problem with a file as a whole, before any entity could be read from it. */
function fileProblem(rule: DiagnosticId, absPath: string, at: Position | null, subject: Subject | null, message: string, hint?: string): CatalogueDiagnostic {
  return problem(rule, { file: displayPath(absPath), line: at?.line ?? null, column: at?.column ?? null, entity: null, subject }, message, hint === undefined ? {} : { hint });
}

/** What reading a file came to, when it yielded no entity: nothing was there, or it could not be read. */
type Failure = 'empty' | 'unread';
type Outcome = 'read' | Failure;

/** Reads a file through the door as strict UTF-8, reporting unreadable, non-UTF-8 and empty files. */
function readText(source: SourceFile, diagnostics: Sink): { text: string } | Failure {
  const { absPath, realPath } = source;
  const read = readRegularFile(realPath, MAX_CONTENT_FILE_BYTES);
  if (!read.ok) {
    diagnostics.push(listedProblem(absPath, read.problem, (p) => p, wholeFileSubject(source)));
    return 'unread';
  }
  const bytes = read.bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    diagnostics.push(fileProblem('load/encoding', absPath, firstInvalidUtf8(bytes), wholeFileSubject(source), 'The file is not valid UTF-8.'));
    return 'unread';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    diagnostics.push(fileProblem('load/empty-file', absPath, { line: 1, column: 1 }, wholeFileSubject(source), 'The file is empty.'));
    return 'empty';
  }
  return { text };
}

function readYamlFile(source: SourceFile, diagnostics: Sink): ParsedFile | Failure {
  const read = readText(source, diagnostics);
  return typeof read === 'string' ? read : parseYaml(read.text, source, diagnostics, 0);
}

/** Aliases a file may expand: plenty for anchors that share a list, far too few for a "billion laughs" file. */
const MAX_ALIAS_COUNT = 100;

function parseYaml(text: string, source: SourceFile, diagnostics: Sink, lineOffset: number): ParsedFile | 'unread' {
  // A text read before, without error, is not parsed again (see parse-cache.ts).
  const cached = cachedYaml(text);
  if (cached) return parsedFile(text, cached.value, cached.outline, cached.lineStarts, lineOffset);
  const { absPath } = source;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // What the parser made of the file, even a broken one, says whether it is one entity.
  const subject = wholeFileSubject(source, doc.contents);
  if (doc.errors.length > 0) {
    const reportedLines = new Set<number>();
    for (const error of doc.errors) {
      const at = lineCounter.linePos(error.pos[0]);
      // One mistake often yields several parser errors on the same line: the first explains it best.
      if (reportedLines.has(at.line)) continue;
      reportedLines.add(at.line);
      diagnostics.push(fileProblem('load/yaml-syntax', absPath, { line: at.line + lineOffset, column: at.col }, subject, `The YAML cannot be read: ${firstLine(error.message)}.`, yamlHint(error.code)));
    }
    return 'unread';
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    diagnostics.push(fileProblem('load/yaml-aliases', absPath, { line: 1 + lineOffset, column: 1 }, subject, `The YAML expands its aliases (\`*name\`) more than ${MAX_ALIAS_COUNT} times, so it was not read.`));
    return 'unread';
  }
  const read = { value, outline: outline(doc.contents), lineStarts: [...lineCounter.lineStarts] };
  keepYaml(text, read);
  return parsedFile(text, read.value, read.outline, read.lineStarts, lineOffset);
}

/** A YAML file read, with where each of its fields is: from the parser's tree, or from the cache. */
function parsedFile(text: string, value: unknown, root: Outline | null, lineStarts: number[], lineOffset: number): ParsedFile {
  const lineCounter = new LineCounter();
  for (const start of lineStarts) lineCounter.addNewLine(start);
  const position = (offset: number) => {
    const at = lineCounter.linePos(offset);
    return { line: at.line + lineOffset, column: at.col };
  };
  return {
    value,
    locate: (field) => position(nodeOffset(root, field)),
    textStart(field) {
      const node = valueNode(root, field);
      if (!node || node.t === undefined || node.s === null) return { ...position(nodeOffset(root, field)), indent: 0 };
      const start = position(node.s);
      // A block scalar's text starts on the line after its `|` or `>` indicator, indented.
      if (node.t === Scalar.BLOCK_LITERAL || node.t === Scalar.BLOCK_FOLDED) {
        const next = lineCounter.lineStarts[start.line - lineOffset];
        const indent = next === undefined ? 0 : (/^ */.exec(text.slice(next))?.[0].length ?? 0);
        return { line: start.line + 1, column: indent + 1, indent };
      }
      // A quoted scalar's text starts after its quote.
      const column = node.t === Scalar.QUOTE_DOUBLE || node.t === Scalar.QUOTE_SINGLE ? start.column + 1 : start.column;
      return { line: start.line, column, indent: 0 };
    },
  };
}

/** Where the fields of a parsed YAML node are: what locating a field needs, without the parser's tree. */
function outline(node: unknown): Outline | null {
  if (node === null || node === undefined) return null;
  if (isMap(node)) {
    const entries: [string, number | null, Outline | null][] = [];
    for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) entries.push([String(pair.key.value), rangeStart(pair.key) ?? null, outline(pair.value)]);
    return { s: rangeStart(node) ?? null, m: entries };
  }
  if (isSeq(node)) return { s: rangeStart(node) ?? null, q: node.items.map(outline) };
  if (isScalar(node)) return { s: node.range ? node.range[0] : null, t: node.type ?? null };
  return { s: rangeStart(node) ?? null };
}

/** Where a policy's front matter ends: the first line that is `---` and nothing else. */
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

function readMdxFile(source: SourceFile, diagnostics: Sink): (ParsedFile & { body: string }) | Failure {
  const { absPath } = source;
  const read = readText(source, diagnostics);
  if (typeof read === 'string') return read;
  const text = read.text;
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    diagnostics.push(fileProblem('load/front-matter', absPath, { line: 1, column: 1 }, wholeFileSubject(source), 'The policy has no front matter.'));
    return 'unread';
  }
  const yamlText = match[1] ?? '';
  if (yamlText.trim() === '') {
    diagnostics.push(fileProblem('load/front-matter', absPath, { line: 1, column: 1 }, wholeFileSubject(source), 'The front matter is empty.', 'Add the policy fields between the `---` lines: id, title, version, owner, approver, dates (docs/content-format.md#policies).'));
    return 'unread';
  }
  // Front matter starts on line 2 of the file.
  const parsed = parseYaml(yamlText, source, diagnostics, 1);
  const body = text.slice(match[0].length);
  const bodyLine = text.slice(0, match[0].length).split('\n').length;
  const id = typeof parsed === 'string' ? undefined : (parsed.value as { id?: unknown } | null)?.id;
  const subject: Subject = { collection: 'policies', id: typeof id === 'string' && id ? id : source.stem };
  for (const found of markdownProblems(body, 'mdx')) diagnostics.push(markdownDiagnostic(found, absPath, null, subject, { line: bodyLine, column: 1, indent: 0 }));
  // A policy whose text is broken still has valid fields: keep it, so that nothing cites it in vain.
  return typeof parsed === 'string' ? parsed : { ...parsed, body };
}

/** The value node at `field`, if there is one. */
function valueNode(root: Outline | null, field: FieldPath): Outline | null | undefined {
  let node: Outline | null | undefined = root;
  for (const segment of field) {
    if (node?.m) {
      const entry: [string, number | null, Outline | null] | undefined = node.m.find(([key]) => key === String(segment));
      if (!entry) return undefined;
      node = entry[2];
    } else if (node?.q && typeof segment === 'number') {
      node = node.q[segment];
    } else return undefined;
  }
  return node;
}

/** Offset of the node at `field`: the key of a map entry, the item of a list, or the nearest existing ancestor. */
function nodeOffset(root: Outline | null, field: FieldPath): number {
  let node: Outline | null | undefined = root;
  let offset = node?.s ?? 0;
  for (const segment of field) {
    if (node?.m) {
      const entry: [string, number | null, Outline | null] | undefined = node.m.find(([key]) => key === String(segment));
      if (!entry) break;
      offset = entry[1] ?? offset;
      node = entry[2];
    } else if (node?.q && typeof segment === 'number') {
      const item: Outline | null | undefined = node.q[segment];
      if (!item) break;
      offset = item.s ?? offset;
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
  owner: Subject | null,
  diagnostics: Sink,
  raw: unknown,
  topLevelFields: readonly string[],
) {
  const subject = entity ? `${noun} "${entity}"` : `this ${noun}`;
  const about = (field: FieldPath): Subject | null => (owner ? (field.length ? { ...owner, field: field.join('.') } : owner) : null);
  for (const issue of issues) {
    const base = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = parsed.locate([...prefix, ...base, key]);
        const near = closest(key, base.length === 0 ? topLevelFields : allFieldNames);
        diagnostics.push(
          problem('load/unknown-field', { file: displayPath(absPath), line: at.line, column: at.column, entity, subject: about([...base, key]) }, `Unknown field \`${[...base, key].join('.')}\` in ${subject}.`, near ? { hint: `Did you mean \`${near}\`? Fields are listed in docs/content-format.md.` } : {}),
        );
      }
      continue;
    }
    const at = parsed.locate([...prefix, ...base]);
    const field = base.length ? `\`${base.join('.')}\`` : 'the entry';
    const missing = issue.code === 'invalid_type' && valueAt(raw, base) === undefined;
    diagnostics.push(
      problem(
        'load/schema',
        { file: displayPath(absPath), line: at.line, column: at.column, entity, subject: about(base) },
        missing ? `${capitalise(subject)} is missing the required field ${field}.` : `${capitalise(subject)} has an invalid ${field}: ${issue.message}`,
        { hint: missing ? ((owner && base.length === 1 ? askFor(owner.collection, String(base[0])) : undefined) ?? `Add ${field} (docs/content-format.md describes every field).`) : (spreadsheetHint(issue, valueAt(raw, base)) ?? issueHint(issue)) },
      ),
    );
  }
}

/** The Annex A control an ID written the spreadsheet way means (`A 5.1`, `5.1`, `a.5.1`, `A.5.1.`), if any. */
function controlIdMeant(text: string): string | null {
  const match = /^a?\s*\.?\s*([5-8])\s*[.\s]\s*(\d{1,2})\.?$/i.exec(text.trim());
  const id = match ? `A.${match[1]}.${Number(match[2])}` : null;
  return id && annexAById.has(id) ? id : null;
}

/**
 * A hint for a value written the way a spreadsheet writes it: `Yes` for a yes-or-no field, `A 5.1`
 * for a control ID, `Priya Shah` for a person's id. Null when the value looks like none of these.
 */
export function spreadsheetHint(issue: z.core.$ZodIssue, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') {
    if (/^(yes|y|true|on|✓|✔|x)$/i.test(text)) return `Write \`true\` (YAML reads \`${text}\` as text).`;
    if (/^(no|n|false|off|n\/a|-|—)$/i.test(text)) return `Write \`false\` (YAML reads \`${text}\` as text).`;
    return 'Write `true` or `false`.';
  }
  const meant = controlIdMeant(text);
  if (meant && meant !== text) return `Did you mean \`${meant}\`? Control IDs are written \`A.<theme>.<number>\`.`;
  // Something like a control ID that is none: no guess is better than a wrong one.
  if (/^a?\s*\.?\s*\d/i.test(text)) return null;
  const slug = slugOf(text.replace(/\s*\(.*\)\s*$/, ''));
  if (slug && slug !== text && /[A-Z\s]/.test(text)) return `Did you mean \`${slug}\`? Ids are lower-case words joined by hyphens${text.includes('(') ? '; a role goes in the person\'s own file' : ''}.`;
  return null;
}

function issueHint(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom': {
      const hint = (issue.params as { hint?: unknown } | undefined)?.hint;
      return typeof hint === 'string' ? hint : 'See docs/content-format.md for the allowed values.';
    }
    case 'invalid_value':
      return `Use one of: ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}.`;
    case 'invalid_type':
      return `Write ${withArticle(issue.expected)} here.`;
    case 'too_small':
      if (issue.origin === 'array') return `List at least ${plural(Number(issue.minimum), 'item')}.`;
      return issue.inclusive === false ? `Use a value greater than ${String(issue.minimum)}.` : `Use a value of at least ${String(issue.minimum)}.`;
    case 'too_big':
      return `Use a value of at most ${String(issue.maximum)}.`;
    default:
      return 'See docs/content-format.md for the allowed values.';
  }
}

/** The fields a schema knows: of an object, its shape; of a union of objects (certifications by kind), every option's. */
const fieldNamesOf = (schema: z.ZodType): string[] => {
  const { shape, options } = schema as unknown as { shape?: object; options?: readonly z.ZodType[] };
  return shape ? Object.keys(shape) : [...new Set((options ?? []).flatMap(fieldNamesOf))];
};

/** The value at `field`, looking only at the value's own fields: a field named `constructor` is not `Object`'s. */
const valueAt = (value: unknown, field: FieldPath): unknown =>
  field.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string | number, unknown>)[key] : undefined), value);

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
      return entryOf('load/yaml-syntax').hint;
  }
}

const firstLine = (message: string) => (message.split('\n')[0] ?? message).replace(/\.$/, '');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const errorMessage = (error: unknown): string => {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unknown error';
  }
};
const describe = (value: unknown) => (value === null ? 'nothing' : Array.isArray(value) ? 'a list' : withArticle(typeof value));
