/**
 * One strict zod schema per entity of an ISMS. Every field carries a JSDoc that
 * says what it means, its default and allowed values; `docs/content-format.md`
 * is written from the same words. Types are derived, never written twice.
 *
 * Strict everywhere: an unknown key (`ownr:`) is an error, not silently ignored.
 */
import { z } from 'astro/zod';
import { ContactUriSchema, ContentPathSchema, EmailSchema, HttpsUrlSchema, LineSchema, MarkdownSchema, SiteUrlSchema, TextSchema } from './text.ts';

export { ContactUriSchema, ContentPathSchema, EmailSchema, HttpsUrlSchema, LineSchema, MarkdownSchema, SiteUrlSchema, TextSchema };

/** Visibility of an entity. Internal by default: nothing is public unless someone says so. */
export const VisibilitySchema = z.enum(['public', 'internal']).default('internal');

/**
 * A calendar date written `YYYY-MM-DD`. Impossible dates (`2026-02-30`) are rejected.
 * YAML parsers that turn dates into `Date` objects (Astro's front matter parser does)
 * are accepted too, and normalised back to the ISO string.
 */
export const IsoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.valueOf()) ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: 'Expected a real calendar date written YYYY-MM-DD.' }),
);

/** A slug-like identifier: lower case letters, digits and dashes (`amara-okafor`, `access-control`). */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'Use lower-case letters, digits and dashes only (for example `access-control`).' });

/**
 * An Annex A control ID, written `A.8.24`. Whether it exists in the 2022 edition is a
 * check, not a schema matter, so that a 2013 ID (`A.12.6.1`) gets a hint naming its successor.
 */
export const ControlIdSchema = z
  .string()
  .regex(/^A\.\d+(\.\d+)+$/, { error: 'Write Annex A control IDs as `A.<theme>.<number>`, for example `A.8.24`.' });

/** An ISO/IEC 27001:2022 clause number between 4 and 10 (`6.1.2`). */
export const ClauseIdSchema = z.string().regex(/^(?:[4-9]|10)(?:\.\d+)*$/, { error: 'Write clause numbers as `6.1.2`.' });


/** Ids of older names of an entity; the public site redirects them to the current page. */
const AliasesSchema = z.array(SlugSchema).default([]);

// ---------------------------------------------------------------------------
// Organisation settings (content/settings.yaml)

export const SettingsSchema = z.strictObject({
  organisation: z.strictObject({
    /** Display name used in titles and headers. */
    name: LineSchema,
    /** Registered legal name, shown on the trust center footer. Defaults to `name`. */
    legalName: LineSchema.optional(),
    /** One or two sentences that introduce the organisation on both sites. */
    description: TextSchema,
  }),
  sites: z.strictObject({
    /** Where the public trust center is deployed: an https origin such as `https://trust.example.com` (used for canonical links, feeds, security.txt). */
    public: SiteUrlSchema,
    /** Where the internal handbook is deployed (behind single sign-on): an https origin. */
    internal: SiteUrlSchema,
  }),
  /** General contact for trust and compliance questions. */
  contact: z.strictObject({
    /** Where customers write about security reviews, NDAs and questionnaires. */
    email: EmailSchema,
    /**
     * Optional form (an https page) or `mailto:` address where customers request documents that are not
     * public (internal policies, reports). Each Request access button opens it prefilled; without it,
     * requests are e-mails to `email`.
     */
    requestUrl: ContactUriSchema.optional(),
    /** Names of the query parameters an https `requestUrl` is prefilled with. Defaults `document`, `title`, `organisation`. */
    requestFields: z
      .strictObject({
        /** The document's id. */
        document: LineSchema.default('document'),
        /** The document's title. */
        title: LineSchema.default('title'),
        /** The organisation whose trust center it is. */
        organisation: LineSchema.default('organisation'),
      })
      .prefault({}),
    /** Optional page where readers subscribe to the trust center's updates by e-mail; the Atom feed is always offered. */
    subscribeUrl: HttpsUrlSchema.optional(),
  }),
  brand: z
    .strictObject({
      /** Path of a logo file, relative to the content folder (SVG or PNG). */
      logo: ContentPathSchema.optional(),
      /** Accent colour as a six-digit hex value. Default `#2457d6`. */
      accentColor: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, { error: 'Write the accent colour as a six-digit hex value such as `#2457d6`.' })
        .default('#2457d6'),
    })
    .prefault({}),
  security: z.strictObject({
    /** How to report a vulnerability: a `mailto:` or `https:` URI (RFC 9116 `Contact`). */
    contact: ContactUriSchema,
    /** URL of the vulnerability disclosure policy (RFC 9116 `Policy`). */
    disclosurePolicy: HttpsUrlSchema,
    /** Languages the security team reads, as language tags (RFC 9116 `Preferred-Languages`). Default `[en]`. */
    preferredLanguages: z.array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/)).min(1).default(['en']),
    /** Optional URL of the team's OpenPGP key (RFC 9116 `Encryption`). */
    encryption: HttpsUrlSchema.optional(),
  }),
  /**
   * Pins the date every check and page is computed against. For demos, fixtures and tests
   * only: real content leaves it out so that reviews and evidence go stale in real time.
   * `--today` and `TRUSTBOOK_TODAY` override it.
   */
  today: IsoDateSchema.optional(),
  /** List internal policies on the trust center by title as "available on request". Default `false`. */
  listInternalPolicies: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

