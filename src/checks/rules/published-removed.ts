/**
 * `published/removed`: every address the last published trust center listed in its trust.json
 * is still served. Sales paste these addresses into customers' security questionnaires, so an
 * address that disappears breaks links in documents Trustbook will never see.
 *
 * Reachability is judged from the model, by id, the way the public site is made from it: a
 * policy or answer is served when a public one has the id, or redirected when a public one lists
 * it in `aliases`; a control always has a page (and an ISO/IEC 27001:2013 ID redirects); the
 * subprocessors page always exists; a certificate is served while its certification is public
 * and names a certificate file.
 */
import { collections, pluralOf, type CollectionName } from '../../model/collections.ts';
import { annexAById, controls2013 } from '../../model/catalog.ts';
import type { CatalogueDiagnostic } from '../../diagnostics/diagnostic.ts';
import { problem } from '../../diagnostics/catalogue.ts';
import type { Entry } from '../../load/loader.ts';
import type { PublishedEntity } from '../../load/published.ts';
import { isPublicEntry, type Model } from '../../link/linker.ts';
import { at, type Rule } from '../rule.ts';

/** Why a published address is no longer served, or null when it is. */
type Gone =
  /** The entity is there but not public (internal now), or a public certification no longer names its certificate. */
  | { entry: Entry; why: 'internal' | 'no-certificate' | 'no-file' }
  /** Nothing has the id, not even as an alias. */
  | { entry: undefined; why: 'missing' };

const collectionOf = { policy: 'policies', answer: 'answers', certification: 'certifications', subprocessor: 'subprocessors', document: 'documents' } as const satisfies Record<string, CollectionName>;

const isPublic = isPublicEntry;

export const publishedRemoved: Rule<'published/removed'> = {
  id: 'published/removed',
  check({ model, published, report }) {
    if (!published) return;
    for (const item of published.published) {
      const gone = goneFrom(model, item);
      if (gone) report(diagnostic(model, published.file, item, gone));
    }
  },
};

function goneFrom(model: Model, item: PublishedEntity): Gone | null {
  switch (item.kind) {
    case 'control':
      // All 93 controls have a page whatever the SoA says, and every 2013 ID redirects to its successor.
      return annexAById.has(item.id) || controls2013[item.id] ? null : { entry: undefined, why: 'missing' };
    case 'subprocessor':
      // The list page always exists; an anchor on it cannot break the page (nor be redirected).
      return null;
    case 'policy':
    case 'answer': {
      const collection = collectionOf[item.kind];
      // An entity that failed validation has been reported already: one problem, one report.
      if (model.rejected[collection].has(item.id)) return null;
      const entries = model.index[collection] as Map<string, Entry<typeof collection>>;
      const entry = entries.get(item.id);
      if (entry && isPublic(entry)) return null;
      for (const other of entries.values()) if (isPublic(other) && other.data.aliases.includes(item.id)) return null;
      return entry ? { entry, why: 'internal' } : { entry: undefined, why: 'missing' };
    }
    case 'certification': {
      if (model.rejected.certifications.has(item.id)) return null;
      const entry = model.index.certifications.get(item.id);
      if (!entry) return { entry: undefined, why: 'missing' };
      if (!isPublic(entry)) return { entry, why: 'internal' };
      // A certificate named but missing from the content folder is `files/missing`'s to report.
      return entry.data.certificateFile ? null : { entry, why: 'no-certificate' };
    }
    case 'document': {
      if (model.rejected.documents.has(item.id)) return null;
      const entry = model.index.documents.get(item.id);
      if (!entry) return { entry: undefined, why: 'missing' };
      if (entry.data.access !== 'public') return { entry, why: 'internal' };
      return entry.data.file ? null : { entry, why: 'no-file' };
    }
  }
}

/** What each kind is called in messages. */
const nouns = { control: 'control', policy: 'policy', answer: 'questionnaire answer', subprocessor: 'subprocessor', certification: 'certification', document: 'document' } as const;
const capitalised = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

function diagnostic(model: Model, file: string, item: PublishedEntity, gone: Gone): CatalogueDiagnostic {
  const rule = 'published/removed';
  const what = `${nouns[item.kind]} \`${item.id}\``;
  const last = `the last published trust center (${file})`;
  const breaks = `links to ${item.url} in customers' security questionnaires will break`;
  const intended = 'If the removal is intended, build once with `--published` naming a trust.json that no longer lists it (docs/published-links.md).';
  const renamable = item.kind === 'policy' || item.kind === 'answer' ? collectionOf[item.kind] : null;
  const sameId = "When a certificate is renewed, keep the certification's id and replace its `certificateFile`, so that the address stays the same.";
  const sameDocument = "When a document is renewed, keep its id and replace its `file`, so that the address stays the same.";

  if (gone.why === 'missing') {
    const hint = renamable
      ? `If it was renamed, add \`${item.id}\` to the \`aliases\` of the ${collections[renamable].noun} it became, so that the old address redirects there; otherwise restore it.${failedValidation(model, renamable)} ${intended}`
      : item.kind === 'certification'
        ? `Restore the certification with the id \`${item.id}\`. ${sameId} ${intended}`
        : item.kind === 'document'
          ? `Restore the document with the id \`${item.id}\`. ${sameDocument} ${intended}`
          : `Trustbook no longer knows this ID, so it has no page to serve. ${intended}`;
    // Nothing in the content is this entity any more, so there is nothing to link the problem to.
    const entity = item.kind === 'control' ? item.id : `${collections[collectionOf[item.kind]].label} ${item.id}`;
    return problem(rule, { file: model.settingsFile, line: null, column: null, entity, subject: null }, `${capitalised(what)} was public in ${last} and no longer exists: ${breaks}.`, { hint });
  }

  const entry = gone.entry;
  if (gone.why === 'no-certificate') {
    return at(entry, ['certificateFile'], rule, `The certificate of ${what} was public in ${last} and is no longer named in \`certificateFile\`: ${breaks}.`, { hint: `Name the certificate file again. ${sameId} ${intended}` });
  }
  if (gone.why === 'no-file') {
    return at(entry, ['access'], rule, `The file of ${what} was public in ${last} and is no longer named in \`file\`: ${breaks}.`, { hint: `Name the document's file again. ${sameDocument} ${intended}` });
  }
  if (item.kind === 'document') {
    const access = (entry.data as { access: string }).access;
    const now = access === 'nda' ? 'shared under NDA only' : access === 'on-request' ? 'shared on request only' : 'internal';
    return at(entry, ['access'], rule, `${capitalised(what)} was public in ${last} and is now ${now}: ${breaks}.`, { hint: `Make it public again (\`access: public\`). ${intended}` });
  }
  const alias = renamable ? `, or, if another public ${collections[renamable].noun} now covers it, add \`${item.id}\` to that one's \`aliases\` so that the old address redirects there` : '';
  return at(entry, ['visibility'], rule, `${capitalised(what)} was public in ${last} and is now internal: ${breaks}.`, {
    hint: `Make it public again (\`visibility: public\`)${alias}.${renamable ? failedValidation(model, renamable) : ''} ${intended}`,
  });
}

/** A reminder, when entities of the collection failed validation, that one of them may be the one carrying the alias. */
function failedValidation(model: Model, collection: 'policies' | 'answers'): string {
  const failed = model.rejected[collection].size;
  if (!failed) return '';
  const noun = collections[collection].noun;
  return failed === 1
    ? ` One ${noun} fails validation and is not counted here: fix it first if it lists the old id.`
    : ` ${failed} ${pluralOf(noun)} fail validation and are not counted here: fix them first if one lists the old id.`;
}
