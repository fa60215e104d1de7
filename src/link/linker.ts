/**
 * Entries in, a typed graph out. Pure TypeScript with no Astro import, so the check
 * command, the pages and the tests share it. The linker never throws on bad data:
 * unresolved references and duplicate ids are recorded for the rules to report.
 */
import { entityName, type Entries, type Entry, type FieldPath, type LoadResult } from '../load/loader.ts';
import { collectionNames, type CollectionName } from '../model/collections.ts';
import { annexAById, annexAControls, compareControlIds, type AnnexAControl } from '../model/catalog.ts';
import type { Settings } from '../model/schemas.ts';
import type { CatalogueDiagnostic } from '../diagnostics/diagnostic.ts';

/** What a reference points at: another collection, or the Annex A catalog that ships with Trustbook. */
export type Target = CollectionName | 'annexA';

/** Every field that refers to another entity. The single list the linker and the rules rely on. */
export const referenceFields = [
  { from: 'soa', field: 'owners', to: 'people' },
  { from: 'soa', field: 'evidence', to: 'evidence' },
  { from: 'soa', field: 'controls', to: 'controls' },
  { from: 'soa', field: 'policies', to: 'policies' },
  { from: 'policies', field: 'owner', to: 'people' },
  { from: 'policies', field: 'approver', to: 'people' },
  { from: 'policies', field: 'controls', to: 'annexA' },
  { from: 'evidence', field: 'owner', to: 'people' },
  { from: 'evidence', field: 'controls', to: 'annexA' },
  { from: 'controls', field: 'owner', to: 'people' },
  { from: 'controls', field: 'annexA', to: 'annexA' },
  { from: 'risks', field: 'owner', to: 'people' },
  { from: 'risks', field: 'controls', to: 'annexA' },
  { from: 'answers', field: 'controls', to: 'annexA' },
  { from: 'answers', field: 'policies', to: 'policies' },
  { from: 'exceptions', field: 'approver', to: 'people' },
  { from: 'documents', field: 'certification', to: 'certifications' },
] as const satisfies readonly { from: CollectionName; field: string; to: Target }[];

/** Whether the trust center shows an entry: `visibility: public`, or for a document any access but `internal`. */
export const isPublicEntry = (entry: Entry): boolean => ('visibility' in entry.data ? entry.data.visibility === 'public' : entry.data.access !== 'internal');

/** One use of an id in a reference field, resolved or not. */
export interface Reference {
  from: Entry;
  /** Path of the id inside the entity (`['owners', 0]`). */
  field: FieldPath;
  to: Target;
  id: string;
  /** The entry it resolves to; `undefined` when it does not resolve. */
  target: Entry | undefined;
  /** For Annex A targets: the catalog control it resolves to. */
  control: AnnexAControl | undefined;
  /** True when the id names an entity that exists but failed validation (already reported). */
  rejected: boolean;
  /**
   * True when the id does not resolve but a file of the target collection could not be read: the id
   * may be in it, so whether it resolves cannot be judged until that file is fixed.
   */
  unjudged: boolean;
}

/** An SoA entry that says whether its control applies. */
export type DecidedSoaEntry = Entry<'soa'> & { data: Entry<'soa'>['data'] & { applicable: boolean } };

const isDecided = (entry: Entry<'soa'>): entry is DecidedSoaEntry => entry.data.applicable !== undefined;
const decided = (entry: Entry<'soa'> | undefined): DecidedSoaEntry | undefined => (entry && isDecided(entry) ? entry : undefined);

/** Everything known about one Annex A control, gathered from every collection. */
export interface ControlNode {
  control: AnnexAControl;
  /** Its SoA entry, once the entry says whether the control applies; an undecided one is in `Model.undecided`. */
  soa: DecidedSoaEntry | undefined;
  owners: Entry<'people'>[];
  evidence: Entry<'evidence'>[];
  orgControls: Entry<'controls'>[];
  policies: Entry<'policies'>[];
  risks: Entry<'risks'>[];
  answers: Entry<'answers'>[];
}

export interface Duplicate {
  first: Entry;
  second: Entry;
}

export type Index = { [C in CollectionName]: Map<string, Entry<C>> };

