/**
 * The handbook's dashboard as figures: posture, status by theme, evidence freshness, the
 * deadlines of the coming days, the certification cycle and what needs attention. The page
 * only lays these out.
 */
import { daysBetween } from '../model/dates.ts';
import { themes } from '../model/catalog.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { attention, CERTIFICATION_ANCHOR, type Attention } from './attention.ts';
import { calendar, type Calendar, type Deadline } from './calendar.ts';
import { activeExceptions, type ExceptionRow } from './exceptions.ts';
import { inDays, windowEnd } from './dates.ts';
import { evidenceDue, freshnessLabel, freshnessTone, reviewDue, type Freshness } from './freshness.ts';
import { certificationState, certificationStateLabel, controlStateLabel, controlStatus, soaStates, surveillance, toneOfCertificate, toneOfControl, type ControlStatus, type SoaState, type Tone } from './status.ts';
import { timeline, type Timeline } from './timeline.ts';
import { controlPath, evidencePath, internalPaths, policyPath, soaStatusPath, soaThemePath } from './urls.ts';
import type { Entry, InternalView } from './view.ts';

/** Days the calendar looks ahead, today included. */
export const HORIZON_DAYS = 90;
/** How many evidence items the "next to go stale" list shows. */
export const NEXT_STALE_COUNT = 5;

/** The states the handbook shows a control in. */
type HandbookState = SoaState | 'missing';

export interface Stat {
  label: string;
  value: number;
  detail: string;
  /** A control state's tone, or the accent colour for the count of applicable controls. */
  tone: Tone | 'accent';
  href: string;
}

export interface BarSegment {
  label: string;
  value: number;
  tone: Tone;
}

export interface BarRow {
  label: string;
  href?: string;
  segments: BarSegment[];
}

export interface ControlItem {
  id: string;
  title: string;
  href: string;
  status: ControlStatus;
  targetDate?: string;
}

export interface StaleItem {
  title: string;
  href: string;
  label: string;
  tone: Tone;
  /** `went stale` or `goes stale`. */
  verb: string;
  due: string;
  /** `in 12 days`, `3 days ago`. */
  when: string;
}

export interface CertificateSummary {
  id: string;
  /** `ISO/IEC 27001:2022`. */
  name: string;
  label: string;
  tone: Tone;
  certificateNumber: string;
  certificationBody: string;
  expires: string;
  expiresIn: string;
  lastAudit?: string;
  nextAudit?: { date: string; when: string };
}

export interface Dashboard {
  organisation: string;
  today: string;
  posture: {
    /** Controls in the Annex A catalog. */
    total: number;
    applicable: number;
    implemented: number;
    /** Percent of applicable controls implemented. */
    progress: number;
    stats: Stat[];
  };
  byTheme: BarRow[];
  /** Controls not yet fully implemented (excluded ones aside): no SoA entry first, then the furthest behind, soonest target first. */
  inProgress: ControlItem[];
  evidence: { total: number; fresh: number; rows: BarRow[]; nextStale: StaleItem[] };
  horizon: { days: number; end: string; calendar: Calendar };
  certifications: CertificateSummary[];
  /** The first certificate's state, for the summary at the top. */
  primaryCertificate?: { label: string; tone: Tone };
  timeline: Timeline;
  attention: Attention;
  /** Exceptions in force: known gaps accepted until a date, the first to expire first. */
  exceptions: ExceptionRow[];
}

const evidenceKinds: Record<Entry<'evidence'>['data']['kind'], string> = {
  document: 'Documents',
  report: 'Reports',
  ticket: 'Tickets',
  screenshot: 'Screenshots',
  'automated-check': 'Automated checks',
  record: 'Records',
};

/** How far a state is from done: the order of the "not yet fully implemented" list. */
const stateRank: Record<HandbookState, number> = { missing: 0, 'not-implemented': 1, planned: 2, partial: 3, implemented: 4, excluded: 5 };

const certificateName = (c: { standard: string; edition: string }) => `${c.standard}:${c.edition}`;

