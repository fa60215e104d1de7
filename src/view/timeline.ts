/**
 * Certificates on a shared time axis: where each is issued and expires, where its
 * surveillance audits fall and where today is, as percentages of the axis.
 */
import { daysBetween } from '../model/dates.ts';

export interface TimelineInput {
  id: string;
  label: string;
  issued: string;
  expires: string;
  audits: readonly { planned: string; done?: string }[];
}

export type AuditState = 'done' | 'overdue' | 'planned';

export interface TimelineAudit {
  /** 1 for the first audit of the cycle. */
  n: number;
  planned: string;
  done?: string;
  /** When it took place, or else when it is planned: where it sits on the axis. */
  at: string;
  state: AuditState;
  /** Position on the axis, percent. */
  pos: number;
}

export interface TimelineTrack {
  id: string;
  label: string;
  issued: string;
  expires: string;
  issuedPos: number;
  expiresPos: number;
  audits: TimelineAudit[];
  /** Where today is in the certificate's life. */
  today: 'before' | 'inside' | 'after';
  /** How far through the cycle today is, percent, when inside it. */
  elapsed: number;
}

export interface Timeline {
  today: string;
  /** Today's position on the axis, when the axis covers it. */
  todayPos?: number;
  tracks: TimelineTrack[];
}

export function timeline(today: string, certifications: readonly TimelineInput[]): Timeline {
  if (certifications.length === 0) return { today, tracks: [] };
  const min = certifications.map((c) => c.issued).sort()[0]!;
  const max = certifications.map((c) => c.expires).sort().at(-1)!;
  const span = Math.max(1, daysBetween(min, max));
  const pos = (iso: string) => Math.min(100, Math.max(0, (daysBetween(min, iso) / span) * 100));

  const tracks = certifications.map((cert): TimelineTrack => {
    const audits = [...cert.audits]
      .sort((a, b) => a.planned.localeCompare(b.planned))
      .map((a, i): TimelineAudit => {
        const at = a.done ?? a.planned;
        return { n: i + 1, planned: a.planned, ...(a.done ? { done: a.done } : {}), at, state: a.done ? 'done' : a.planned < today ? 'overdue' : 'planned', pos: pos(at) };
      });
    const where = today < cert.issued ? 'before' : today > cert.expires ? 'after' : 'inside';
    return {
      id: cert.id,
      label: cert.label,
      issued: cert.issued,
      expires: cert.expires,
      issuedPos: pos(cert.issued),
      expiresPos: pos(cert.expires),
      audits,
      today: where,
      elapsed: where === 'inside' ? Math.round((daysBetween(cert.issued, today) / Math.max(1, daysBetween(cert.issued, cert.expires))) * 100) : 0,
    };
  });
  return { today, ...(today >= min && today <= max ? { todayPos: pos(today) } : {}), tracks };
}
