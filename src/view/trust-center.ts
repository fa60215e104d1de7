/** What the trust center's pages show, worked out from the public view alone. */
import { annexAById, controls2013, themes } from '../model/catalog.ts';
import { badgeName, certificationKindLabel, certificationName, validityOf } from '../model/certification-kinds.ts';
import { siteUrl } from '../model/text.ts';
import { certificationState, certificationStateLabel, certificationStatusText, publicControlStatus, surveillance, toneOfCertificate, type ControlStatus, type Tone } from './status.ts';
import { answerPath, badgePath, certificationAnchor, controlPath, controlsThemePath, documentAnchor, mailtoHref, policyPath, publicPaths, requestAccessHref } from './urls.ts';
import type { PublicAnswer, PublicCertification, PublicControl, PublicDocument, PublicSubprocessor, PublicUpdate, PublicView } from './view.ts';
import { formatDate } from './dates.ts';
import { agree, plural } from '../model/words.ts';

export interface ThemeOverview {
  id: string;
  title: string;
  href: string;
  total: number;
  /** Controls whose SoA entry the public view discloses. */
  disclosed: number;
  applicable: number;
  implemented: number;
  /** Percent of the applicable controls implemented. */
  progress: number;
}

export interface ControlOverview {
  themes: ThemeOverview[];
  /** All Annex A controls: 93. */
  total: number;
  disclosed: number;
  /** Controls whose SoA entry the organisation keeps internal: neither applicable nor excluded, as far as the public knows. */
  undisclosed: number;
  applicable: number;
  excluded: number;
  implemented: number;
}

/**
 * Controls by theme, counting only what the public view discloses: a control whose SoA entry
 * is internal counts as neither applicable, excluded nor implemented, but as undisclosed.
 */
export function controlOverview(site: PublicView): ControlOverview {
  const byTheme = themes.map((theme): ThemeOverview => {
    const controls = site.controls.filter((c) => c.theme === theme.id);
    const disclosed = controls.filter((c) => c.disclosed);
    const applicable = disclosed.filter((c) => c.applicable).length;
    const implemented = disclosed.filter((c) => c.applicable && c.status === 'implemented').length;
    return { id: theme.id, title: theme.title, href: controlsThemePath(theme.id), total: controls.length, disclosed: disclosed.length, applicable, implemented, progress: applicable ? Math.round((100 * implemented) / applicable) : 0 };
  });
  const sum = (key: 'total' | 'disclosed' | 'applicable' | 'implemented') => byTheme.reduce((n, t) => n + t[key], 0);
  const [total, disclosed, applicable] = [sum('total'), sum('disclosed'), sum('applicable')];
  return { themes: byTheme, total, disclosed, undisclosed: total - disclosed, applicable, excluded: disclosed - applicable, implemented: sum('implemented') };
}

/**
 * What the overview says in words. Only disclosed controls are counted as applying or not; when
 * some or all SoA entries are internal, it says so and that they are shared on request (the page
 * adds the contact), rather than counting them as not applicable.
 */
export function overviewText(overview: ControlOverview, org: string): { text: string; onRequest: boolean } {
  const { total, disclosed, undisclosed, applicable, implemented } = overview;
  const annexA = `${total} ISO/IEC 27001:2022 Annex A controls`;
  const applies = agree(applicable, 'applies', 'apply');
  const done = `${implemented} ${agree(implemented, 'is', 'are')} fully implemented`;
  if (disclosed === 0) return { text: `${org} does not publish its Statement of Applicability, which says which of the ${annexA} apply and how each is met. It is shared on request.`, onRequest: true };
  if (undisclosed === 0) return { text: `${applicable} of the ${annexA} ${applies} to ${org}; ${done}.`, onRequest: false };
  return {
    text: `${org} publishes the Statement of Applicability entries of ${disclosed} of the ${annexA}: ${applicable} of these ${applies} to ${org}, and ${done}. The entries of the other ${plural(undisclosed, 'control')} are shared on request.`,
    onRequest: true,
  };
}

