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
import type { CertificationKind } from '../model/schemas.ts';
import { certificationName, compareCertifications, describeCertification, issuerOf, referenceOf, validityOf } from '../model/certification-kinds.ts';
import { certificationState, certificationStateLabel, certificationStatusText, controlStateLabel, controlStatus, soaStates, surveillance, toneOfCertificate, toneOfControl, type ControlStatus, type SoaState, type Tone } from './status.ts';
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
  /** `ISO/IEC 27001:2022`, `SOC 2 Type II`. */
  name: string;
  kind: CertificationKind;
  label: string;
  tone: Tone;
  /** The number or id it carries (`Certificate number`, `IS 781204`), when it has one. */
  reference?: { label: string; value: string };
  /** Who certified, audited or attested it. */
  issuer?: { role: string; name: string };
  /** Where it stands, in a sentence. */
  statusText: string;
  /** Its expiry, when it has one. */
  expires?: { date: string; when: string };
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
  const certifications = [...model.index.certifications.values()].sort(compareCertifications);
  const summaries = certifications.map(({ id, data: c }): CertificateSummary => {
    const state = certificationState(c, today);
    const audits = surveillance(c.kind === 'iso' ? c : { surveillanceAudits: [] });
    const reference = referenceOf(c);
    const issuer = issuerOf(c);
    const { expires } = validityOf(c);
    return {
      id,
      name: certificationName(c),
      kind: c.kind,
      label: certificationStateLabel[state],
      tone: toneOfCertificate[state],
      ...(reference ? { reference } : {}),
      ...(issuer ? { issuer: { role: issuer.role, name: issuer.name } } : {}),
      statusText: certificationStatusText(c, today),
      ...(expires ? { expires: { date: expires.date, when: inDays(daysBetween(today, expires.date)) } } : {}),
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
      c.kind !== 'iso'
        ? []
        : c.surveillanceAudits
            .filter((a) => !a.done && within(a.planned))
            .map((a): Deadline => ({ date: a.planned, label: `${certificationName(c)} surveillance audit`, href: certificationHref, kind: 'audit' })),
    ),
    ...controls
      .filter((c) => c.status.state === 'planned' && c.node.soa?.data.targetDate && within(c.node.soa.data.targetDate))
      .map(({ node }): Deadline => ({ date: node.soa!.data.targetDate!, label: `${node.control.id} ${node.control.title} target date`, href: controlPath(node.control.id), kind: 'target' })),
    ...certifications.flatMap(({ data: c }): Deadline[] => {
      const { expires } = validityOf(c);
      return expires && within(expires.date) ? [{ date: expires.date, label: `${describeCertification(c)} expires`, href: certificationHref, kind: 'expiry' }] : [];
    }),
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
      certifications.flatMap(({ id, data: c }) => {
        const { issued, expires } = validityOf(c);
        if (!expires) return [];
        const reference = referenceOf(c);
        return [{
          id,
          label: reference ? `${certificationName(c)} · ${reference.value}` : certificationName(c),
          issued: issued.date,
          expires: expires.date,
          audits: c.kind === 'iso' ? c.surveillanceAudits.map((a) => (a.done ? { planned: a.planned, done: a.done } : { planned: a.planned })) : [],
        }];
      }),
    ),
    attention: attention(model, diagnostics),
    exceptions: activeExceptions(model, today),
  };
}
