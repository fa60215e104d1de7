/**
 * The one table of collections. `src/content.config.ts` turns it into Astro content
 * collections; the `check` command's loader reads the same table. Nothing else lists
 * what a collection is.
 */
import type { z } from 'astro/zod';
import {
  AnswerSchema,
  CertificationSchema,
  EvidenceSchema,
  OrgControlSchema,
  PersonSchema,
  PolicySchema,
  RiskSchema,
  SoaEntrySchema,
  SubprocessorSchema,
  UpdateSchema,
} from './schemas.ts';

export interface CollectionDef<S extends z.ZodType = z.ZodType> {
  /** Folder under the content root. */
  folder: string;
  /** `data`: YAML files, each holding one entity or a list of them. `mdx`: one entity per file, front matter + body. */
  format: 'data' | 'mdx';
  /** What one entity is called in messages. */
  noun: string;
  schema: S;
}

export const collections = {
  people: { folder: 'people', format: 'data', noun: 'person', schema: PersonSchema },
  certifications: { folder: 'certifications', format: 'data', noun: 'certification', schema: CertificationSchema },
  soa: { folder: 'soa', format: 'data', noun: 'SoA entry', schema: SoaEntrySchema },
  policies: { folder: 'policies', format: 'mdx', noun: 'policy', schema: PolicySchema },
  evidence: { folder: 'evidence', format: 'data', noun: 'evidence item', schema: EvidenceSchema },
  controls: { folder: 'controls', format: 'data', noun: 'organisation control', schema: OrgControlSchema },
  risks: { folder: 'risks', format: 'data', noun: 'risk', schema: RiskSchema },
  subprocessors: { folder: 'subprocessors', format: 'data', noun: 'subprocessor', schema: SubprocessorSchema },
  answers: { folder: 'answers', format: 'data', noun: 'questionnaire answer', schema: AnswerSchema },
  updates: { folder: 'updates', format: 'data', noun: 'update', schema: UpdateSchema },
} as const satisfies Record<string, CollectionDef>;

export type CollectionName = keyof typeof collections;
export type EntityOf<C extends CollectionName> = z.infer<(typeof collections)[C]['schema']>;

export const collectionNames = Object.keys(collections) as CollectionName[];

/** The organisation settings file, relative to the content root. */
export const SETTINGS_FILE = 'settings.yaml';

/** `person` → `people`, `policy` → `policies`, `risk` → `risks`. */
export const pluralOf = (noun: string): string => (noun === 'person' ? 'people' : noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`);

/** `an evidence item`, `a policy`. */
export const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** File extensions each format reads. */
export const extensionsFor = (format: CollectionDef['format']): readonly string[] =>
  format === 'mdx' ? ['.mdx', '.md'] : ['.yaml', '.yml'];
