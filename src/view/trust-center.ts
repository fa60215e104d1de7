/** What the trust center's pages show, worked out from the public view alone. */
import { annexAById, controls2013, themes } from '../model/catalog.ts';
import { certificationState, certificationStateLabel, publicControlStatus, surveillance, toneOfCertificate, type ControlStatus, type Tone } from './status.ts';
import { answerPath, controlPath, controlsThemePath, policyPath, publicPaths } from './urls.ts';
import type { PublicAnswer, PublicCertification, PublicControl, PublicSubprocessor, PublicUpdate, PublicView } from './view.ts';
import { formatDate } from './dates.ts';

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
  applicable: number;
  implemented: number;
  /** Percent of the applicable controls implemented. */
  progress: number;
}

/**
 * Controls by theme, counting only what the public view discloses: a control whose SoA entry
 * is internal counts as neither applicable nor implemented.
 */
export function controlOverview(site: PublicView): { themes: ThemeOverview[]; applicable: number; implemented: number } {
  const byTheme = themes.map((theme): ThemeOverview => {
    const controls = site.controls.filter((c) => c.theme === theme.id);
    const applicable = controls.filter((c) => c.applicable).length;
    const implemented = controls.filter((c) => c.applicable && c.status === 'implemented').length;
    return { id: theme.id, title: theme.title, href: controlsThemePath(theme.id), total: controls.length, applicable, implemented, progress: applicable ? Math.round((100 * implemented) / applicable) : 0 };
  });
  return { themes: byTheme, applicable: byTheme.reduce((n, t) => n + t.applicable, 0), implemented: byTheme.reduce((n, t) => n + t.implemented, 0) };
}

/** The tiles of the home page that lead to each section. */
export function sections(site: PublicView): { href: string; title: string; text: string }[] {
  const latest = site.updates[0];
  return [
    { href: publicPaths.controls, title: 'Controls', text: `All ${site.controls.length} Annex A controls and how each is met.` },
    { href: publicPaths.policies, title: 'Policies', text: `${site.policies.length} published policies${site.policiesOnRequest.length ? `, ${site.policiesOnRequest.length} more on request` : ''}.` },
    { href: publicPaths.subprocessors, title: 'Subprocessors', text: `${site.subprocessors.length} third parties that process customer data.` },
    { href: publicPaths.answers, title: 'Questionnaire answers', text: `${site.answers.length} answers to common security questions, each with a link to share.` },
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
  theme: { title: string; href: string };
  policies: { title: string; href: string }[];
  answers: { question: string; href: string }[];
  /** Its ISO/IEC 27001:2013 IDs. */
  formerly: string[];
}

export function controlDetails(site: PublicView, control: PublicControl): ControlDetails {
  const theme = themes.find((t) => t.id === control.theme)!;
  return {
    status: publicControlStatus(control),
    theme: { title: theme.title, href: controlsThemePath(theme.id) },
    policies: site.policies.filter((p) => control.policies.includes(p.id)).map((p) => ({ title: p.title, href: policyPath(p.id) })),
    answers: site.answers.filter((a) => control.answers.includes(a.id)).map((a) => ({ question: a.question, href: answerPath(a.id) })),
    formerly: Object.entries(controls2013)
      .filter(([, next]) => next.includes(control.id))
      .map(([old]) => old),
  };
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
