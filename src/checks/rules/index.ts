import type { Rule } from '../rule.ts';
import { aliasConflict } from './alias-conflict.ts';
import { anchorConflict } from './anchor-conflict.ts';
import { topicSpelling } from './topic-spelling.ts';
import { applicableBasis } from './applicable-basis.ts';
import { applicableControlHasEvidence } from './applicable-control-has-evidence.ts';
import { applicableControlHasOwner } from './applicable-control-has-owner.ts';
import { certificationValidity } from './certification-validity.ts';
import { duplicateId } from './duplicate-id.ts';
import { evidenceFreshness } from './evidence-freshness.ts';
import { exclusionJustified } from './exclusion-justified.ts';
import { mappingIdsKnown } from './mapping-ids-known.ts';
import { ownerHasLeft } from './owner-has-left.ts';
import { plannedTargetPassed } from './planned-target-passed.ts';
import { policyReview } from './policy-review.ts';
import { publicCitesInternal } from './public-cites-internal.ts';
import { referencesResolve } from './references-resolve.ts';
import { securityTxtValid } from './security-txt-valid.ts';
import { soaComplete } from './soa-complete.ts';
import { soaUnknownControl } from './soa-unknown-control.ts';
import { statusConsistent } from './status-consistent.ts';
import { surveillanceAuditOverdue } from './surveillance-audit-overdue.ts';

/** Every rule, in the order docs/checks.md presents them. */
export const rules: readonly Rule[] = [
  soaComplete,
  soaUnknownControl,
  duplicateId,
  aliasConflict,
  anchorConflict,
  applicableControlHasOwner,
  applicableControlHasEvidence,
  applicableBasis,
  exclusionJustified,
  statusConsistent,
  plannedTargetPassed,
  ownerHasLeft,
  evidenceFreshness,
  policyReview,
  referencesResolve,
  mappingIdsKnown,
  certificationValidity,
  surveillanceAuditOverdue,
  publicCitesInternal,
  topicSpelling,
  securityTxtValid,
];