// ---------------------------------------------------------------------------
// People (content/people/*.yaml)

export const PersonSchema = z.strictObject({
  /** Stable id others refer to (`owners: [amara-okafor]`). */
  id: SlugSchema,
  /** Full name. */
  name: LineSchema,
  /** Job title or ISMS role (`Head of Security`). */
  role: LineSchema,
  /** Work email. */
  email: EmailSchema,
  /** Date the person left the organisation. A person who has left may own nothing. */
  left: IsoDateSchema.optional(),
  visibility: VisibilitySchema,
});
export type Person = z.infer<typeof PersonSchema>;

// ---------------------------------------------------------------------------
// Certifications and attestations (content/certifications/*.yaml)

const OrganisationRefSchema = z.strictObject({
  /** Name of the body. */
  name: LineSchema,
  /** Its website. */
  url: HttpsUrlSchema.optional(),
});

export const SurveillanceAuditSchema = z.strictObject({
  /** When the audit is (or was) planned. */
  planned: IsoDateSchema,
  /** When it actually took place. Leave out until it has. */
  done: IsoDateSchema.optional(),
  /** Internal note on the outcome (nonconformities raised, closed). Never published. */
  notes: TextSchema.optional(),
});

/** Fields every kind of certification or attestation has. */
const certificationCommon = {
  id: SlugSchema,
  /** Optional path of the certificate (or attestation letter) PDF, relative to the content folder. Offered for download when the certification is public. */
  certificateFile: ContentPathSchema.optional(),
  /** Internal notes for staff and auditors (findings, exceptions noted, follow-ups). Never published. */
  notes: TextSchema.optional(),
  visibility: VisibilitySchema,
};

/** ISO management-system certificates: ISO/IEC 27001, 27701, 27017, 27018, ISO 22301, ISO 9001. The default kind. */
export const IsoCertificationSchema = z.strictObject({
  /** `iso`, the default: files written before kinds existed are ISO certificates. */
  kind: z.literal('iso').default('iso'),
  /** The standard, as written on the certificate (`ISO/IEC 27001`, `ISO/IEC 27701`, `ISO 22301`). */
  standard: LineSchema,
  /** Its edition (`2022`). */
  edition: LineSchema,
  /** Certificate number as issued. */
  certificateNumber: LineSchema,
  /** The accredited body that audited and certified the management system. */
  certificationBody: OrganisationRefSchema,
  /** The accreditation body that accredits the certification body (UKAS, DAkkS, ANAB, …). */
  accreditationBody: OrganisationRefSchema,
  /** Scope statement exactly as on the certificate. */
  scope: TextSchema,
  /** Date of issue. */
  issued: IsoDateSchema,
  /** Date of expiry (three years after issue for ISO/IEC 27001). */
  expires: IsoDateSchema,
  /** Yearly surveillance audits within the certification cycle. */
  surveillanceAudits: z.array(SurveillanceAuditSchema).default([]),
  ...certificationCommon,
});

/** The Trust Services Criteria a SOC 2 examination covers. */
export const TrustServicesCriterionSchema = z.enum(['security', 'availability', 'processing-integrity', 'confidentiality', 'privacy']);

/** A bridge (gap) letter: the service organisation's statement covering the time since the report's period ended. */
export const BridgeLetterSchema = z.strictObject({
  /** Date of the letter. */
  issued: IsoDateSchema,
  /** Last day the letter covers. */
  through: IsoDateSchema,
});

