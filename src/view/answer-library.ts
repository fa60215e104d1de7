/**
 * The answer library as the handbook shows it: answers by topic with their questionnaire references,
 * the other ways customers ask them and the controls they cite, each control with its SoA status; the
 * answers that cite a control not (fully) in place; and the applicable controls no answer cites.
 */
import { annexAById } from '../model/catalog.ts';
import { PAGE_IDS, slugOf } from '../model/anchors.ts';
import { controlStatus, type ControlStatus, type SoaState } from './status.ts';
import { answerPath, controlPath, policyPath } from './urls.ts';
import type { InternalView } from './view.ts';

export interface LibraryControl {
  id: string;
  title: string;
  href: string;
  status: ControlStatus<SoaState | 'missing'>;
  /** Whether the SoA states it as fully in place. */
  inPlace: boolean;
}

export interface LibraryEntry {
  id: string;
  /** The answer's anchor on the page: `answer-<id>`, so that no id of content meets one of the page's own. */
  anchor: string;
  question: string;
  /** The answer as written (Markdown; the page renders it through the one sanitising pipeline). */
  answer: string;
  public: boolean;
  /** Its page on the trust center, for a public answer. */
  publicUrl: string | null;
  references: string[];
  phrasings: readonly string[];
  controls: LibraryControl[];
  policies: { title: string; href: string }[];
}

export interface AnswerLibrary {
  total: number;
  publicCount: number;
  topics: { title: string; anchor: string; answers: LibraryEntry[] }[];
  /** Answers citing a control that is not fully in place, with those controls. */
  toRead: { id: string; question: string; anchor: string; controls: LibraryControl[] }[];
  /** Applicable controls that no answer cites. */
  uncited: { id: string; title: string; href: string }[];
  /** Phrasings in all, learnt from reviewed questionnaires or written by hand. */
  phrasings: number;
}

export function answerLibrary(model: InternalView): AnswerLibrary {
  const site = model.settings?.sites.public.replace(/\/+$/, '') ?? null;
  const entries: LibraryEntry[] = model.entries.answers.map(({ data }) => ({
    id: data.id,
    anchor: `answer-${data.id}`,
    question: data.question,
    answer: data.answer,
    public: data.visibility === 'public',
    publicUrl: data.visibility === 'public' && site ? `${site}${answerPath(data.id)}` : null,
    references: data.references.map((r) => `${r.questionnaire} ${r.id}`),
    phrasings: data.phrasings,
    controls: data.controls.map((id) => {
      const soa = model.controlById.get(id)?.soa?.data;
      const status = controlStatus(soa);
      return { id, title: annexAById.get(id)?.title ?? id, href: controlPath(id), status, inPlace: status.state === 'implemented' };
    }),
    policies: data.policies.flatMap((id) => {
      const policy = model.index.policies.get(id);
      return policy ? [{ title: policy.data.title, href: policyPath(id) }] : [];
    }),
  }));
  const topics = new Map<string, LibraryEntry[]>();
  for (const entry of model.entries.answers) topics.set(entry.data.topic, [...(topics.get(entry.data.topic) ?? []), entries.find((e) => e.id === entry.id)!]);
  const cited = new Set(entries.flatMap((e) => e.controls.map((c) => c.id)));
  // Topic anchors must not meet each other (two spellings of one topic), an answer's id or the page's own.
  const taken = new Set([...PAGE_IDS, 'to-read', 'uncited', ...entries.map((e) => e.anchor)]);
  const anchorFor = (title: string) => {
    const base = `topic-${slugOf(title) || 'untitled'}`;
    let anchor = base;
    for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
    taken.add(anchor);
    return anchor;
  };
  return {
    total: entries.length,
    publicCount: entries.filter((e) => e.public).length,
    topics: [...topics]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([title, answers]) => ({ title, anchor: anchorFor(title), answers })),
    toRead: entries
      .filter((e) => e.controls.some((c) => !c.inPlace))
      .map((e) => ({ id: e.id, question: e.question, anchor: e.anchor, controls: e.controls.filter((c) => !c.inPlace) })),
    uncited: model.controls
      .filter((node) => node.soa?.data.applicable && !cited.has(node.control.id))
      .map((node) => ({ id: node.control.id, title: node.control.title, href: controlPath(node.control.id) })),
    phrasings: entries.reduce((n, e) => n + e.phrasings.length, 0),
  };
}
