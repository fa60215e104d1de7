/** Status words shared by pages, cards, badges and trust.json, computed from `today`. */
import { CERTIFICATE_WARNING_DAYS, daysBetween } from '../model/dates.ts';
import type { PublicCertification, PublicControl } from './view.ts';

/** The colour a status is shown in; the word always says it too. */
export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export type CertificationState = 'valid' | 'expiring-soon' | 'expired';

export function certificationState(cert: Pick<PublicCertification, 'expires' | 'issued'>, today: string): CertificationState {
  const left = daysBetween(today, cert.expires);
  return left < 0 ? 'expired' : left <= CERTIFICATE_WARNING_DAYS ? 'expiring-soon' : 'valid';
}

export const certificationStateLabel: Record<CertificationState, string> = {
  valid: 'Valid',
  'expiring-soon': 'Expiring soon',
  expired: 'Expired',
};

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

export const toneOfCertificate = { valid: 'good', 'expiring-soon': 'warn', expired: 'bad' } as const satisfies Record<CertificationState, Tone>;

export { formatDate } from './dates.ts';
