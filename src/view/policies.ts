/** The handbook's policy list and the details beside each policy's text. */
import { annexAById, clauseById } from '../model/catalog.ts';
import { reviewStatus, type ReviewStatus } from './freshness.ts';
import type { PersonLink } from './soa-rows.ts';
import { clausePath, controlPath, personPath, policyPath } from './urls.ts';
import type { Entry, InternalView } from './view.ts';

export interface PolicyRow {
  title: string;
  href: string;
  version: string;
  owner: PersonLink;
  nextReview: string;
  review: ReviewStatus;
  published: boolean;
}

export interface PolicyDetails {
  owner: PersonLink;
  approver: PersonLink;
  review: ReviewStatus;
  published: boolean;
  /** Annex A controls it addresses, with their titles for a tooltip. */
  controls: { id: string; title?: string; href: string }[];
  /** Clauses it declares, linked to their rows on the clauses page. */
  clauses: { id: string; title?: string; href: string }[];
}

const personLink = (model: InternalView, id: string): PersonLink => ({ id, name: model.index.people.get(id)?.data.name ?? id, href: personPath(id) });

/** Every policy, public and internal, by title. */
export function policyRows(model: InternalView, today: string): PolicyRow[] {
  return [...model.index.policies.values()]
    .sort((a, b) => a.data.title.localeCompare(b.data.title, 'en'))
    .map((p) => ({
      title: p.data.title,
      href: policyPath(p.id),
      version: p.data.version,
      owner: personLink(model, p.data.owner),
      nextReview: p.data.nextReview,
      review: reviewStatus(p, today),
      published: p.data.visibility === 'public',
    }));
}

export function policyDetails(model: InternalView, policy: Entry<'policies'>, today: string): PolicyDetails {
  const p = policy.data;
  const titled = (title: string | undefined) => (title === undefined ? {} : { title });
  return {
    owner: personLink(model, p.owner),
    approver: personLink(model, p.approver),
    review: reviewStatus(policy, today),
    published: p.visibility === 'public',
    controls: p.controls.map((id) => ({ id, ...titled(annexAById.get(id)?.title), href: controlPath(id) })),
    clauses: p.clauses.map((id) => ({ id, ...titled(clauseById.get(id)?.title), href: clausePath(id) })),
  };
}
