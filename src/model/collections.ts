/**
 * The one table of collections: the loader reads the content folder with it, and the
 * checks, views and docs name collections from it. Nothing else lists what a collection is.
 */
import type { z } from 'astro/zod';
import {
  AnswerSchema,
  CertificationSchema,
  DocumentSchema,
  EvidenceSchema,
  ExceptionSchema,
  OrgControlSchema,
  PersonSchema,
  PolicySchema,
  RiskSchema,
  SoaEntrySchema,
  SubprocessorSchema,
  UpdateSchema,
} from './schemas.ts';

/** Kinds of file that content may name, recognised by their first bytes rather than their names. */
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'svg';

/** A field that names a file in the content folder, and what it may be. */
export interface FileField {
  field: readonly string[];
  kinds: readonly FileKind[];
  /** What the file is called in messages. */
  noun: string;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
}

export interface CollectionDef<S extends z.ZodType = z.ZodType> {
  /** Folder under the content root. */
  folder: string;
  /** `data`: YAML files, each holding one entity or a list of them. `mdx`: one entity per file, front matter + body. */
  format: 'data' | 'mdx';
  /** What one entity is called in messages. */
  noun: string;
  /** The short word that names an entity in a report's entity column: `policy access-control`. */
  label: string;
  schema: S;
  /** Fields that hold Markdown: what they may contain is checked when they are loaded. */
  markdown?: readonly string[];
  /** Fields that name a file in the content folder: each goes through the one door for files. */
  files?: readonly FileField[];
}

const MiB = 1024 * 1024;

/** Largest YAML or MDX file read: far above any real ISMS record, far below what would exhaust memory. */
export const MAX_CONTENT_FILE_BYTES = 4 * MiB;

/** The logo, named in the settings. */
export const logoField: FileField = { field: ['brand', 'logo'], kinds: ['svg', 'png', 'jpeg'], noun: 'logo', maxBytes: 2 * MiB };

export const collections = {
  people: { folder: 'people', format: 'data', noun: 'person', label: 'person', schema: PersonSchema },
  certifications: {
    folder: 'certifications',
    format: 'data',
    noun: 'certification',
    label: 'certification',
    schema: CertificationSchema,
    files: [{ field: ['certificateFile'], kinds: ['pdf'], noun: 'certificate file', maxBytes: 25 * MiB }],
  },
  documents: {
    folder: 'documents',
    format: 'data',
    noun: 'document',
    label: 'document',
    schema: DocumentSchema,
    files: [{ field: ['file'], kinds: ['pdf'], noun: 'document file', maxBytes: 25 * MiB }],
  },
  soa: { folder: 'soa', format: 'data', noun: 'SoA entry', label: 'SoA entry', schema: SoaEntrySchema },
  policies: { folder: 'policies', format: 'mdx', noun: 'policy', label: 'policy', schema: PolicySchema },
  evidence: { folder: 'evidence', format: 'data', noun: 'evidence item', label: 'evidence', schema: EvidenceSchema },
  controls: { folder: 'controls', format: 'data', noun: 'organisation control', label: 'control', schema: OrgControlSchema },
  risks: { folder: 'risks', format: 'data', noun: 'risk', label: 'risk', schema: RiskSchema },
  subprocessors: { folder: 'subprocessors', format: 'data', noun: 'subprocessor', label: 'subprocessor', schema: SubprocessorSchema },
  answers: { folder: 'answers', format: 'data', noun: 'questionnaire answer', label: 'answer', schema: AnswerSchema, markdown: ['answer'] },
  updates: { folder: 'updates', format: 'data', noun: 'update', label: 'update', schema: UpdateSchema, markdown: ['body'] },
  exceptions: { folder: 'exceptions', format: 'data', noun: 'exception', label: 'exception', schema: ExceptionSchema },
} as const satisfies Record<string, CollectionDef>;

export const collectionDef = (name: CollectionName): CollectionDef => collections[name];

export type CollectionName = keyof typeof collections;
export type EntityOf<C extends CollectionName> = z.infer<(typeof collections)[C]['schema']>;

export const collectionNames = Object.keys(collections) as CollectionName[];

/** The organisation settings file, relative to the content root. */
export const SETTINGS_FILE = 'settings.yaml';

/** `person` → `people`, `policy` → `policies`, `risk` → `risks`. */
export const pluralOf = (noun: string): string => (noun === 'person' ? 'people' : noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`);


/** File extensions each format reads. */
export const extensionsFor = (format: CollectionDef['format']): readonly string[] =>
  format === 'mdx' ? ['.mdx', '.md'] : ['.yaml', '.yml'];

/** Reference fields whose targets the public site shows (and so must be public themselves). */
export const publicReferenceFields = [
  { from: 'answers', field: 'policies' },
  { from: 'documents', field: 'certification' },
] as const;
