/**
 * What every kind of certification or attestation has in common, worked out from its own fields:
 * its name, who issued it, the reference it carries, when it was issued and until when it holds,
 * and for SOC reports how old the report is. Checks, views and exports all ask here, so a kind
 * is described once.
 */
import { addMonths } from './dates.ts';
import { certificationKinds, type Certification, type CertificationKind } from './schemas.ts';

/** A certification without the fields no one outside the organisation sees: what the public view keeps is enough here. */
type Omitted = 'visibility' | 'certificateFile' | 'notes' | 'surveillanceAudits';
export type CertificationFields = Certification extends infer C ? (C extends unknown ? Omit<C, Omitted> : never) : never;

/** The order certifications are shown in: ISO certificates first, then SOC reports and the other kinds as the schema lists them; by id within a kind. */
export const compareCertifications = (a: { id: string; data: { kind: CertificationKind } }, b: { id: string; data: { kind: CertificationKind } }): number =>
  certificationKinds.indexOf(a.data.kind) - certificationKinds.indexOf(b.data.kind) || a.id.localeCompare(b.id, 'en');

/** The kind of certification in words, as the trust center groups them. */
export const certificationKindLabel: Record<CertificationKind, string> = {
  iso: 'ISO certification',
  soc2: 'SOC 2 report',
  soc1: 'SOC 1 report',
  'pci-dss': 'PCI DSS attestation',
  'csa-star': 'CSA STAR',
  hipaa: 'HIPAA assessment',
  hitrust: 'HITRUST certification',
  'cyber-essentials': 'Cyber Essentials certificate',
  tisax: 'TISAX assessment',
  other: 'Certification',
};

const socType = (type: 'type-1' | 'type-2') => (type === 'type-1' ? 'Type I' : 'Type II');

/** `ISO/IEC 27001:2022`, `SOC 2 Type II`, `PCI DSS 4.0.1`, `Cyber Essentials Plus`. */
export function certificationName(c: CertificationFields): string {
  switch (c.kind) {
    case 'iso':
      return `${c.standard}:${c.edition}`;
    case 'soc2':
      return `SOC 2 ${socType(c.type)}`;
    case 'soc1':
      return `SOC 1 ${socType(c.type)}`;
    case 'pci-dss':
      return `PCI DSS ${c.version}`;
    case 'csa-star':
      return `CSA STAR Level ${c.level}`;
    case 'hipaa':
      return 'HIPAA';
    case 'hitrust':
      return `HITRUST ${c.assessment}`;
    case 'cyber-essentials':
      return c.plus ? 'Cyber Essentials Plus' : 'Cyber Essentials';
    case 'tisax':
      return `TISAX ${c.assessmentLevel}`;
    case 'other':
      return c.name;
  }
}

/** The short name on a badge: `ISO 27001`, `SOC 2 Type II`. */
export const badgeName = (c: CertificationFields): string => (c.kind === 'iso' ? `${c.standard.replace(/^ISO(?:\/IEC)? /, 'ISO ')}` : certificationName(c));

/** Who audited, certified or attested it. */
export function issuerOf(c: CertificationFields): { role: string; name: string; url?: string | undefined } | undefined {
  switch (c.kind) {
    case 'iso':
    case 'cyber-essentials':
      return { role: 'Certification body', ...c.certificationBody };
    case 'soc2':
    case 'soc1':
      return { role: 'Auditor', ...c.auditor };
    case 'pci-dss':
      return c.qsa ? { role: 'Qualified Security Assessor', ...c.qsa } : undefined;
    case 'csa-star':
      return c.auditor ? { role: 'Auditor', ...c.auditor } : undefined;
    case 'hipaa':
    case 'hitrust':
      return { role: 'Assessor', ...c.assessor };
    case 'tisax':
      return { role: 'Audit provider', ...c.auditProvider };
    case 'other':
      return { role: 'Issuer', ...c.issuer };
  }
}

/** A dated fact and the field it was read from, so that a diagnostic can point at its line. */
export interface DatedField {
  date: string;
  field: string[];
}

/**
 * When it was issued and until when it holds. A SOC report has no expiry (its age is judged by
 * `socReport`); a PCI DSS attestation holds for a year after its AoC unless `expires` says otherwise.
 */
export function validityOf(c: CertificationFields): { issued: DatedField; expires?: DatedField } {
  if (c.kind === 'pci-dss') {
    return { issued: { date: c.aocDate, field: ['aocDate'] }, expires: c.expires ? { date: c.expires, field: ['expires'] } : { date: addMonths(c.aocDate, 12), field: ['aocDate'] } };
  }
  const issued = { date: c.issued, field: ['issued'] };
  if (c.kind === 'soc2' || c.kind === 'soc1') return { issued };
  return c.expires ? { issued, expires: { date: c.expires, field: ['expires'] } } : { issued };
}

/** Months after a SOC report's end when it is reported as ageing, and past which it is stale without a bridge letter. */
export const SOC_AGEING_MONTHS = 9;
export const SOC_STALE_MONTHS = 12;

/**
 * How old a SOC report is: `current` up to 9 months after the end of its period (or its date, for a
 * Type I), `ageing` until 12 months, `stale` after; a bridge letter that still covers today makes an
 * ageing or stale report `bridged`.
 */
export type SocReportState = 'current' | 'ageing' | 'bridged' | 'stale';

export interface SocReportAge {
  state: SocReportState;
  /** The last day the report covers: the end of its period, or its as-of date. */
  end: DatedField;
  ageingFrom: string;
  staleFrom: string;
}

export function socReport(c: CertificationFields & { kind: 'soc2' | 'soc1' }, today: string): SocReportAge {
  const end = c.period ? { date: c.period.to, field: ['period', 'to'] } : { date: c.asOf ?? c.issued, field: c.asOf ? ['asOf'] : ['issued'] };
  const ageingFrom = addMonths(end.date, SOC_AGEING_MONTHS);
  const staleFrom = addMonths(end.date, SOC_STALE_MONTHS);
  const bridged = c.bridgeLetter !== undefined && c.bridgeLetter.through >= today;
  const state: SocReportState = today <= ageingFrom ? 'current' : bridged ? 'bridged' : today <= staleFrom ? 'ageing' : 'stale';
  return { state, end, ageingFrom, staleFrom };
}

export const isSocReport = <C extends CertificationFields>(c: C): c is C & { kind: 'soc2' | 'soc1' } => c.kind === 'soc2' || c.kind === 'soc1';

/** The certification as a diagnostic names it: `ISO/IEC 27001:2022 certificate IS 781204`, `SOC 2 Type II report`. */
export function describeCertification(c: CertificationFields): string {
  const name = certificationName(c);
  switch (c.kind) {
    case 'iso':
    case 'cyber-essentials':
      return `${name} certificate ${c.certificateNumber}`;
    case 'soc2':
    case 'soc1':
      return `${name} report`;
    case 'pci-dss':
      return `${name} attestation of compliance`;
    case 'csa-star':
      return `${name} entry`;
    case 'hipaa':
    case 'tisax':
      return `${name} assessment`;
    case 'hitrust':
      return `${name} certification`;
    case 'other':
      return name;
  }
}

/** The number or id the certificate carries, when it has one. */
export function referenceOf(c: CertificationFields): { label: string; value: string } | undefined {
  switch (c.kind) {
    case 'iso':
    case 'cyber-essentials':
      return { label: 'Certificate number', value: c.certificateNumber };
    case 'tisax':
      return { label: 'Scope id', value: c.scopeId };
    default:
      return undefined;
  }
}
