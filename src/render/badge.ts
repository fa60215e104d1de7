/**
 * The embeddable certification badges: flat two-part SVGs whose right half is the current
 * status, drawn by badge-maker (the library behind shields.io), which measures the text and
 * escapes every value it writes.
 */
import { makeBadge } from 'badge-maker';
import { badgeName } from '../model/certification-kinds.ts';
import { certificationState, certificationStateLabel, toneOfCertificate, type Tone } from '../view/status.ts';
import type { PublicCertification } from '../view/view.ts';

const colours: Record<Tone, string> = { good: '#137a3d', warn: '#9a5b00', bad: '#b42318', neutral: '#59606b' };

/** The badge of one certification, or with none the "not certified" badge. */
export function badgeSvg(cert: PublicCertification | undefined, today: string): string {
  if (!cert) return `${makeBadge({ label: 'ISO 27001', message: 'not certified', color: colours.neutral, labelColor: '#2b2f36', style: 'flat' })}\n`;
  const state = certificationState(cert, today);
  const label = cert.kind === 'iso' ? `${badgeName(cert)}:${cert.edition}` : badgeName(cert);
  return `${makeBadge({ label, message: certificationStateLabel[state].toLowerCase(), color: colours[toneOfCertificate[state]], labelColor: '#2b2f36', style: 'flat' })}\n`;
}
