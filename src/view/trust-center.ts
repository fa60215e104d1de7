/** What the trust center's pages show, worked out from the public view alone. */
import { annexAById, controls2013, themes } from '../model/catalog.ts';
import { certificationState, certificationStateLabel, publicControlStatus, surveillance, toneOfCertificate, type ControlStatus, type Tone } from './status.ts';
import { answerPath, controlPath, controlsThemePath, policyPath, publicPaths } from './urls.ts';
import type { PublicAnswer, PublicCertification, PublicControl, PublicSubprocessor, PublicUpdate, PublicView } from './view.ts';
import { formatDate } from './dates.ts';
import { agree, plural } from '../model/words.ts';

export interface CertificationCard {
  label: string;
  tone: Tone;
  lastAudit?: string;
  nextAudit?: string;
}

export function certificationCard(cert: PublicCertification, today: string): CertificationCard {
  const state = certificationState(cert, today);
  const audits = surveillance(cert);
  return {
    label: certificationStateLabel[state],
    tone: toneOfCertificate[state],
    ...(audits.last ? { lastAudit: audits.last } : {}),
    ...(audits.next ? { nextAudit: audits.next } : {}),
  };
}

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
