/**
 * What the content folder already holds that an import must fit in with: people to match owners to,
 * evidence to reuse, entries that live in files the import does not write.
 */
import path from 'node:path';
import { loadContent, type Entry } from '../load/loader.ts';
import type { Person } from '../model/schemas.ts';
import { slugify } from './normalise.ts';

export interface Existing {
  /** Whether the folder exists. */
  found: boolean;
  /** People already in the register. */
  people: Person[];
  /** Entries by collection and id, with the file they are in (relative to the folder). */
  files: { soa: Map<string, Entry<'soa'>>; evidence: Map<string, Entry<'evidence'>>; subprocessors: Map<string, Entry<'subprocessors'>>; people: Map<string, Entry<'people'>>; policies: Map<string, Entry<'policies'>> };
  root: string;
}

export function readExisting(root: string): Existing {
  const loaded = loadContent(root);
  const byId = <C extends 'soa' | 'evidence' | 'subprocessors' | 'people' | 'policies'>(c: C) => new Map(loaded.entries[c].map((e) => [e.id, e] as [string, Entry<C>]));
  return {
    found: loaded.found,
    people: loaded.entries.people.map((e) => e.data),
    files: { soa: byId('soa'), evidence: byId('evidence'), subprocessors: byId('subprocessors'), people: byId('people'), policies: byId('policies') },
    root: path.resolve(root),
  };
}

/** The file an entry is in, relative to the content folder with forward slashes. */
export const fileOf = (existing: Existing, entry: Entry): string => path.relative(existing.root, entry.absPath).split(path.sep).join('/');

/** An existing person written as `name`, `id` or email in a sheet. */
export function findPerson(existing: Existing, written: { name: string; email: string | null }): Person | undefined {
  const name = written.name.toLowerCase().replace(/\s+/g, ' ');
  const email = written.email?.toLowerCase();
  return existing.people.find((p) => (email && p.email.toLowerCase() === email) || p.id === written.name || p.id === slugify(written.name) || p.name.toLowerCase().replace(/\s+/g, ' ') === name);
}