/** The same in a few words, for a link preview or a tile: `81 of the 85 disclosed controls apply; 8 on request.` */
export function applicabilityInBrief(overview: ControlOverview): string {
  const { total, disclosed, undisclosed, applicable } = overview;
  if (disclosed === 0) return 'The Statement of Applicability is shared on request.';
  if (undisclosed === 0) return `${applicable} of the ${total} ${agree(applicable, 'applies', 'apply')}.`;
  return `${applicable} of the ${disclosed} disclosed ${agree(applicable, 'applies', 'apply')}; ${undisclosed} on request.`;
}

/** The tiles of the home page that lead to each section. */
export function sections(site: PublicView): { href: string; title: string; text: string }[] {
  const latest = site.updates[0];
  const onRequest = site.policiesOnRequest.length ? `, ${site.policiesOnRequest.length} more on request` : '';
  const overview = controlOverview(site);
  return [
    { href: publicPaths.controls, title: 'Controls', text: overview.disclosed ? `All ${overview.total} Annex A controls and how each is met.` : `The ${overview.total} Annex A controls; how each is met is shared on request.` },
    { href: publicPaths.policies, title: 'Policies', text: site.policies.length ? `${plural(site.policies.length, 'published policy', 'published policies')}${onRequest}.` : site.policiesOnRequest.length ? `No policy published yet; ${plural(site.policiesOnRequest.length, 'policy', 'policies')} on request.` : 'No policy published yet.' },
    { href: publicPaths.subprocessors, title: 'Subprocessors', text: site.subprocessors.length ? `${plural(site.subprocessors.length, 'third party', 'third parties')} that ${agree(site.subprocessors.length, 'processes', 'process')} customer data.` : 'No subprocessor listed yet.' },
    { href: publicPaths.documents, title: 'Documents', text: site.documents.length ? `Reports, certificates and agreements: ${documentsInBrief(site)}.` : 'No document listed yet.' },
    { href: publicPaths.answers, title: 'Questionnaire answers', text: site.answers.length ? `${plural(site.answers.length, 'answer')} to common security questions, each with a link to share.` : 'No answer published yet.' },
    { href: publicPaths.updates, title: 'Updates', text: latest ? `Latest: ${latest.title} (${formatDate(latest.date)}).` : 'Changes to certifications, policies and subprocessors.' },
  ];
}

export interface ControlListItem {
  id: string;
  title: string;
  href: string;
  status: ControlStatus;
  /** The public summary, or for an excluded control its public justification. */
  text?: string;
}

/** The controls page: each theme with its controls. */
export function controlList(site: PublicView): { id: string; title: string; controls: ControlListItem[] }[] {
  return themes.map((theme) => ({
    id: theme.id,
    title: theme.title,
    controls: site.controls
      .filter((c) => c.theme === theme.id)
      .map((c) => {
        const text = c.publicSummary ?? c.publicJustification;
        return { id: c.id, title: c.title, href: controlPath(c.id), status: publicControlStatus(c), ...(text ? { text } : {}) };
      }),
  }));
}

export interface ControlDetails {
  status: ControlStatus;
  /**
   * What the page says of an applicable control: its public summary, or without one a sentence
   * on where it stands (the status pill already gives the word) and that details are on request.
   */
  summary?: { text: string; onRequest: boolean };
  theme: { title: string; href: string };
  policies: { title: string; href: string }[];
  answers: { question: string; href: string }[];
  /** Its ISO/IEC 27001:2013 IDs. */
  formerly: string[];
}

export function controlDetails(site: PublicView, control: PublicControl): ControlDetails {
  const theme = themes.find((t) => t.id === control.theme)!;
  const summary = applicableSummary(control, site.organisation.name);
  return {
    status: publicControlStatus(control),
    ...(summary ? { summary } : {}),
    theme: { title: theme.title, href: controlsThemePath(theme.id) },
    policies: site.policies.filter((p) => control.policies.includes(p.id)).map((p) => ({ title: p.title, href: policyPath(p.id) })),
    answers: site.answers.filter((a) => control.answers.includes(a.id)).map((a) => ({ question: a.question, href: answerPath(a.id) })),
    formerly: Object.entries(controls2013)
      .filter(([, next]) => next.includes(control.id))
      .map(([old]) => old),
  };
}

