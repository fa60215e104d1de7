/**
 * The one audience projection. `view(model, 'public')` is the only place that decides
 * what the public may see: it copies the public entities field by field, naming each
 * field it keeps, so that a field added to a schema later stays internal until someone
 * decides otherwise here. Pages never filter on their own.
 */
import { posix } from 'node:path';
import type { ContentFile, Entry } from '../load/loader.ts';
import { isPublicEntry, type DecidedSoaEntry, type Model } from '../link/linker.ts';
import type { AnnexAControl, Theme } from '../model/catalog.ts';
import { type Answer, type CertificationKind, type CertificationOf, type Document, type Policy, type Settings, type Subprocessor, type Update } from '../model/schemas.ts';
import { compareCertifications, type CertificationFields } from '../model/certification-kinds.ts';
import { certificatePath, documentFilePath, logoPath } from './urls.ts';
import { PAGE_IDS, slugOf } from '../model/anchors.ts';

export type Audience = 'public' | 'internal';

/** What handbook pages receive: the whole model, internal entities and fields included. */
export type InternalView = Model;
export type { ControlNode } from '../link/linker.ts';
export type { Entry } from '../load/loader.ts';

export interface PublicOrganisation {
  name: string;
  legalName: string;
  description: string;
  publicUrl: string;
  contact: Settings['contact'];
  brand: { accentColor: string; /** Where the logo is published, when there is one. */ logo?: string };
  security: Settings['security'];
}

/**
 * The fields of each kind the trust center shows. Every other field stays internal: `visibility`,
 * `certificateFile` (published as a download instead), `notes`, and the notes of surveillance audits.
 * The type below fails to compile when a kind gains a field that is in neither list.
 */
const publicCertificationFields = {
  iso: ['kind', 'standard', 'edition', 'certificateNumber', 'certificationBody', 'accreditationBody', 'scope', 'issued', 'expires'],
  soc2: ['kind', 'type', 'asOf', 'period', 'auditor', 'issued', 'scope', 'bridgeLetter', 'criteria'],
  soc1: ['kind', 'type', 'asOf', 'period', 'auditor', 'issued', 'scope', 'bridgeLetter'],
  'pci-dss': ['kind', 'version', 'level', 'aocDate', 'qsa', 'expires', 'scope'],
  'csa-star': ['kind', 'level', 'auditor', 'issued', 'expires', 'registryUrl', 'scope'],
  hipaa: ['kind', 'assessor', 'issued', 'expires', 'scope'],
  hitrust: ['kind', 'assessment', 'assessor', 'issued', 'expires', 'scope'],
  'cyber-essentials': ['kind', 'plus', 'certificateNumber', 'certificationBody', 'issued', 'expires', 'scope'],
  tisax: ['kind', 'assessmentLevel', 'labels', 'scopeId', 'auditProvider', 'issued', 'expires', 'scope'],
  other: ['kind', 'name', 'issuer', 'issued', 'expires', 'url', 'scope'],
} as const satisfies { [K in CertificationKind]: readonly (keyof CertificationOf<K>)[] };
type InternalCertificationField = 'id' | 'visibility' | 'certificateFile' | 'notes' | 'surveillanceAudits';
type Undecided = { [K in CertificationKind]: Exclude<keyof CertificationOf<K>, (typeof publicCertificationFields)[K][number] | InternalCertificationField> }[CertificationKind];
const everyFieldDecided: [Undecided] extends [never] ? true : Undecided = true;
void everyFieldDecided;

export type PublicCertification = CertificationFields & {
  id: string;
  /** Surveillance audits of an ISO certificate, without their notes; empty for other kinds. */
  surveillanceAudits: { planned: string; done?: string }[];
  /** The certificate to download, when one is published: its URL and the file name it saves as. */
  certificate?: { url: string; fileName: string };
};

/** A document the trust center lists: public ones to download, the others to request. */
export interface PublicDocument {
  id: string;
  title: string;
  kind: Document['kind'];
  description?: string;
  access: 'public' | 'on-request' | 'nda';
  validUntil?: string;
  updated: string;
  /** The public certification it belongs to. */
  certification?: string;
  /** Public documents only: where to download it, and the file name it saves as when it is a file of the site. */
  download?: { url: string; fileName?: string };
}

/** A file copied from the content folder into a site, at `url`. */
export interface PublishedFile {
  url: string;
  source: ContentFile;
}

