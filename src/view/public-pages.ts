/**
 * The pages of the trust center and what each shows in a link preview. One list drives
 * the sitemap, the Open Graph images and the tests that every page exists.
 */
import { themes } from '../model/catalog.ts';
import { certificationName } from '../model/certification-kinds.ts';
import { certificationState, certificationStateLabel, publicControlStatus, toneOfCertificate, type Tone } from './status.ts';
import { answerPath, controlPath, policyPath, publicPaths } from './urls.ts';
import { markdownText } from '../load/markdown.ts';
import { applicabilityInBrief, applicableSummary, controlOverview, documentsInBrief } from './trust-center.ts';
import type { PublicView } from './view.ts';

export type { Tone } from './status.ts';

export interface PublicPage {
  path: string;
  title: string;
  description: string;
  /** What the link-preview card shows. */
  card: { eyebrow: string; title: string; status?: string; tone: Tone };
}


export function publicPages(site: PublicView, today: string): PublicPage[] {
  const org = site.organisation.name;
  const cert = site.certifications[0];
  const certStatus = cert
    ? { status: `${certificationName(cert)} · ${certificationStateLabel[certificationState(cert, today)]}`, tone: toneOfCertificate[certificationState(cert, today)] }
    : { tone: 'neutral' as const };
  const section = (path: string, title: string, description: string): PublicPage => ({ path, title, description, card: { eyebrow: `${org} Trust Center`, title, tone: 'neutral' } });
  const overview = controlOverview(site);

  return [
    { path: publicPaths.home, title: `${org} Trust Center`, description: site.organisation.description, card: { eyebrow: 'Trust Center', title: org, ...certStatus } },
    section(publicPaths.controls, 'ISO/IEC 27001 Annex A controls', `How ${org} meets the ${overview.total} controls of ISO/IEC 27001:2022 Annex A. ${applicabilityInBrief(overview)}`),
    ...site.controls.map((c): PublicPage => {
      const status = publicControlStatus(c);
      return {
        path: controlPath(c.id),
        title: `${c.id} ${c.title}`,
        description: applicableSummary(c, org)?.text ?? c.publicJustification ?? `${status.label} — ${themes.find((t) => t.id === c.theme)!.title}.`,
        card: { eyebrow: `${org} · ISO/IEC 27001 ${c.id}`, title: c.title, status: status.label, tone: status.tone },
      };
    }),
    section(publicPaths.policies, 'Security policies', site.policies.length ? `The information security policies ${org} publishes.` : `${org} has not published a policy yet.`),
    ...site.policies.map((p): PublicPage => ({
      path: policyPath(p.id),
      title: p.title,
      description: p.summary ?? `${p.title}, version ${p.version}.`,
      card: { eyebrow: `${org} · Policy`, title: p.title, status: `Version ${p.version}`, tone: 'neutral' },
    })),
    section(publicPaths.subprocessors, 'Subprocessors', `Third parties that process customer data on behalf of ${org}.`),
    section(publicPaths.answers, 'Security questionnaire answers', `Answers to common security questionnaire questions about ${org}.`),
    ...site.answers.map((a): PublicPage => ({
      path: answerPath(a.id),
      title: a.question,
      description: truncateWords(markdownText(a.answer), 200),
      card: { eyebrow: `${org} · ${a.topic}`, title: a.question, tone: 'neutral' },
    })),
    section(publicPaths.documents, 'Documents', site.documents.length ? `Reports, certificates and agreements of ${org}: ${documentsInBrief(site)}.` : `${org} has not listed a document yet.`),
    section(publicPaths.updates, 'Updates', `Changes to ${org}'s certifications, policies and subprocessors.`),
    section(publicPaths.search, 'Search', `Search ${org}'s trust center.`),
  ];
}

/** Text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}