/** The summary of a disclosed, applicable control; nothing for an excluded or undisclosed one. */
export function applicableSummary(control: PublicControl, org: string): { text: string; onRequest: boolean } | undefined {
  if (!control.disclosed || !control.applicable) return undefined;
  if (control.publicSummary) return { text: control.publicSummary, onRequest: false };
  const where = {
    implemented: `${org} has implemented this control.`,
    partial: `${org} has partially implemented this control.`,
    planned: control.targetDate ? `${org} plans to implement this control by ${formatDate(control.targetDate)}.` : `${org} plans to implement this control.`,
    'not-implemented': `This control applies to ${org} and is not implemented yet.`,
  }[control.status ?? 'not-implemented'];
  return { text: `${where} How it is met is shared on request.`, onRequest: true };
}

/** What an answer cites, each linked: its controls with their titles, and its public policies. */
export function answerCitations(site: PublicView, answer: PublicAnswer): { controls: { id: string; title?: string; href: string }[]; policies: { id: string; title: string; href: string }[] } {
  const policyTitle = new Map(site.policies.map((p) => [p.id, p.title]));
  return {
    controls: answer.controls.map((id) => {
      const title = annexAById.get(id)?.title;
      return { id, ...(title ? { title } : {}), href: controlPath(id) };
    }),
    policies: answer.policies.flatMap((id) => {
      const title = policyTitle.get(id);
      return title === undefined ? [] : [{ id, title, href: policyPath(id) }];
    }),
  };
}

/** The subprocessors by name, and the last day the list changed (a subprocessor added, or a notice of one removed). */
export function subprocessorList(site: PublicView): { subprocessors: PublicSubprocessor[]; lastChange?: string } {
  const subprocessors = [...site.subprocessors].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const changes = [...subprocessors.map((s) => s.since), ...site.updates.filter((u) => u.kind.startsWith('subprocessor-')).map((u) => u.date)].sort();
  const lastChange = changes.at(-1);
  return { subprocessors, ...(lastChange ? { lastChange } : {}) };
}

export const updateKindLabel: Record<PublicUpdate['kind'], string> = {
  'subprocessor-added': 'Subprocessor added',
  'subprocessor-removed': 'Subprocessor removed',
  'policy-revised': 'Policy revised',
  'certificate-renewed': 'Certificate renewed',
  notice: 'Notice',
};

// ---------------------------------------------------------------------------
// Certifications and attestations, documents, and the first screen of the home page

/** One fact of a card: a date (rendered as a `<time>`), or text with an optional link. */
export type Fact = { term: string } & ({ date: string; note?: string } | { text: string; href?: string });

export interface CertificationCardView {
  id: string;
  name: string;
  kindLabel: string;
  label: string;
  tone: Tone;
  /** Where it stands, in a sentence. */
  statusText: string;
  facts: Fact[];
  scope?: string;
  badge: string;
  /** The buttons under the card: the certificate to download, and documents of the certification to download or request. */
  actions: Action[];
}

/** A button or link: a download of the site's own file (with the name it saves as), an outside page, or a prefilled request. */
export interface Action {
  label: string;
  href: string;
  download?: string;
  /** True for a request for access (a mailto or a form), so that pages and tests can find it. */
  request?: boolean;
}

const criterionLabel: Record<string, string> = { security: 'Security', availability: 'Availability', 'processing-integrity': 'Processing integrity', confidentiality: 'Confidentiality', privacy: 'Privacy' };
const starLevel: Record<number, string> = { 1: 'Level 1 (self-assessment)', 2: 'Level 2 (third-party audit)', 3: 'Level 3 (continuous monitoring)' };
const hitrustAssessment = { e1: 'e1 (essentials, one year)', i1: 'i1 (implemented, one year)', r2: 'r2 (risk-based, two years)' } as const;

const org = (term: string, body: { name: string; url?: string | undefined }): Fact => ({ term, text: body.name, ...(body.url ? { href: body.url } : {}) });
const on = (term: string, date: string | undefined): Fact[] => (date ? [{ term, date }] : []);

