/** Status words shared by pages, cards, badges and trust.json, computed from `today`. */
import { CERTIFICATE_WARNING_DAYS, daysBetween } from '../model/dates.ts';
import { isSocReport, socReport, validityOf, type CertificationFields, type SocReportState } from '../model/certification-kinds.ts';
import { formatDate, inDays } from './dates.ts';
import type { PublicControl } from './view.ts';

/** The colour a status is shown in; the word always says it too. */
export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

/**
 * Where a certification or attestation stands. Certificates with an expiry are `valid`,
 * `expiring-soon` (90 days ahead) or `expired`; SOC reports are `current`, `ageing`, `bridged` or
 * `stale` by the age of their period (`model/certification-kinds.ts`); an attestation without an
 * expiry is `current`.
 */
export type CertificationState = 'valid' | 'expiring-soon' | 'expired' | SocReportState;

export function certificationState(cert: CertificationFields, today: string): CertificationState {
  if (isSocReport(cert)) return socReport(cert, today).state;
  const { expires } = validityOf(cert);
  if (!expires) return 'current';
  const left = daysBetween(today, expires.date);
  return left < 0 ? 'expired' : left <= CERTIFICATE_WARNING_DAYS ? 'expiring-soon' : 'valid';
}

export const certificationStateLabel: Record<CertificationState, string> = {
  valid: 'Valid',
  'expiring-soon': 'Expiring soon',
  expired: 'Expired',
  current: 'Current',
  ageing: 'Report ageing',
  bridged: 'Bridge letter',
  stale: 'Out of date',
};

/** Where it stands, in a sentence fit for a customer: `Valid until 13 March 2028.` */
export function certificationStatusText(cert: CertificationFields, today: string): string {
  const state = certificationState(cert, today);
  if (isSocReport(cert)) {
    const report = socReport(cert, today);
    const covers = cert.period ? `Report for ${formatDate(cert.period.from)} to ${formatDate(cert.period.to)}` : `Report as of ${formatDate(report.end.date)}`;
    if (state === 'bridged' && cert.bridgeLetter) return `${covers}; a bridge letter covers the time since, to ${formatDate(cert.bridgeLetter.through)}.`;
    if (state === 'ageing') return `${covers}; the next report is due.`;
    if (state === 'stale') return `${covers}, more than 12 months ago; no newer report is published.`;
    return `${covers}.`;
  }
  const { issued, expires } = validityOf(cert);
  if (!expires) return `Issued ${formatDate(issued.date)}.`;
  if (state === 'expired') return `Expired on ${formatDate(expires.date)}.`;
  if (state === 'expiring-soon') return `Valid until ${formatDate(expires.date)} (${inDays(daysBetween(today, expires.date))}).`;
  return `Valid until ${formatDate(expires.date)}.`;
}

/** The last surveillance audit done and the next one planned, if any. */
export function surveillance(cert: { surveillanceAudits: readonly { planned: string; done?: string | undefined }[] }): { last?: string; next?: string } {
  const done = cert.surveillanceAudits.flatMap((a) => (a.done ? [a.done] : [])).sort();
  const planned = cert.surveillanceAudits.filter((a) => !a.done).map((a) => a.planned).sort();
  return { ...(done.length ? { last: done.at(-1)! } : {}), ...(planned.length ? { next: planned[0]! } : {}) };
}

/**
 * Where a control stands. The first five come from an SoA entry; `missing` is a control
 * the SoA does not declare (the handbook shows it; the checks fail the build on it);
 * `undisclosed` is a control whose entry the trust center keeps internal.
 */
export type ControlState = 'implemented' | 'partial' | 'planned' | 'not-implemented' | 'excluded' | 'missing' | 'undisclosed';

/** The states an SoA entry can give, in the order the SoA filters list them. */
export const soaStates = ['implemented', 'partial', 'planned', 'not-implemented', 'excluded'] as const satisfies readonly ControlState[];
export type SoaState = (typeof soaStates)[number];

/** The state of a control from its SoA entry: excluded, or its implementation status (none given counts as not implemented). */
export function soaState(entry: { applicable: boolean; status?: SoaState | undefined }): SoaState {
  if (!entry.applicable) return 'excluded';
  return entry.status ?? 'not-implemented';
}

export const controlStateLabel: Record<ControlState, string> = {
  implemented: 'Implemented',
  partial: 'Partially implemented',
  planned: 'Planned',
  'not-implemented': 'Not implemented',
  excluded: 'Not applicable',
  missing: 'No SoA entry',
  undisclosed: 'Details on request',
};

export const toneOfControl = {
  implemented: 'good',
  partial: 'warn',
  planned: 'warn',
  'not-implemented': 'bad',
  excluded: 'neutral',
  missing: 'bad',
  undisclosed: 'neutral',
} as const satisfies Record<ControlState, Tone>;

/** A control's state with the word and the colour it is shown in. */
export interface ControlStatus<S extends ControlState = ControlState> {
  state: S;
  label: string;
  tone: Tone;
}

/** A state with its word and colour. */
export const controlStatusOf = <S extends ControlState>(state: S): ControlStatus<S> => ({ state, label: controlStateLabel[state], tone: toneOfControl[state] });

/**
 * A control's status in the handbook, from its SoA entry or the lack of one. The dashboard,
 * the SoA page, its exports and the control pages all ask this one function.
 */
export function controlStatus(entry: { applicable: boolean; status?: SoaState | undefined } | undefined): ControlStatus<SoaState | 'missing'> {
  return controlStatusOf(entry ? soaState(entry) : 'missing');
}

/** A control's status on the trust center, which shows only what the public view received. */
export function publicControlStatus(control: PublicControl): ControlStatus<SoaState | 'undisclosed'> {
  return controlStatusOf(controlState(control));
}

/** The state the trust center shows for a control (trust.json publishes it). */
export function controlState(control: PublicControl): SoaState | 'undisclosed' {
  if (!control.disclosed) return 'undisclosed';
  return soaState({ applicable: control.applicable ?? false, status: control.status });
}

export const toneOfCertificate = { valid: 'good', 'expiring-soon': 'warn', expired: 'bad', current: 'good', ageing: 'warn', bridged: 'good', stale: 'bad' } as const satisfies Record<CertificationState, Tone>;

export { formatDate } from './dates.ts';
