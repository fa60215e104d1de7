/** The evidence register as rows, soonest to go stale first: its page and `evidence.csv` read them. */
import { controlPath, personPath } from './urls.ts';
import { evidenceDue, freshnessLabel, freshnessTone, type Freshness } from './freshness.ts';
import type { Tone } from './status.ts';
import { evidenceKindLabel } from './labels.ts';
import type { InternalView } from './view.ts';

export interface EvidenceRow {
  id: string;
  title: string;
  kind: string;
  /** The kind in words (`Automated check`). */
  kindLabel: string;
  location: string;
  /** The location, when it is a web address the title can link to. */
  url?: string;
  collected: string;
  ageDays: number;
  maxAgeDays: number;
  due: string;
  state: Freshness;
  label: string;
  tone: Tone;
  owner: { id: string; name: string; href: string };
  controls: { id: string; href: string }[];
}

const isWebAddress = (location: string) => /^https?:\/\//.test(location);

export function evidenceRows(model: InternalView, today: string): EvidenceRow[] {
  return [...model.index.evidence.values()]
    .map(({ id, data: e }): EvidenceRow => {
      const due = evidenceDue(e, today);
      return {
        id,
        title: e.title,
        kind: e.kind,
        kindLabel: evidenceKindLabel[e.kind],
        location: e.location,
        ...(isWebAddress(e.location) ? { url: e.location } : {}),
        collected: e.collected,
        ageDays: due.ageDays,
        maxAgeDays: e.maxAgeDays,
        due: due.due,
        state: due.state,
        label: freshnessLabel[due.state],
        tone: freshnessTone[due.state],
        owner: { id: e.owner, name: model.index.people.get(e.owner)?.data.name ?? e.owner, href: personPath(e.owner) },
        controls: e.controls.map((cid) => ({ id: cid, href: controlPath(cid) })),
      };
    })
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}

/** How many items are in each state, worst first. */
export const evidenceCounts = (rows: readonly EvidenceRow[]) =>
  (['stale', 'due-soon', 'fresh'] as const).map((state) => ({ state, label: freshnessLabel[state], count: rows.filter((r) => r.state === state).length }));
