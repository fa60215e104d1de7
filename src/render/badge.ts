/**
 * The embeddable certification badge: a flat two-part SVG whose right half is the current
 * status, drawn by badge-maker (the library behind shields.io), which measures the text and
 * escapes every value it writes.
 */
import { makeBadge } from 'badge-maker';
import { certificationState, certificationStateLabel } from '../view/status.ts';
import type { PublicCertification } from '../view/view.ts';

const colours = { valid: '#137a3d', 'expiring-soon': '#9a5b00', expired: '#b42318', none: '#59606b' } as const;

export function badgeSvg(cert: PublicCertification | undefined, today: string): string {
  const label = cert ? `${cert.standard.replace(/^ISO\/IEC /, 'ISO ')}:${cert.edition}` : 'ISO 27001';
  const state = cert ? certificationState(cert, today) : 'none';
  const message = cert ? certificationStateLabel[state as keyof typeof certificationStateLabel].toLowerCase() : 'not certified';
  return `${makeBadge({ label, message, color: colours[state], labelColor: '#2b2f36', style: 'flat' })}\n`;
}
