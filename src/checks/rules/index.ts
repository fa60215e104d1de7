import type { Rule } from '../rule.ts';
import { answersTopicSpelling } from './answers-topic-spelling.ts';
import { answersClaimsUnimplemented } from './answers-claims-unimplemented.ts';
import { certificationSurveillanceOverdue } from './certification-surveillance-overdue.ts';
import { certificationValidity } from './certification-validity.ts';
import { certificationReportStale } from './certification-report-stale.ts';
import { documentsValidity } from './documents-validity.ts';
import { documentsDownloadMissing } from './documents-download-missing.ts';
import { controlsUnknownMapping } from './controls-unknown-mapping.ts';
import { evidenceFreshness } from './evidence-freshness.ts';
import { exceptionsApproverLeft } from './exceptions-approver-left.ts';
import { exceptionsExpired } from './exceptions-expired.ts';
import { exceptionsExpiring } from './exceptions-expiring.ts';
import { exceptionsUnknownTarget } from './exceptions-unknown-target.ts';
import { modelAliasConflict } from './model-alias-conflict.ts';
import { modelAnchorConflict } from './model-anchor-conflict.ts';
import { modelDuplicateId } from './model-duplicate-id.ts';
import { peopleOwnerHasLeft } from './people-owner-has-left.ts';
import { policyReviewDue } from './policy-review-due.ts';
import { refsUnresolved } from './refs-unresolved.ts';
import { settingsSecurityTxt } from './settings-security-txt.ts';
import { publishedRemoved } from './published-removed.ts';
import { soaBasisRequired } from './soa-basis-required.ts';
import { soaEvidenceRequired } from './soa-evidence-required.ts';
import { soaExclusionJustification } from './soa-exclusion-justification.ts';
import { soaMissingEntry } from './soa-missing-entry.ts';
import { soaUndecided } from './soa-undecided.ts';
import { soaOwnerRequired } from './soa-owner-required.ts';
import { soaStatusConsistent } from './soa-status-consistent.ts';
import { soaTargetDatePassed } from './soa-target-date-passed.ts';
import { soaUnknownControl } from './soa-unknown-control.ts';
import { visibilityPublicCitesInternal } from './visibility-public-cites-internal.ts';
import { publicSummaryMissing } from './public-summary-missing.ts';
import { placeholderUnconfirmed } from './placeholder-unconfirmed.ts';

/** Every rule, in the order the catalogue and docs/checks.md present them. Each file is named after its rule's id. */
export const rules: readonly Rule[] = [
  soaMissingEntry,
  soaUndecided,
  soaUnknownControl,
  modelDuplicateId,
  modelAliasConflict,
  modelAnchorConflict,
  soaOwnerRequired,
  soaEvidenceRequired,
  soaBasisRequired,
  soaExclusionJustification,
  soaStatusConsistent,
  soaTargetDatePassed,
  peopleOwnerHasLeft,
  evidenceFreshness,
  policyReviewDue,
  refsUnresolved,
  controlsUnknownMapping,
  certificationValidity,
  certificationSurveillanceOverdue,
  certificationReportStale,
  documentsValidity,
  documentsDownloadMissing,
  visibilityPublicCitesInternal,
  publicSummaryMissing,
  answersTopicSpelling,
  answersClaimsUnimplemented,
  settingsSecurityTxt,
  placeholderUnconfirmed,
  publishedRemoved,
  exceptionsUnknownTarget,
  exceptionsExpired,
  exceptionsExpiring,
  exceptionsApproverLeft,
];