/** The facts a card lists for each kind, in the order its auditors write them. */
export function certificationFacts(cert: PublicCertification): Fact[] {
  switch (cert.kind) {
    case 'iso': {
      const audits = surveillance(cert);
      return [
        { term: 'Certificate number', text: cert.certificateNumber },
        org('Certification body', cert.certificationBody),
        org('Accreditation', cert.accreditationBody),
        ...on('Issued', cert.issued),
        ...on('Expires', cert.expires),
        ...on('Last surveillance audit', audits.last),
        ...(audits.next ? [{ term: 'Next surveillance audit', date: audits.next, note: '(planned)' }] : []),
      ];
    }
    case 'soc2':
    case 'soc1':
      return [
        { term: 'Type', text: cert.type === 'type-1' ? 'Type I (design at a point in time)' : 'Type II (operation over a period)' },
        ...(cert.period ? [{ term: 'Period', text: `${formatDate(cert.period.from)} to ${formatDate(cert.period.to)}` }] : on('As of', cert.asOf)),
        org('Auditor', cert.auditor),
        ...on('Report date', cert.issued),
        ...(cert.kind === 'soc2' ? [{ term: 'Trust services criteria', text: cert.criteria.map((c) => criterionLabel[c] ?? c).join(', ') }] : []),
        ...(cert.bridgeLetter ? [{ term: 'Bridge letter', text: `Covers ${formatDate(cert.bridgeLetter.through)} (dated ${formatDate(cert.bridgeLetter.issued)})` }] : []),
      ];
    case 'pci-dss': {
      const { expires } = validityOf(cert);
      return [
        { term: 'Version', text: cert.version },
        { term: 'Level', text: `Level ${cert.level}` },
        ...on('Attestation of Compliance', cert.aocDate),
        ...(cert.qsa ? [org('Qualified Security Assessor', cert.qsa)] : [{ term: 'Assessment', text: 'Self-assessment questionnaire' }]),
        ...on('Valid until', expires?.date),
      ];
    }
    case 'csa-star':
      return [
        { term: 'Level', text: starLevel[cert.level] ?? `Level ${cert.level}` },
        ...(cert.auditor ? [org('Auditor', cert.auditor)] : []),
        ...on('Issued', cert.issued),
        ...on('Expires', cert.expires),
        ...(cert.registryUrl ? [{ term: 'STAR registry', text: 'Entry in the registry', href: cert.registryUrl }] : []),
      ];
    case 'hipaa':
      return [org('Assessor', cert.assessor), ...on('Assessed', cert.issued), ...on('Valid until', cert.expires)];
    case 'hitrust':
      return [{ term: 'Assessment', text: hitrustAssessment[cert.assessment] }, org('Assessor', cert.assessor), ...on('Issued', cert.issued), ...on('Expires', cert.expires)];
    case 'cyber-essentials':
      return [{ term: 'Certificate number', text: cert.certificateNumber }, org('Certification body', cert.certificationBody), ...on('Issued', cert.issued), ...on('Expires', cert.expires)];
    case 'tisax':
      return [
        { term: 'Assessment level', text: cert.assessmentLevel },
        { term: 'Labels', text: cert.labels.join(', ') },
        { term: 'Scope id', text: cert.scopeId },
        org('Audit provider', cert.auditProvider),
        ...on('Issued', cert.issued),
        ...on('Expires', cert.expires),
      ];
    case 'other':
      return [org('Issuer', cert.issuer), ...on('Issued', cert.issued), ...on('Expires', cert.expires), ...(cert.url ? [{ term: 'Verification', text: 'Where to verify it', href: cert.url }] : [])];
  }
}

export function certificationCardView(site: PublicView, cert: PublicCertification, today: string): CertificationCardView {
  const state = certificationState(cert, today);
  const name = certificationName(cert);
  return {
    id: cert.id,
    name,
    kindLabel: certificationKindLabel[cert.kind],
    label: certificationStateLabel[state],
    tone: toneOfCertificate[state],
    statusText: certificationStatusText(cert, today),
    facts: certificationFacts(cert),
    ...(cert.scope ? { scope: cert.scope } : {}),
    badge: badgePath(cert.id),
    actions: [
      ...(cert.certificate ? [{ label: 'Download the certificate', href: cert.certificate.url, download: cert.certificate.fileName }] : []),
      ...site.documents.filter((d) => d.certification === cert.id).map((d) => documentAction(site, d)),
    ],
  };
}

