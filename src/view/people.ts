/** The people pages: what each person owns and approves, and what of it needs attention. */
import { annexAById } from '../model/catalog.ts';
import { evidenceLink, reviewStatus, type EvidenceLink, type ReviewStatus } from './freshness.ts';
import { ownershipOf } from './ownership.ts';
import { controlPath, mailtoHref, personPath, policyPath, riskPath } from './urls.ts';
import type { Entry, InternalView } from './view.ts';

export interface PersonRow {
  id: string;
  name: string;
  href: string;
  role: string;
  left?: string;
  controls: number;
  policies: number;
  evidence: number;
  risks: number;
  /** Their evidence that is stale or due soon, and their policies whose review is. */
  needsAttention: number;
}

export interface PersonPage {
  name: string;
  role: string;
  email: { address: string; href: string };
  left?: string;
  staleEvidence: EvidenceLink[];
  reviews: { title: string; href: string; review: ReviewStatus }[];
  controls: { label: string; href: string }[];
  policies: { title: string; href: string; as: 'owner' | 'approver' }[];
  evidence: EvidenceLink[];
  orgControls: { id: string; title: string; annexA: { id: string; href: string }[] }[];
  risks: { title: string; href: string }[];
}

function attentionOf(model: InternalView, person: Entry<'people'>, today: string) {
  const owned = ownershipOf(model, person.id);
  return {
    owned,
    staleEvidence: owned.evidence.map((e) => evidenceLink(e, today)).filter((e) => e.due.state !== 'fresh'),
    reviews: owned.policies.map((p) => ({ title: p.data.title, href: policyPath(p.id), review: reviewStatus(p, today) })).filter((p) => p.review.due.state !== 'fresh'),
  };
}

/** Everyone in `people/`, by name. */
export function peopleRows(model: InternalView, today: string): PersonRow[] {
  return [...model.index.people.values()]
    .sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'))
    .map((p) => {
      const { owned, staleEvidence, reviews } = attentionOf(model, p, today);
      return {
        id: p.id,
        name: p.data.name,
        href: personPath(p.id),
        role: p.data.role,
        ...(p.data.left ? { left: p.data.left } : {}),
        controls: owned.controls.length,
        policies: owned.policies.length,
        evidence: owned.evidence.length,
        risks: owned.risks.length,
        needsAttention: staleEvidence.length + reviews.length,
      };
    });
}

export function personPage(model: InternalView, person: Entry<'people'>, today: string): PersonPage {
  const { owned, staleEvidence, reviews } = attentionOf(model, person, today);
  return {
    name: person.data.name,
    role: person.data.role,
    email: { address: person.data.email, href: mailtoHref(person.data.email) },
    ...(person.data.left ? { left: person.data.left } : {}),
    staleEvidence,
    reviews,
    controls: owned.controls.map((c) => ({ label: `${c.id} ${annexAById.get(c.id)?.title ?? ''}`.trimEnd(), href: controlPath(c.id) })),
    policies: [
      ...owned.policies.map((p) => ({ title: p.data.title, href: policyPath(p.id), as: 'owner' as const })),
      ...owned.approvals.map((p) => ({ title: p.data.title, href: policyPath(p.id), as: 'approver' as const })),
    ],
    evidence: owned.evidence.map((e) => evidenceLink(e, today)),
    orgControls: owned.orgControls.map((c) => ({ id: c.id, title: c.data.title, annexA: c.data.annexA.map((id) => ({ id, href: controlPath(id) })) })),
    risks: owned.risks.map((r) => ({ title: r.data.title, href: riskPath(r.id) })),
  };
}
