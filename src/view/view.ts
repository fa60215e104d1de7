/**
 * The one audience projection. `view(model, 'public')` is the only place that decides
 * what the public may see: it copies the public entities field by field, naming each
 * field it keeps, so that a field added to a schema later stays internal until someone
 * decides otherwise here. Pages never filter on their own.
 */
import type { Entry } from '../load/loader.ts';
import type { Model } from '../link/linker.ts';
import type { AnnexAControl, Theme } from '../model/catalog.ts';
import type { Answer, Certification, Policy, Settings, Subprocessor, Update } from '../model/schemas.ts';

export type Audience = 'public' | 'internal';

/** Reference fields whose targets the public site shows (and so must be public themselves). */
export const publicReferenceFields = [{ from: 'answers', field: 'policies' }] as const;

export interface PublicOrganisation {
  name: string;
  legalName: string;
  description: string;
  publicUrl: string;
  contact: Settings['contact'];
  brand: Settings['brand'];
  security: Settings['security'];
  listInternalPolicies: boolean;
}

export type PublicCertification = Omit<Certification, 'surveillanceAudits' | 'visibility'> & {
  surveillanceAudits: { planned: string; done?: string }[];
};

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

export type PublicPolicy = Omit<Policy, 'owner' | 'approver' | 'visibility'> & { body: string; file: string };
export type PublicAnswer = Omit<Answer, 'visibility'>;
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
  updates: PublicUpdate[];
}

export function view(model: Model, audience: 'public'): PublicView;
export function view(model: Model, audience: 'internal'): Model;
export function view(model: Model, audience: Audience): PublicView | Model {
  return audience === 'internal' ? model : publicView(model);
}

const isPublic = (entry: Entry): boolean => entry.data.visibility === 'public';
const publicEntries = <E extends Entry>(entries: Iterable<E>): E[] => [...entries].filter(isPublic);

function publicView(model: Model): PublicView {
  const settings = model.settings;
  if (!settings) throw new Error('The public view needs valid organisation settings; run the checks first.');

  const policies = publicEntries(model.index.policies.values());
  const answers = publicEntries(model.index.answers.values());
  const publicPolicyIds = new Set(policies.map((p) => p.id));

  return {
    audience: 'public',
    organisation: {
      name: settings.organisation.name,
      legalName: settings.organisation.legalName ?? settings.organisation.name,
      description: settings.organisation.description,
      publicUrl: settings.sites.public,
      contact: settings.contact,
      brand: settings.brand,
      security: settings.security,
      listInternalPolicies: settings.listInternalPolicies,
    },
    certifications: publicEntries(model.index.certifications.values()).map(({ data: c }) => ({
      id: c.id,
      standard: c.standard,
      edition: c.edition,
      certificateNumber: c.certificateNumber,
      certificationBody: c.certificationBody,
      accreditationBody: c.accreditationBody,
      scope: c.scope,
      issued: c.issued,
      expires: c.expires,
      ...(c.certificateFile ? { certificateFile: c.certificateFile } : {}),
      surveillanceAudits: c.surveillanceAudits.map((a) => ({ planned: a.planned, ...(a.done ? { done: a.done } : {}) })),
    })),
    controls: model.controls.map(({ control, soa, policies: related, answers: citing }) =>
      publicControl(control, soa && isPublic(soa) ? soa : undefined, related.filter((p) => publicPolicyIds.has(p.id)).map((p) => p.id), citing.filter(isPublic).map((a) => a.id)),
    ),
    policies: policies.map(({ data: p, body, absPath }) => ({
      id: p.id,
      title: p.title,
      ...(p.summary ? { summary: p.summary } : {}),
      version: p.version,
      approved: p.approved,
      effective: p.effective,
      reviewIntervalMonths: p.reviewIntervalMonths,
      nextReview: p.nextReview,
      controls: p.controls,
      clauses: p.clauses,
      aliases: p.aliases,
      body,
      file: absPath,
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
    })),
    updates: publicEntries(model.index.updates.values())
      .map(({ data: u }) => ({ id: u.id, date: u.date, title: u.title, kind: u.kind, body: u.body }))
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
  };
}

function publicControl(control: AnnexAControl, soa: Entry<'soa'> | undefined, policies: string[], answers: string[]): PublicControl {
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
