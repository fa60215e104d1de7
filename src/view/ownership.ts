/** What each person owns or approves, from every reference field that names a person. */
import type { Entry } from '../load/loader.ts';
import type { Model } from '../link/linker.ts';

export interface Ownership {
  controls: Entry<'soa'>[];
  policies: Entry<'policies'>[];
  approvals: Entry<'policies'>[];
  evidence: Entry<'evidence'>[];
  orgControls: Entry<'controls'>[];
  risks: Entry<'risks'>[];
}

export function ownershipOf(model: Model, personId: string): Ownership {
  const owned: Ownership = { controls: [], policies: [], approvals: [], evidence: [], orgControls: [], risks: [] };
  for (const ref of model.references) {
    if (ref.to !== 'people' || ref.id !== personId) continue;
    const from = ref.from;
    if (from.collection === 'soa') owned.controls.push(from as Entry<'soa'>);
    else if (from.collection === 'policies') (ref.field[0] === 'approver' ? owned.approvals : owned.policies).push(from as Entry<'policies'>);
    else if (from.collection === 'evidence') owned.evidence.push(from as Entry<'evidence'>);
    else if (from.collection === 'controls') owned.orgControls.push(from as Entry<'controls'>);
    else if (from.collection === 'risks') owned.risks.push(from as Entry<'risks'>);
  }
  return owned;
}