const socFields = {
  /** `type-1`: the design of controls at a point in time (`asOf`); `type-2`: their operation over a period (`period`). */
  type: z.enum(['type-1', 'type-2']),
  /** Type I: the date the description and design of controls are examined as of. */
  asOf: IsoDateSchema.optional(),
  /** Type II: the period the examination covers. */
  period: z.strictObject({ from: IsoDateSchema, to: IsoDateSchema }).optional(),
  /** The CPA firm that examined the controls and signed the report. */
  auditor: OrganisationRefSchema,
  /** Date of the auditor's report. */
  issued: IsoDateSchema,
  /** The system the report describes, in the report's words. */
  scope: TextSchema.optional(),
  /** A bridge letter covering the time since the period ended, when there is one. */
  bridgeLetter: BridgeLetterSchema.optional(),
};

/** Type I has a date, Type II a period; a bridge letter starts after the report ends. */
function checkSocDates(value: { type: 'type-1' | 'type-2'; asOf?: string | undefined; period?: { from: string; to: string } | undefined; bridgeLetter?: { issued: string; through: string } | undefined }, ctx: z.core.$RefinementCtx) {
  const issue = (path: (string | number)[], message: string, hint: string) => ctx.addIssue({ code: 'custom', path, message, params: { hint } });
  if (value.type === 'type-1') {
    if (!value.asOf) issue(['asOf'], 'A Type I report is as of one date, and `asOf` is missing.', 'Add `asOf: YYYY-MM-DD`, the date the report examines the controls as of.');
    if (value.period) issue(['period'], 'A Type I report is as of one date and has no period.', 'Remove `period:` and write `asOf:`, or write `type: type-2` if the report covers a period.');
  } else {
    if (!value.period) issue(['period'], 'A Type II report covers a period, and `period` is missing.', 'Add `period: { from: YYYY-MM-DD, to: YYYY-MM-DD }` as on the report.');
    if (value.asOf) issue(['asOf'], 'A Type II report covers a period and has no single `asOf` date.', 'Remove `asOf:` and write `period:`, or write `type: type-1`.');
    if (value.period && value.period.to <= value.period.from) issue(['period', 'to'], `The period ends (${value.period.to}) before it starts (${value.period.from}).`, 'Copy both dates from the report.');
  }
  const end = value.period?.to ?? value.asOf;
  if (value.bridgeLetter && end && value.bridgeLetter.through <= end) issue(['bridgeLetter', 'through'], `The bridge letter covers up to ${value.bridgeLetter.through}, which is not after the report's end (${end}).`, 'A bridge letter covers the time after the report: copy `through:` from the letter.');
}

/** A SOC 2 report (AICPA Trust Services Criteria). */
export const Soc2CertificationSchema = z
  .strictObject({
    kind: z.literal('soc2'),
    ...socFields,
    /** The Trust Services Criteria in scope: `security` (always), `availability`, `processing-integrity`, `confidentiality`, `privacy`. */
    criteria: z.array(TrustServicesCriterionSchema).min(1),
    ...certificationCommon,
  })
  .superRefine(checkSocDates);

/** A SOC 1 report (controls relevant to customers' financial reporting, SSAE 18). */
export const Soc1CertificationSchema = z
  .strictObject({
    kind: z.literal('soc1'),
    ...socFields,
    ...certificationCommon,
  })
  .superRefine(checkSocDates);

/** A PCI DSS Attestation of Compliance. */
export const PciDssCertificationSchema = z.strictObject({
  kind: z.literal('pci-dss'),
  /** The version of the standard assessed against (`4.0.1`). */
  version: LineSchema,
  /** Merchant or service-provider level, 1 (the highest volume) to 4. */
  level: z.number().int().min(1).max(4),
  /** Date of the Attestation of Compliance. */
  aocDate: IsoDateSchema,
  /** The Qualified Security Assessor company; left out for a self-assessment (SAQ). */
  qsa: OrganisationRefSchema.optional(),
  /** Last day the attestation is valid. Default: a year after `aocDate`. */
  expires: IsoDateSchema.optional(),
  /** The cardholder-data environment assessed. */
  scope: TextSchema.optional(),
  ...certificationCommon,
});