export const documentKindLabel: Record<PublicDocument['kind'], string> = {
  report: 'Report',
  certificate: 'Certificate',
  policy: 'Policy',
  'pen-test-summary': 'Penetration test summary',
  dpa: 'Data processing agreement',
  insurance: 'Insurance certificate',
  whitepaper: 'Whitepaper',
  architecture: 'Architecture overview',
  other: 'Document',
};

export const documentAccessLabel: Record<PublicDocument['access'], string> = { public: 'Download', 'on-request': 'On request', nda: 'Under NDA' };
const accessTone: Record<PublicDocument['access'], Tone> = { public: 'good', 'on-request': 'neutral', nda: 'neutral' };

/** The one action a document offers: its download when public, else a prefilled request for it. */
export function documentAction(site: PublicView, doc: PublicDocument): Action {
  if (doc.download) return { label: `Download ${doc.title}`, href: doc.download.url, ...(doc.download.fileName ? { download: doc.download.fileName } : {}) };
  const o = site.organisation;
  return { label: `Request access to ${doc.title}`, href: requestAccessHref(o.contact, o.name, siteUrl(o.publicUrl, documentAnchor(doc.id)), doc), request: true };
}

export interface DocumentItem {
  id: string;
  title: string;
  kindLabel: string;
  accessLabel: string;
  accessTone: Tone;
  description?: string;
  validUntil?: string;
  updated: string;
  /** The certification it belongs to, with the link to its card. */
  certification?: { name: string; href: string };
  action: Action;
}

export function documentItems(site: PublicView): DocumentItem[] {
  const certs = new Map(site.certifications.map((c) => [c.id, c]));
  return site.documents.map((d) => {
    const cert = d.certification ? certs.get(d.certification) : undefined;
    return {
      id: d.id,
      title: d.title,
      kindLabel: documentKindLabel[d.kind],
      accessLabel: documentAccessLabel[d.access],
      accessTone: accessTone[d.access],
      ...(d.description ? { description: d.description } : {}),
      ...(d.validUntil ? { validUntil: d.validUntil } : {}),
      updated: d.updated,
      ...(cert ? { certification: { name: certificationName(cert), href: certificationAnchor(cert.id) } } : {}),
      action: documentAction(site, d),
    };
  });
}

/** `2 to download, 3 on request`. */
export function documentsInBrief(site: PublicView): string {
  const open = site.documents.filter((d) => d.access === 'public').length;
  const closed = site.documents.length - open;
  return [open ? `${open} to download` : '', closed ? `${closed} on request` : ''].filter(Boolean).join(', ');
}

/** Documents the home page shows before the link to the library. */
export const HOME_DOCUMENTS = 4;

export interface FrontDoor {
  badges: { id: string; name: string; badge: string; label: string; tone: Tone; statusText: string; href: string }[];
  /** Download certificate (each public one), Request access, Contact security. */
  actions: Action[];
  documents: DocumentItem[];
  /** Documents the library holds beyond those shown. */
  moreDocuments: number;
  subscribe: { feed: string; email?: string };
}

/** The first screen of the home page: every certification with its status, the primary buttons, a few documents and how to follow updates. */
export function frontDoor(site: PublicView, today: string): FrontDoor {
  const o = site.organisation;
  const documents = documentItems(site);
  return {
    badges: site.certifications.map((c) => {
      const state = certificationState(c, today);
      return { id: c.id, name: certificationName(c), badge: badgePath(c.id), label: certificationStateLabel[state], tone: toneOfCertificate[state], statusText: certificationStatusText(c, today), href: certificationAnchor(c.id) };
    }),
    actions: [
      ...site.certifications.flatMap((c) => (c.certificate ? [{ label: `Download ${badgeName(c)} certificate`, href: c.certificate.url, download: c.certificate.fileName }] : [])),
      { label: 'Request access', href: requestAccessHref(o.contact, o.name, siteUrl(o.publicUrl, publicPaths.documents)), request: true },
      { label: 'Contact security', href: mailtoHref(o.contact.email) },
    ],
    documents: documents.slice(0, HOME_DOCUMENTS),
    moreDocuments: Math.max(0, documents.length - HOME_DOCUMENTS),
    subscribe: { feed: publicPaths.feed, ...(o.contact.subscribeUrl ? { email: o.contact.subscribeUrl } : {}) },
  };
}
