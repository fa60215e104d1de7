/**
 * The one audience projection. `view(model, 'public')` is the only place that decides
 * what the public may see: it copies the public entities field by field, naming each
 * field it keeps, so that a field added to a schema later stays internal until someone
 * decides otherwise here. Pages never filter on their own.
 */
import { posix } from 'node:path';
import type { ContentFile, Entry } from '../load/loader.ts';
import type { DecidedSoaEntry, Model } from '../link/linker.ts';
import type { AnnexAControl, Theme } from '../model/catalog.ts';
import type { Answer, Certification, Policy, Settings, Subprocessor, Update } from '../model/schemas.ts';
import { certificatePath, logoPath } from './urls.ts';
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

export type PublicCertification = Omit<Certification, 'surveillanceAudits' | 'visibility' | 'certificateFile'> & {
  surveillanceAudits: { planned: string; done?: string }[];
  /** The certificate to download, when one is published: its URL and the file name it saves as. */
  certificate?: { url: string; fileName: string };
};

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
 * The files a public view publishes: the logo and the certificates of public certifications.
 * Where they live on the build machine stays out of the view's data, which pages receive;
 * only the routes that copy the files, and the link-preview cards that draw the logo, ask here.
 */
const filesOf = new WeakMap<PublicView, readonly PublishedFile[]>();
export const publishedFiles = (site: PublicView): readonly PublishedFile[] => filesOf.get(site) ?? [];

const isPublic = (entry: Entry): boolean => entry.data.visibility === 'public';
const publicEntries = <E extends Entry>(entries: Iterable<E>): E[] => [...entries].filter(isPublic);

function publicView(model: Model): PublicView {
  const settings = model.settings;
  if (!settings) throw new Error('The public view needs valid organisation settings; run the checks first.');

  const policies = publicEntries(model.index.policies.values());
  const answers = publicEntries(model.index.answers.values());
  const certifications = publicEntries(model.index.certifications.values());
  const publicPolicyIds = new Set(policies.map((p) => p.id));
  const topics = topicAnchors(answers.map((a) => a.data.topic), [...PAGE_IDS, ...answers.map((a) => a.id)]);
  const anchorOf = new Map(topics.map((t) => [t.title, t.anchor]));
  const logo = model.settingsFiles['brand.logo'];
  const files: PublishedFile[] = [
    ...(logo ? [{ url: logoPath, source: logo }] : []),
    ...certifications.flatMap((c) => (c.files['certificateFile'] ? [{ url: certificatePath(c.id), source: c.files['certificateFile'] }] : [])),
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
      id: c.id,
      standard: c.standard,
      edition: c.edition,
      certificateNumber: c.certificateNumber,
      certificationBody: c.certificationBody,
      accreditationBody: c.accreditationBody,
      scope: c.scope,
      issued: c.issued,
      expires: c.expires,
      ...(named['certificateFile'] ? { certificate: { url: certificatePath(c.id), fileName: posix.basename(named['certificateFile'].path) } } : {}),
      surveillanceAudits: c.surveillanceAudits.map((a) => ({ planned: a.planned, ...(a.done ? { done: a.done } : {}) })),
    })),
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