/** A CSA STAR entry (Cloud Security Alliance Security, Trust, Assurance and Risk registry). */
export const CsaStarCertificationSchema = z.strictObject({
  kind: z.literal('csa-star'),
  /** 1: self-assessment; 2: third-party certification or attestation; 3: continuous monitoring. */
  level: z.number().int().min(1).max(3),
  /** The auditor, for level 2 and above. */
  auditor: OrganisationRefSchema.optional(),
  /** Date of the entry or certificate. */
  issued: IsoDateSchema,
  /** Last day it is valid, when it has one. */
  expires: IsoDateSchema.optional(),
  /** The organisation's entry in the STAR registry. */
  registryUrl: HttpsUrlSchema.optional(),
  scope: TextSchema.optional(),
  ...certificationCommon,
});

/** A third-party HIPAA compliance assessment (HIPAA itself certifies no one). */
export const HipaaCertificationSchema = z.strictObject({
  kind: z.literal('hipaa'),
  /** Who assessed the safeguards. */
  assessor: OrganisationRefSchema,
  /** Date of the assessment report. */
  issued: IsoDateSchema,
  /** Last day the assessment is held valid, when it says. */
  expires: IsoDateSchema.optional(),
  scope: TextSchema.optional(),
  ...certificationCommon,
});

/** A HITRUST CSF certification. */
export const HitrustCertificationSchema = z.strictObject({
  kind: z.literal('hitrust'),
  /** The assessment: `e1` (essentials, 1 year), `i1` (implemented, 1 year) or `r2` (risk-based, 2 years). */
  assessment: z.enum(['e1', 'i1', 'r2']),
  /** The external assessor firm. */
  assessor: OrganisationRefSchema,
  issued: IsoDateSchema,
  expires: IsoDateSchema,
  scope: TextSchema.optional(),
  ...certificationCommon,
});

/** A Cyber Essentials or Cyber Essentials Plus certificate (UK). */
export const CyberEssentialsCertificationSchema = z.strictObject({
  kind: z.literal('cyber-essentials'),
  /** `true` for Cyber Essentials Plus (audited by an assessor). Default `false`. */
  plus: z.boolean().default(false),
  certificateNumber: LineSchema,
  /** The certification body that issued it. */
  certificationBody: OrganisationRefSchema,
  issued: IsoDateSchema,
  /** Twelve months after issue. */
  expires: IsoDateSchema,
  scope: TextSchema.optional(),
  ...certificationCommon,
});

/** A TISAX assessment result (automotive, ENX Association). */
export const TisaxCertificationSchema = z.strictObject({
  kind: z.literal('tisax'),
  /** Assessment level: `AL2` or `AL3`. */
  assessmentLevel: z.enum(['AL2', 'AL3']),
  /** The labels obtained (`Confidential`, `Strictly confidential`, `Data protection`, …). */
  labels: z.array(LineSchema).min(1),
  /** The assessment scope id on the ENX portal (`S12345`). */
  scopeId: LineSchema,
  /** The audit provider. */
  auditProvider: OrganisationRefSchema,
  issued: IsoDateSchema,
  /** Three years after issue. */
  expires: IsoDateSchema,
  scope: TextSchema.optional(),
  ...certificationCommon,
});

/** Any other certification, attestation or listing. */
export const OtherCertificationSchema = z.strictObject({
  kind: z.literal('other'),
  /** Its name (`FedRAMP Moderate`, `C5 Type 2`). */
  name: LineSchema,
  /** Who issued or attested it. */
  issuer: OrganisationRefSchema,
  issued: IsoDateSchema,
  expires: IsoDateSchema.optional(),
  /** Where it can be verified. */
  url: HttpsUrlSchema.optional(),
  scope: TextSchema.optional(),
  ...certificationCommon,
});

export const certificationKinds = ['iso', 'soc2', 'soc1', 'pci-dss', 'csa-star', 'hipaa', 'hitrust', 'cyber-essentials', 'tisax', 'other'] as const;
export type CertificationKind = (typeof certificationKinds)[number];

