/** Words for the codes content is written in, so that a reader sees `Automated check`, not `automated-check`. */
import type { Evidence, SoaEntry } from '../model/schemas.ts';

export const evidenceKindLabel: Record<Evidence['kind'], string> = {
  document: 'Document',
  report: 'Report',
  ticket: 'Ticket',
  screenshot: 'Screenshot',
  'automated-check': 'Automated check',
  record: 'Record',
};

export const basisLabel: Record<SoaEntry['basis'][number], string> = {
  'risk-treatment': 'Risk treatment',
  legal: 'Legal requirement',
  contractual: 'Contractual requirement',
  business: 'Business requirement',
};

/** A piece of a diagnostic's text: plain words, or what the text quotes between backticks (a field, an id, a value). */
export interface TextPart {
  text: string;
  code?: true;
}

/**
 * Text cut at its backticks, so that a page shows `owners: [ben-li]` as code rather than with the
 * backticks in it. An unpaired backtick is kept as written.
 */
export function codeSpans(text: string): TextPart[] {
  const pieces = text.split('`');
  if (pieces.length % 2 === 0) return [{ text }];
  return pieces.flatMap((piece, i): TextPart[] => (piece === '' ? [] : i % 2 === 1 ? [{ text: piece, code: true }] : [{ text: piece }]));
}