export interface PublicControl {
  id: string;
  title: string;
  theme: Theme;
  /** False when the organisation keeps this control's SoA entry internal: only its existence is shown. */
  disclosed: boolean;
  applicable?: boolean;
  status?: 'implemented' | 'partial' | 'planned' | 'not-implemented';
  targetDate?: string;
  publicSummary?: string;
  publicJustification?: string;
  /** Public policies that address the control. */
  policies: string[];
  /** Public answers that cite the control. */
  answers: string[];
}

export type PublicPolicy = Pick<Policy, 'id' | 'title' | 'summary' | 'version' | 'effective' | 'nextReview' | 'controls' | 'aliases'> & {
  /** The MDX body, which the pages render through the one sanitising pipeline. */
  body: string;
};
export type PublicAnswer = Omit<Answer, 'visibility' | 'phrasings'> & {
  /** The anchor of the answer's topic on /answers/. */
  topicAnchor: string;
};

/** A topic of the answers page: its anchor is unique on the page, among topics, answers and the frame. */
export interface PublicTopic {
  title: string;
  anchor: string;
}
export type PublicSubprocessor = Omit<Subprocessor, 'visibility'>;
export type PublicUpdate = Omit<Update, 'visibility'>;

export interface PublicView {
  audience: 'public';
  organisation: PublicOrganisation;
  certifications: PublicCertification[];
  /** Documents whose access is not `internal`: audit reports first, then certificates, penetration test summaries, agreements and the rest; by title within a kind. */
  documents: PublicDocument[];
  controls: PublicControl[];
  policies: PublicPolicy[];
  /** Titles of internal policies, only when the organisation lists them as available on request. */
  policiesOnRequest: { id: string; title: string }[];
  subprocessors: PublicSubprocessor[];
  answers: PublicAnswer[];
  /** Topics of the answers, in alphabetical order. */
  topics: PublicTopic[];
  updates: PublicUpdate[];
}

export function view(model: Model, audience: 'public'): PublicView;
export function view(model: Model, audience: 'internal'): InternalView;
export function view(model: Model, audience: Audience): PublicView | InternalView {
  return audience === 'internal' ? model : publicView(model);
}

/**
 * The files a public view publishes: the logo, the certificates of public certifications and the files of public documents.
 * Where they live on the build machine stays out of the view's data, which pages receive;
 * only the routes that copy the files, and the link-preview cards that draw the logo, ask here.
 */
const filesOf = new WeakMap<PublicView, readonly PublishedFile[]>();
export const publishedFiles = (site: PublicView): readonly PublishedFile[] => filesOf.get(site) ?? [];

const isPublic = isPublicEntry;
const publicEntries = <E extends Entry>(entries: Iterable<E>): E[] => [...entries].filter(isPublic);