export interface Model {
  root: string;
  /** Whether the content folder exists; when it does not, its absence is the one problem reported. */
  found: boolean;
  settings: Settings | null;
  settingsFile: string;
  /** Why the settings are not known, when they are not. */
  settingsUnread: LoadResult['settingsUnread'];
  locateSetting: LoadResult['locateSetting'];
  /** Files the settings name (`brand.logo`), found inside the content folder. */
  settingsFiles: LoadResult['settingsFiles'];
  entries: Entries;
  index: Index;
  references: Reference[];
  duplicates: Duplicate[];
  /** All 93 Annex A controls in catalog order, with everything that points at them. */
  controls: ControlNode[];
  controlById: Map<string, ControlNode>;
  /** SoA entries whose id is not an Annex A control. */
  unknownSoaEntries: Entry<'soa'>[];
  /** SoA entries of Annex A controls that do not yet say whether the control applies, in catalog order. */
  undecided: Entry<'soa'>[];
  /** Ids of entities that exist but failed validation, by collection. */
  rejected: LoadResult['rejected'];
  /** Files of each collection whose entities are not all known. */
  unread: LoadResult['unread'];
  /** Collections whose folder does not exist. */
  missingFolders: LoadResult['missingFolders'];
  /** Problems found while loading, carried along so one run reports everything. */
  loadDiagnostics: CatalogueDiagnostic[];
  files: number;
}

export function link(loaded: LoadResult): Model {
  const duplicates: Duplicate[] = [];
  const index = Object.fromEntries(
    collectionNames.map((name) => {
      const map = new Map<string, Entry>();
      for (const entry of loaded.entries[name] as Entry[]) {
        const first = map.get(entry.id);
        if (first) duplicates.push({ first, second: entry });
        else map.set(entry.id, entry);
      }
      return [name, map];
    }),
  ) as unknown as Index;

  const references: Reference[] = [];
  for (const spec of referenceFields) {
    for (const from of index[spec.from].values() as Iterable<Entry>) {
      const value = (from.data as Record<string, unknown>)[spec.field];
      const ids = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
      ids.forEach((id, i) => {
        const field: FieldPath = Array.isArray(value) ? [spec.field, i] : [spec.field];
        const target = spec.to === 'annexA' ? undefined : (index[spec.to].get(id) as Entry | undefined);
        const control = spec.to === 'annexA' ? annexAById.get(id) : undefined;
        const rejected = spec.to !== 'annexA' && loaded.rejected[spec.to].has(id);
        const unjudged = spec.to !== 'annexA' && !target && loaded.unread[spec.to].length > 0;
        references.push({ from, field, to: spec.to, id, target, control, rejected, unjudged });
      });
    }
  }

  const controlById = new Map<string, ControlNode>(
    annexAControls.map((control) => [
      control.id,
      { control, soa: decided(index.soa.get(control.id)), owners: [], evidence: [], orgControls: [], policies: [], risks: [], answers: [] },
    ]),
  );
  const unknownSoaEntries = [...index.soa.values()].filter((entry) => !annexAById.has(entry.id));
  const undecided = annexAControls.map((control) => index.soa.get(control.id)).filter((entry): entry is Entry<'soa'> => entry !== undefined && !isDecided(entry));

  // Gather, for each control, the entities connected to it in either direction.
  const add = <T extends Entry>(list: T[], item: T | undefined) => {
    if (item && !list.includes(item)) list.push(item);
  };
  for (const node of controlById.values()) {
    const soa = node.soa;
    if (!soa) continue;
    for (const id of soa.data.owners) add(node.owners, index.people.get(id));
    for (const id of soa.data.evidence) add(node.evidence, index.evidence.get(id));
    for (const id of soa.data.controls) add(node.orgControls, index.controls.get(id));
    for (const id of soa.data.policies) add(node.policies, index.policies.get(id));
  }
  for (const ref of references) {
    if (ref.to !== 'annexA' || !ref.control) continue;
    const node = controlById.get(ref.control.id)!;
    switch (ref.from.collection) {
      case 'policies':
        add(node.policies, ref.from as Entry<'policies'>);
        break;
      case 'evidence':
        add(node.evidence, ref.from as Entry<'evidence'>);
        break;
      case 'controls':
        add(node.orgControls, ref.from as Entry<'controls'>);
        break;
      case 'risks':
        add(node.risks, ref.from as Entry<'risks'>);
        break;
      case 'answers':
        add(node.answers, ref.from as Entry<'answers'>);
        break;
    }
  }

  return {
    root: loaded.root,
    found: loaded.found,
    settings: loaded.settings,
    settingsFile: loaded.settingsFile,
    settingsUnread: loaded.settingsUnread,
    locateSetting: loaded.locateSetting,
    settingsFiles: loaded.settingsFiles,
    entries: loaded.entries,
    index,
    references,
    duplicates,
    controls: [...controlById.values()].sort((a, b) => compareControlIds(a.control.id, b.control.id)),
    controlById,
    unknownSoaEntries,
    undecided,
    rejected: loaded.rejected,
    unread: loaded.unread,
    missingFolders: loaded.missingFolders,
    loadDiagnostics: loaded.diagnostics,
    files: loaded.files,
  };
}

/** How an entity is named in messages: `A.8.24`, `policy access-control`. */
export const entityLabel = (entry: Entry): string => entityName(entry.collection, entry.id);