/** A certification or attestation, by its `kind` (default `iso`). */
export const CertificationSchema = z.discriminatedUnion(
  'kind',
  [
    IsoCertificationSchema,
    Soc2CertificationSchema,
    Soc1CertificationSchema,
    PciDssCertificationSchema,
    CsaStarCertificationSchema,
    HipaaCertificationSchema,
    HitrustCertificationSchema,
    CyberEssentialsCertificationSchema,
    TisaxCertificationSchema,
    OtherCertificationSchema,
  ],
  { error: `Unknown kind: write one of ${certificationKinds.map((k) => `\`${k}\``).join(', ')}.` },
);
export type Certification = z.infer<typeof CertificationSchema>;
export type CertificationOf<K extends CertificationKind> = Extract<Certification, { kind: K }>;

// ---------------------------------------------------------------------------
// Documents (content/documents/*.yaml)

export const documentKinds = ['report', 'certificate', 'policy', 'pen-test-summary', 'dpa', 'insurance', 'whitepaper', 'architecture', 'other'] as const;

export const DocumentSchema = z
  .strictObject({
    id: SlugSchema,
    /** Title as customers see it (`SOC 2 Type II report 2025–26`). */
    title: LineSchema,
    /** What kind of document it is. */
    kind: z.enum(documentKinds),
    /** One or two sentences on what the document is, shown beside its title. */
    description: TextSchema.optional(),
    /** Path of the document (a PDF), relative to the content folder. Published only when `access` is `public`. */
    file: ContentPathSchema.optional(),
    /** Or where it lives: an https URL. Published only when `access` is `public`. */
    url: HttpsUrlSchema.optional(),
    /**
     * Who may have it: `public` (a download on the trust center), `on-request` (listed, with a Request
     * access button), `nda` (listed, requested under a non-disclosure agreement) or `internal`, the default (not listed).
     */
    access: z.enum(['public', 'on-request', 'nda', 'internal']).default('internal'),
    /** The certification or attestation it belongs to (an id from `certifications/`). */
    certification: SlugSchema.optional(),
    /** Last day the document is valid (an insurance certificate, a pen-test summary). */
    validUntil: IsoDateSchema.optional(),
    /** Date the document was last updated. */
    updated: IsoDateSchema,
    /** Internal notes for staff (where the signed copy is, who may approve a request). Never published. */
    notes: TextSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.file && value.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'A document is either a file or a URL, not both.', params: { hint: 'Keep `file:` for a PDF in the content folder, or `url:` for one that lives elsewhere.' } });
  });
export type Document = z.infer<typeof DocumentSchema>;

// ---------------------------------------------------------------------------
// Statement of Applicability (content/soa/A.x.y.yaml) — one entry per Annex A control

export const BasisSchema = z.enum(['risk-treatment', 'legal', 'contractual', 'business']);
export const ImplementationStatusSchema = z.enum(['implemented', 'partial', 'planned', 'not-implemented']);

export const SoaEntrySchema = z.strictObject({
  /** The Annex A control this entry is about (`A.8.24`). */
  id: ControlIdSchema,
  /**
   * Whether the control is included (`true`) or excluded (`false`). Left out while the decision is
   * still to be made (as `trustbook init` writes it): the check lists such controls as to be decided.
   */
  applicable: z.boolean().optional(),
  /** Why the control is included or, above all, why it is excluded. Required for exclusions. */
  justification: TextSchema.optional(),
  /** The basis for inclusion: risk treatment, legal, contractual or business requirement. Required when applicable. */
  basis: z.array(BasisSchema).default([]),
  /** Implementation status of an applicable control. */
  status: ImplementationStatusSchema.optional(),
  /** When a `planned` control is due to be implemented. */
  targetDate: IsoDateSchema.optional(),
  /** People accountable for the control (ids from `people/`). */
  owners: z.array(SlugSchema).default([]),
  /** Evidence items that show the control operates (ids from `evidence/`). */
  evidence: z.array(SlugSchema).default([]),
  /** Organisation controls that implement it (ids from `controls/`). */
  controls: z.array(LineSchema).default([]),
  /** Policies that govern it (ids from `policies/`). */
  policies: z.array(SlugSchema).default([]),
  /** How the control is met, in wording fit for customers. Shown on the trust center when the entry is public. */
  publicSummary: TextSchema.optional(),
  /** Why an excluded control does not apply, in wording fit for customers. */
  publicJustification: TextSchema.optional(),
  /** Internal notes for staff and auditors. Never published. */
  notes: TextSchema.optional(),
  visibility: VisibilitySchema,
});
export type SoaEntry = z.infer<typeof SoaEntrySchema>;

// ---------------------------------------------------------------------------
// Policies (content/policies/*.mdx front matter)

export const PolicySchema = z.strictObject({
  id: SlugSchema,
  /** Title of the policy. */
  title: LineSchema,
  /** One-sentence summary used in lists, search results and link previews. */
  summary: LineSchema.optional(),
  /** Version label (`2.1`). */
  version: LineSchema,
  /** Person who maintains the policy. */
  owner: SlugSchema,
  /** Person who approved this version. */
  approver: SlugSchema,
  /** Date this version was approved. */
  approved: IsoDateSchema,
  /** Date this version takes effect. */
  effective: IsoDateSchema,
  /** Months between reviews. Default 12. */
  reviewIntervalMonths: z.number().int().min(1).max(60).default(12),
  /** Date of the next review; past it the policy is overdue. */
  nextReview: IsoDateSchema,
  /** Annex A controls this policy addresses. */
  controls: z.array(ControlIdSchema).default([]),
  /** Clauses 4–10 this document answers (`6.1.2`). */
  clauses: z.array(ClauseIdSchema).default([]),
  aliases: AliasesSchema,
  visibility: VisibilitySchema,
});
export type Policy = z.infer<typeof PolicySchema>;

// ---------------------------------------------------------------------------
// Evidence (content/evidence/*.yaml)

export const EvidenceKindSchema = z.enum(['document', 'report', 'ticket', 'screenshot', 'automated-check', 'record']);

export const EvidenceSchema = z.strictObject({
  id: SlugSchema,
  /** What the evidence is (`Quarterly access review, Q3`). */
  title: LineSchema,
  /** Kind of evidence. */
  kind: EvidenceKindSchema,
  /** Where it lives: a URL (ticket, drive, dashboard) or a path in a repository. */
  location: LineSchema,
  /** Date it was collected. */
  collected: IsoDateSchema,
  /** Days after collection until it is stale (90 for a quarterly review). */
  maxAgeDays: z.number().int().positive(),
  /** Person who collects it. */
  owner: SlugSchema,
  /** Annex A controls it supports. */
  controls: z.array(ControlIdSchema).default([]),
  /** Optional detail for auditors. */
  description: TextSchema.optional(),
  visibility: VisibilitySchema,
});
export type Evidence = z.infer<typeof EvidenceSchema>;

// ---------------------------------------------------------------------------
// Organisation controls (content/controls/*.yaml)

export const OrgControlSchema = z.strictObject({
  /** The organisation's own control id (`IAM-01`). Upper-case letters, digits and dashes. */
  id: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, { error: 'Write organisation control ids like `IAM-01`.' }),
  /** Short name (`SSO enforced on all SaaS`). */
  title: LineSchema,
  /** How the control works, for staff and auditors. */
  description: TextSchema,
  /** Person accountable for it. */
  owner: SlugSchema,
  /** Annex A controls it implements. At least one. */
  annexA: z.array(ControlIdSchema).min(1),
  /**
   * IDs in other frameworks it satisfies, keyed by framework id:
   * `soc2` (Trust Services Criteria), `nist-csf-2` (NIST CSF 2.0), `gdpr`, `hipaa`, `pci-dss-4`, or any other slug.
   */
  mappings: z.record(SlugSchema, z.array(LineSchema)).default({}),
  visibility: VisibilitySchema,
});
export type OrgControl = z.infer<typeof OrgControlSchema>;

// ---------------------------------------------------------------------------
// Risks (content/risks/*.yaml)

const ScoreSchema = z.number().int().min(1).max(5);

export const RiskSchema = z.strictObject({
  id: SlugSchema,
  /** Short name of the risk. */
  title: LineSchema,
  /** The asset at risk. */
  asset: LineSchema,
  /** What could happen. */
  threat: TextSchema,
  /** The weakness the threat would exploit. */
  vulnerability: TextSchema,
  /** Inherent likelihood, 1 (rare) to 5 (almost certain). */
  likelihood: ScoreSchema,
  /** Inherent impact, 1 (negligible) to 5 (severe). */
  impact: ScoreSchema,
  /** Treatment decision. */
  treatment: z.enum(['mitigate', 'accept', 'transfer', 'avoid']),
  /** Likelihood and impact once treated. */
  residual: z.strictObject({ likelihood: ScoreSchema, impact: ScoreSchema }),
  /** Annex A controls that treat it. */
  controls: z.array(ControlIdSchema).default([]),
  /** Person who owns the risk. */
  owner: SlugSchema,
  /** Notes on the treatment plan or acceptance. */
  notes: TextSchema.optional(),
  visibility: VisibilitySchema,
});
export type Risk = z.infer<typeof RiskSchema>;

// ---------------------------------------------------------------------------
// Subprocessors (content/subprocessors/*.yaml)

export const SubprocessorSchema = z.strictObject({
  id: SlugSchema,
  /** Company name. */
  name: LineSchema,
  /** What they do for the organisation. */
  purpose: LineSchema,
  /** Categories of data they process. */
  dataCategories: z.array(LineSchema).min(1),
  /** Where the data is processed (`EU (Ireland)`). */
  location: LineSchema,
  /** Their website. */
  website: HttpsUrlSchema,
  /** Date they started processing data. */
  since: IsoDateSchema,
  visibility: VisibilitySchema,
});
export type Subprocessor = z.infer<typeof SubprocessorSchema>;

// ---------------------------------------------------------------------------
// Questionnaire answers (content/answers/*.yaml)

export const AnswerSchema = z.strictObject({
  id: SlugSchema,
  /** The question as customers ask it. */
  question: LineSchema,
  /** The answer, in Markdown. */
  answer: MarkdownSchema,
  /** Topic used to group answers (`Access control`). */
  topic: LineSchema,
  /** Annex A controls the answer relies on. */
  controls: z.array(ControlIdSchema).default([]),
  /** Policies the answer cites. */
  policies: z.array(SlugSchema).default([]),
  /** IDs in standard questionnaires this answers, for example `{ questionnaire: caiq-v4, id: IAM-02 }`. */
  references: z.array(z.strictObject({ questionnaire: SlugSchema, id: LineSchema })).default([]),
  /** Other ways customers ask this question, matched by `trustbook answer`; `answer --learn` adds the ones a reviewer accepted. Internal. */
  phrasings: z.array(LineSchema).default([]),
  aliases: AliasesSchema,
  visibility: VisibilitySchema,
});
export type Answer = z.infer<typeof AnswerSchema>;

// ---------------------------------------------------------------------------
// Updates (content/updates/*.yaml) — dated notices for the trust center's feed

export const UpdateSchema = z.strictObject({
  id: SlugSchema,
  /** Date of the notice. */
  date: IsoDateSchema,
  /** Headline. */
  title: LineSchema,
  /** What kind of change. */
  kind: z.enum(['subprocessor-added', 'subprocessor-removed', 'policy-revised', 'certificate-renewed', 'notice']),
  /** The notice, in Markdown. */
  body: MarkdownSchema,
  visibility: VisibilitySchema,
});
export type Update = z.infer<typeof UpdateSchema>;

// ---------------------------------------------------------------------------
// Exceptions (content/exceptions/*.yaml) — known gaps accepted for a time

/** The entity an exception covers, as diagnostics name it: its collection and its id. */
export const ExceptionSubjectSchema = z.strictObject({
  /** The collection of the entity (`evidence`, `soa`, `policies`, `people`, …), as in a diagnostic's `subject.collection`. */
  collection: SlugSchema,
  /** Its id (`quarterly-access-review`, `A.8.24`), as in a diagnostic's `subject.id`. */
  id: LineSchema,
});

export const ExceptionSchema = z.strictObject({
  id: SlugSchema,
  /** The check the exception accepts a failure of: a rule id from docs/checks.md (`evidence/freshness`). */
  rule: z.string().regex(/^[a-z]+\/[a-z-]+$/, { error: 'Write the rule id as docs/checks.md does, for example `evidence/freshness`.' }),
  /** The entity whose failure of that rule is accepted, for example `{ collection: evidence, id: access-review }`. */
  subject: ExceptionSubjectSchema,
  /** Why the gap is accepted and how it is being closed, for staff and auditors. */
  reason: TextSchema,
  /** Person who accepted the gap (an id from `people/`): usually the owner of the risk or the ISMS. */
  approver: SlugSchema,
  /** Date the exception was approved; it is in force from that day. */
  approved: IsoDateSchema,
  /** Last day the exception is in force. From the day after, the failure is an error again. */
  expires: IsoDateSchema,
  /** Always `internal`, the default: exceptions are shown in the handbook, never on the trust center. */
  visibility: z.literal('internal', { error: 'Exceptions are internal: the trust center never shows them. Remove `visibility:` or write `internal`.' }).default('internal'),
});
export type Exception = z.infer<typeof ExceptionSchema>;