function publicView(model: Model): PublicView {
  const settings = model.settings;
  if (!settings) throw new Error('The public view needs valid organisation settings; run the checks first.');

  const policies = publicEntries(model.index.policies.values());
  const answers = publicEntries(model.index.answers.values());
  // ISO certificates first, then SOC reports and the other kinds in the order the schema lists them.
  const certifications = publicEntries(model.index.certifications.values()).sort(compareCertifications);
  const publicPolicyIds = new Set(policies.map((p) => p.id));
  const publicCertificationIds = new Set(certifications.map((c) => c.id));
  const documents = [...model.index.documents.values()].filter((d) => d.data.access !== 'internal');
  const topics = topicAnchors(answers.map((a) => a.data.topic), [...PAGE_IDS, ...answers.map((a) => a.id)]);
  const anchorOf = new Map(topics.map((t) => [t.title, t.anchor]));
  const logo = model.settingsFiles['brand.logo'];
  const files: PublishedFile[] = [
    ...(logo ? [{ url: logoPath, source: logo }] : []),
    ...certifications.flatMap((c) => (c.files['certificateFile'] ? [{ url: certificatePath(c.id), source: c.files['certificateFile'] }] : [])),
    // Only public documents: the file of an on-request, NDA or internal document is never copied.
    ...documents.flatMap((d) => (d.data.access === 'public' && d.files['file'] ? [{ url: documentFilePath(d.id), source: d.files['file'] }] : [])),
  ];

  const site: PublicView = {
    audience: 'public',
    organisation: {
      name: settings.organisation.name,
      legalName: settings.organisation.legalName ?? settings.organisation.name,
      description: settings.organisation.description,
      publicUrl: settings.sites.public,
      contact: settings.contact,
      brand: { accentColor: settings.brand.accentColor, ...(logo ? { logo: logoPath } : {}) },
      security: settings.security,
    },
    certifications: certifications.map(({ data: c, files: named }) => ({
      ...(pick(c, publicCertificationFields[c.kind]) as CertificationFields),
      id: c.id,
      ...(named['certificateFile'] ? { certificate: { url: certificatePath(c.id), fileName: posix.basename(named['certificateFile'].path) } } : {}),
      surveillanceAudits: c.kind === 'iso' ? c.surveillanceAudits.map((a) => ({ planned: a.planned, ...(a.done ? { done: a.done } : {}) })) : [],
    })),
    documents: documents
      .map(({ id, data: d, files: named }): PublicDocument => {
        const file = named['file'];
        const download = d.access !== 'public' ? undefined : file ? { url: documentFilePath(id), fileName: posix.basename(file.path) } : d.url ? { url: d.url } : undefined;
        return {
          id,
          title: d.title,
          kind: d.kind,
          ...(d.description ? { description: d.description } : {}),
          access: d.access as PublicDocument['access'],
          ...(d.validUntil ? { validUntil: d.validUntil } : {}),
          updated: d.updated,
          ...(d.certification && publicCertificationIds.has(d.certification) ? { certification: d.certification } : {}),
          ...(download ? { download } : {}),
        };
      })
      .sort((a, b) => documentOrder.indexOf(a.kind) - documentOrder.indexOf(b.kind) || a.title.localeCompare(b.title, 'en')),
    controls: model.controls.map(({ control, soa, policies: related, answers: citing }) =>
      publicControl(control, soa && isPublic(soa) ? soa : undefined, related.filter((p) => publicPolicyIds.has(p.id)).map((p) => p.id), citing.filter(isPublic).map((a) => a.id)),
    ),
    policies: policies.map(({ data: p, body }) => ({
      id: p.id,
      title: p.title,
      ...(p.summary ? { summary: p.summary } : {}),
      version: p.version,
      effective: p.effective,
      nextReview: p.nextReview,
      controls: p.controls,
      aliases: p.aliases,
      body,
    })),
    policiesOnRequest: settings.listInternalPolicies
      ? [...model.index.policies.values()].filter((p) => !isPublic(p)).map((p) => ({ id: p.id, title: p.data.title }))
      : [],
    subprocessors: publicEntries(model.index.subprocessors.values()).map(({ data: s }) => ({
      id: s.id,
      name: s.name,
      purpose: s.purpose,
      dataCategories: s.dataCategories,
      location: s.location,
      website: s.website,
      since: s.since,
    })),
    answers: answers.map(({ data: a }) => ({
      id: a.id,
      question: a.question,
      answer: a.answer,
      topic: a.topic,
      controls: a.controls,
      policies: a.policies.filter((id) => publicPolicyIds.has(id)),
      references: a.references,
      aliases: a.aliases,
      topicAnchor: anchorOf.get(a.topic)!,
    })),
    topics,
    updates: publicEntries(model.index.updates.values())
      .map(({ data: u }) => ({ id: u.id, date: u.date, title: u.title, kind: u.kind, body: u.body }))
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
  };
  filesOf.set(site, files);
  return site;
}

/** The order of the documents library: what customers ask for first (the audit report) first. */
const documentOrder: readonly Document['kind'][] = ['report', 'certificate', 'pen-test-summary', 'dpa', 'insurance', 'architecture', 'whitepaper', 'policy', 'other'];

/** The named fields of `value` that it has, and no other. */
function pick<T extends object>(value: T, fields: readonly string[]): Partial<T> {
  return Object.fromEntries(fields.filter((f) => Object.hasOwn(value, f) && (value as Record<string, unknown>)[f] !== undefined).map((f) => [f, (value as Record<string, unknown>)[f]])) as Partial<T>;
}

/** Each distinct topic with an anchor no other element of the answers page has. */
function topicAnchors(titles: readonly string[], taken: readonly string[]): PublicTopic[] {
  const used = new Set(taken);
  return [...new Set(titles)]
    .sort((a, b) => a.localeCompare(b, 'en'))
    .map((title) => {
      const base = slugOf(title);
      let anchor = base;
      for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
      used.add(anchor);
      return { title, anchor };
    });
}

function publicControl(control: AnnexAControl, soa: DecidedSoaEntry | undefined, policies: string[], answers: string[]): PublicControl {
  const base = { id: control.id, title: control.title, theme: control.theme, policies, answers };
  if (!soa) return { ...base, disclosed: false };
  const s = soa.data;
  return {
    ...base,
    disclosed: true,
    applicable: s.applicable,
    ...(s.status ? { status: s.status } : {}),
    ...(s.status === 'planned' && s.targetDate ? { targetDate: s.targetDate } : {}),
    ...(s.publicSummary ? { publicSummary: s.publicSummary } : {}),
    ...(!s.applicable && s.publicJustification ? { publicJustification: s.publicJustification } : {}),
  };
}
