/** The handbook's register of documents: every one, internal ones included, with its access and validity. */
import { daysBetween, DUE_SOON_DAYS } from '../model/dates.ts';
import { certificationName } from '../model/certification-kinds.ts';
import type { Document } from '../model/schemas.ts';
import { inDays } from './dates.ts';
import type { Tone } from './status.ts';
import { documentKindLabel } from './trust-center.ts';
import type { InternalView } from './view.ts';

export interface DocumentRow {
  id: string;
  title: string;
  /** What kind of document it is, in words. */
  kind: string;
  access: { label: string; tone: Tone };
  /** Where it is: the file in the content folder, or its URL. */
  location?: { text: string; href?: string };
  certification?: string;
  updated: string;
  validity?: { date: string; when: string; label: string; tone: Tone };
  notes?: string;
}

const accessLabel: Record<Document['access'], { label: string; tone: Tone }> = {
  public: { label: 'Public download', tone: 'good' },
  'on-request': { label: 'On request', tone: 'neutral' },
  nda: { label: 'Under NDA', tone: 'neutral' },
  internal: { label: 'Internal', tone: 'neutral' },
};

/** Every document, soonest to lapse first, then by title. */
export function documentRows(model: InternalView, today: string): DocumentRow[] {
  return [...model.index.documents.values()]
    .map(({ id, data: d }): DocumentRow => {
      const cert = d.certification ? model.index.certifications.get(d.certification)?.data : undefined;
      const left = d.validUntil ? daysBetween(today, d.validUntil) : undefined;
      return {
        id,
        title: d.title,
        kind: documentKindLabel[d.kind],
        access: accessLabel[d.access],
        ...(d.file ? { location: { text: d.file } } : d.url ? { location: { text: d.url, href: d.url } } : {}),
        ...(cert ? { certification: certificationName(cert) } : {}),
        updated: d.updated,
        ...(d.validUntil && left !== undefined
          ? { validity: { date: d.validUntil, when: inDays(left), label: left < 0 ? 'Lapsed' : left <= DUE_SOON_DAYS ? 'Lapses soon' : 'Valid', tone: left < 0 ? 'bad' : left <= DUE_SOON_DAYS ? 'warn' : 'good' } }
          : {}),
        ...(d.notes ? { notes: d.notes } : {}),
      };
    })
    .sort((a, b) => (a.validity?.date ?? '9999').localeCompare(b.validity?.date ?? '9999') || a.title.localeCompare(b.title, 'en'));
}
