/** Status words shared by pages, cards, badges and trust.json, computed from `today`. */
import { CERTIFICATE_WARNING_DAYS, daysBetween } from '../model/dates.ts';
import type { PublicCertification, PublicControl } from './view.ts';

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
export function surveillance(cert: PublicCertification): { last?: string; next?: string } {
  const done = cert.surveillanceAudits.flatMap((a) => (a.done ? [a.done] : [])).sort();
  const planned = cert.surveillanceAudits.filter((a) => !a.done).map((a) => a.planned).sort();
  return { ...(done.length ? { last: done.at(-1)! } : {}), ...(planned.length ? { next: planned[0]! } : {}) };
}

export type ControlState = 'implemented' | 'partial' | 'planned' | 'not-implemented' | 'excluded' | 'undisclosed';

/** The state of a control from its SoA entry: excluded, or its implementation status (none given counts as not implemented). */
export function soaState(entry: { applicable: boolean; status?: ControlState | undefined }): Exclude<ControlState, 'undisclosed'> {
  if (!entry.applicable) return 'excluded';
  return (entry.status ?? 'not-implemented') as Exclude<ControlState, 'undisclosed'>;
}

export function controlState(control: PublicControl): ControlState {
  if (!control.disclosed) return 'undisclosed';
  return soaState({ applicable: control.applicable ?? false, status: control.status });
}

export const controlStateLabel: Record<ControlState, string> = {
  implemented: 'Implemented',
  partial: 'Partially implemented',
  planned: 'Planned',
  'not-implemented': 'Not implemented',
  excluded: 'Not applicable',
  undisclosed: 'Details on request',
};

/** The colour each state is shown in; the word always says it too. */
export const toneOfControl = { implemented: 'good', partial: 'warn', planned: 'warn', 'not-implemented': 'bad', excluded: 'neutral', undisclosed: 'neutral' } as const satisfies Record<ControlState, string>;
export const toneOfCertificate = { valid: 'good', 'expiring-soon': 'warn', expired: 'bad' } as const satisfies Record<CertificationState, string>;

/** `2026-06-15` → `15 June 2026`, the way dates read on the sites. */
export const formatDate = (iso: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
