/**
 * The embeddable certification badge: a flat two-part SVG whose right half is the
 * current status. Text widths are estimated from the font size, as flat badges do.
 */
import { certificationState, certificationStateLabel } from '../view/status.ts';
import type { PublicCertification } from '../view/view.ts';

const colours = { valid: '#137a3d', 'expiring-soon': '#9a5b00', expired: '#b42318', none: '#59606b' } as const;
const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const width = (text: string) => Math.round(text.length * 6.6 + 16);

export function badgeSvg(cert: PublicCertification | undefined, today: string): string {
  const label = cert ? `${cert.standard.replace(/^ISO\/IEC /, 'ISO ')}:${cert.edition}` : 'ISO 27001';
  const state = cert ? certificationState(cert, today) : 'none';
  const value = cert ? certificationStateLabel[state as keyof typeof certificationStateLabel].toLowerCase() : 'not certified';
  const left = width(label);
  const right = width(value);
  const total = left + right;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${escape(`${label}: ${value}`)}">
  <title>${escape(`${label}: ${value}`)}</title>
  <clipPath id="r"><rect width="${total}" height="20" rx="3"/></clipPath>
  <g clip-path="url(#r)">
    <rect width="${left}" height="20" fill="#2b2f36"/>
    <rect x="${left}" width="${right}" height="20" fill="${colours[state]}"/>
  </g>
  <g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
    <text x="${left / 2}" y="14">${escape(label)}</text>
    <text x="${left + right / 2}" y="14">${escape(value)}</text>
  </g>
</svg>
`;
}