export function dashboard(model: InternalView, diagnostics: readonly Diagnostic[], today: string): Dashboard {
  // Posture: one pass over the 93 controls.
  const controls = model.controls.map((node) => ({ node, status: controlStatus(node.soa?.data) }));
  const count = (state: HandbookState, theme?: string) => controls.filter((c) => c.status.state === state && (!theme || c.node.control.theme === theme)).length;
  const applicable = controls.filter((c) => c.node.soa?.data.applicable).length;
  const implemented = count('implemented');
  const missing = count('missing');
  const share = (n: number) => (applicable ? `${Math.round((n / applicable) * 100)}% of applicable` : '–');
  const stat = (state: HandbookState, detail: string): Stat => ({ label: controlStateLabel[state], value: count(state), detail, tone: toneOfControl[state], href: soaStatusPath(state) });
  const stats: Stat[] = [
    { label: 'Applicable', value: applicable, detail: `of ${model.controls.length} Annex A controls`, tone: 'accent', href: internalPaths.soa },
    ...(['implemented', 'partial', 'planned', 'not-implemented'] as const).map((state) => stat(state, share(count(state)))),
    stat('excluded', 'with a justification'),
    ...(missing ? [stat('missing', 'must be declared')] : []),
  ];
  // The states a bar shows: "No SoA entry" only when some control has none.
  const barStates: HandbookState[] = [...soaStates, ...(missing ? (['missing'] as const) : [])];
  const byTheme = themes.map((theme) => ({
    label: theme.title,
    href: soaThemePath(theme.id),
    segments: barStates.map((state) => ({ label: controlStateLabel[state], value: count(state, theme.id), tone: toneOfControl[state] })),
  }));
  const inProgress = controls
    .filter((c) => c.status.state !== 'implemented' && c.status.state !== 'excluded')
    .sort((a, b) => stateRank[a.status.state] - stateRank[b.status.state] || (a.node.soa?.data.targetDate ?? '9999').localeCompare(b.node.soa?.data.targetDate ?? '9999'))
    .map(({ node, status }): ControlItem => ({
      id: node.control.id,
      title: node.control.title,
      href: controlPath(node.control.id),
      status,
      ...(node.soa?.data.targetDate ? { targetDate: node.soa.data.targetDate } : {}),
    }));

  // Evidence freshness, from the same function the checks use.
  const evidence = [...model.index.evidence.values()].map((entry) => ({ entry, due: evidenceDue(entry.data, today) }));
  const segments = (items: typeof evidence): BarSegment[] =>
    (['fresh', 'due-soon', 'stale'] as const satisfies readonly Freshness[]).map((state) => ({ label: freshnessLabel[state], value: items.filter((e) => e.due.state === state).length, tone: freshnessTone[state] }));
  const evidenceRows: BarRow[] = [
    { label: 'All evidence', href: internalPaths.evidence, segments: segments(evidence) },
    ...Object.entries(evidenceKinds)
      .map(([kind, label]) => ({ label, items: evidence.filter((e) => e.entry.data.kind === kind) }))
      .filter((row) => row.items.length > 0)
      .map((row) => ({ label: row.label, segments: segments(row.items) })),
  ];
  const nextStale = [...evidence]
    .sort((a, b) => a.due.daysLeft - b.due.daysLeft || a.entry.id.localeCompare(b.entry.id))
    .slice(0, NEXT_STALE_COUNT)
    .map(({ entry, due }): StaleItem => ({
      title: entry.data.title,
      href: evidencePath(entry.id),
      label: freshnessLabel[due.state],
      tone: freshnessTone[due.state],
      verb: due.state === 'stale' ? 'went stale' : 'goes stale',
      due: due.due,
      when: inDays(due.daysLeft),
    }));

  // Certification.
  const certifications = [...model.index.certifications.values()];
  const summaries = certifications.map(({ id, data: c }): CertificateSummary => {
    const state = certificationState(c, today);
    const audits = surveillance(c);
    return {
      id,
      name: certificateName(c),
      label: certificationStateLabel[state],
      tone: toneOfCertificate[state],
      certificateNumber: c.certificateNumber,
      certificationBody: c.certificationBody.name,
      expires: c.expires,
      expiresIn: inDays(daysBetween(today, c.expires)),
      ...(audits.last ? { lastAudit: audits.last } : {}),
      ...(audits.next ? { nextAudit: { date: audits.next, when: inDays(daysBetween(today, audits.next)) } } : {}),
    };
  });

  // The next days' deadlines.
  const end = windowEnd(today, HORIZON_DAYS);
  const within = (date: string) => date >= today && date <= end;
  const certificationHref = `#${CERTIFICATION_ANCHOR}`;
  const deadlines: Deadline[] = [
    ...evidence.filter((e) => within(e.due.due)).map((e): Deadline => ({ date: e.due.due, label: e.entry.data.title, href: evidencePath(e.entry.id), kind: 'evidence' })),
    ...[...model.index.policies.values()]
      .map((p) => ({ p, due: reviewDue(p.data, today) }))
      .filter(({ due }) => within(due.due))
      .map(({ p, due }): Deadline => ({ date: due.due, label: `${p.data.title} review`, href: policyPath(p.id), kind: 'review' })),
    ...certifications.flatMap(({ data: c }) =>
      c.surveillanceAudits
        .filter((a) => !a.done && within(a.planned))
        .map((a): Deadline => ({ date: a.planned, label: `${certificateName(c)} surveillance audit`, href: certificationHref, kind: 'audit' })),
    ),
    ...controls
      .filter((c) => c.status.state === 'planned' && c.node.soa?.data.targetDate && within(c.node.soa.data.targetDate))
      .map(({ node }): Deadline => ({ date: node.soa!.data.targetDate!, label: `${node.control.id} ${node.control.title} target date`, href: controlPath(node.control.id), kind: 'target' })),
    ...certifications
      .filter(({ data: c }) => within(c.expires))
      .map(({ data: c }): Deadline => ({ date: c.expires, label: `${certificateName(c)} certificate ${c.certificateNumber} expires`, href: certificationHref, kind: 'expiry' })),
  ];

  const primary = summaries[0];
  return {
    organisation: model.settings?.organisation.name ?? '',
    today,
    posture: { total: model.controls.length, applicable, implemented, progress: applicable ? Math.round((implemented / applicable) * 100) : 0, stats },
    byTheme,
    inProgress,
    evidence: { total: evidence.length, fresh: evidence.filter((e) => e.due.state === 'fresh').length, rows: evidenceRows, nextStale },
    horizon: { days: HORIZON_DAYS, end, calendar: calendar(today, HORIZON_DAYS, deadlines) },
    certifications: summaries,
    ...(primary ? { primaryCertificate: { label: `Certificate: ${primary.label.toLowerCase()}`, tone: primary.tone } } : {}),
    // Only the dates of the audits: their notes stay out of anything a chart or a label might show.
    timeline: timeline(
      today,
      certifications.map(({ id, data: c }) => ({
        id,
        label: `${certificateName(c)} · ${c.certificateNumber}`,
        issued: c.issued,
        expires: c.expires,
        audits: c.surveillanceAudits.map((a) => (a.done ? { planned: a.planned, done: a.done } : { planned: a.planned })),
      })),
    ),
    attention: attention(model, diagnostics),
    exceptions: activeExceptions(model, today),
  };
}
