/**
 * Finds the answer in the library for a customer's question: exactly, by a standard questionnaire's
 * ID that an answer references (`caiq-v4` `IAM-14`), or else by its words.
 *
 * Words are read the same way for questions and answers: the security thesaurus turns each phrase of a
 * group into one term ("2FA", "multi-factor authentication" → `mfa`), common words are dropped, the
 * rest are stemmed (Porter). MiniSearch ranks the answers (BM25 over the question, the other phrasings,
 * the topic, the answer text and the titles of the cited controls, in that order of weight). The
 * confidence of a match is how much of the question the answer covers, each term weighted by how rare
 * it is in the library; a word the library never uses counts as not covered, so that a question about
 * something the library does not treat scores low however well its common words match.
 */
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { canonical, thesaurusTerms } from './thesaurus.ts';

/** An answer of the library as the matcher reads it. */
export interface LibraryAnswer {
  id: string;
  question: string;
  /** The answer as plain text. */
  text: string;
  topic: string;
  phrasings: readonly string[];
  controls: readonly string[];
  controlTitles: readonly string[];
  references: readonly { questionnaire: string; id: string }[];
  public: boolean;
  /** The answer's page on the trust center; null for an internal answer. */
  url: string | null;
}

export type MatchedBy = 'reference' | 'text' | 'none';

export interface Match {
  answer: LibraryAnswer | null;
  /** 0–1: 1 for a reference; for text, the share of the question the answer covers. */
  confidence: number;
  matchedBy: MatchedBy;
  /** The next best answers, best first. */
  alternatives: { id: string; confidence: number }[];
}

/** The weight of matched terms (a term in one answer in 18 weighs ln 19 ≈ 3) below which a match loses confidence in proportion. */
const SPECIFIC_WEIGHT = 3.2;

/** At or above this, an answer is given without a review mark. */
export const CONFIDENT = 0.6;
/** Below this, no answer is given: the question is left blank and listed. */
export const NO_MATCH = 0.3;

/**
 * Words that carry no subject: English stop words, and the words questionnaires wrap every question in
 * ("please describe how often you…").
 */
const stop = new Set([
  ...eng,
  ...['when', 'how', 'what', 'which', 'where', 'who', 'whom', 'why', 'whether', 'does', 'do', 'did', 'can', 'could', 'will', 'would', 'should', 'shall', 'may', 'must', 'is', 'are', 'was', 'were', 'any', 'all', 'every', 'each'],
  ...['please', 'describe', 'provide', 'explain', 'detail', 'details', 'outline', 'confirm', 'indicate', 'specify', 'list', 'share', 'state', 'include', 'including', 'ensure', 'ensures', 'ensured'],
  ...['organisation', 'organization', 'company', 'companies', 'firm', 'business', 'yes', 'no', 'applicable', 'currently', 'usually', 'typically', 'often', 'frequently', 'regularly', 'regular', 'periodically', 'quickly', 'fast', 'perform', 'performed', 'performs', 'carry', 'carried', 'apply', 'applied', 'applies', 'place', 'use', 'used', 'uses', 'using', 'make', 'sure', 'take', 'taken', 'our', 'your', 'you', 'we', 'us', 'they', 'their', 'last', 'latest', 'current', 'new', 'process', 'processes', 'procedure', 'procedures', 'practice', 'practices', 'approach', 'measures', 'controls', 'control', 'place', 'policy', 'policies', 'documented', 'formal', 'people', 'many', 'much', 'front', 'behind', 'tool', 'tools', 'thing', 'things', 'way', 'ways'],
]);

/** The terms of a text, as both the index and the questions read them. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of canonical(text).split(/[^\p{L}\p{N}-]+/u)) {
    if (thesaurusTerms.has(word)) {
      out.push(word);
      continue;
    }
    for (const part of word.split('-')) {
      if (part.length < 2 || stop.has(part)) continue;
      out.push(/\d/.test(part) ? part : stemmer(part));
    }
  }
  return out;
}

type Field = 'question' | 'phrasings' | 'topic' | 'text' | 'controls';
const fieldText = (a: LibraryAnswer): Record<Field, string> => ({ question: a.question, phrasings: a.phrasings.join('\n'), topic: a.topic, text: a.text, controls: a.controlTitles.join('\n') });
const boost: Record<Field, number> = { question: 3, phrasings: 3, topic: 1.5, text: 1, controls: 0.7 };

/** `IAM-14`, `iam 14`, `IAM-014` → `IAM-14`; `D.6` → `D.6`. */
export const normaliseRef = (ref: string): string =>
  ref
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, '-')
    .replace(/(^|[^0-9])0+(?=\d)/g, '$1');

export class Matcher {
  readonly answers: readonly LibraryAnswer[];
  private readonly index: MiniSearch;
  private readonly byId: ReadonlyMap<string, LibraryAnswer>;
  /** Answers by a reference ID, and by questionnaire and ID. */
  private readonly refs = new Map<string, LibraryAnswer[]>();
  /** Terms of each answer: all fields, and its question, phrasings and topic. */
  private readonly answerTerms = new Map<string, { all: Set<string>; asked: Set<string> }>();
  /** In how many answers each term appears. */
  private readonly df = new Map<string, number>();

  constructor(answers: readonly LibraryAnswer[]) {
    this.answers = answers;
    this.byId = new Map(answers.map((a) => [a.id, a]));
    this.index = new MiniSearch<LibraryAnswer & Record<Field, string>>({
      fields: ['question', 'phrasings', 'topic', 'text', 'controls'],
      tokenize: (text) => terms(text),
      processTerm: (term) => term,
      // Queries arrive as terms already: split them, and read each as it is.
      searchOptions: { boost, combineWith: 'OR', tokenize: (query) => query.split(' '), processTerm: (term) => term },
    });
    this.index.addAll(answers.map((a) => ({ ...a, ...fieldText(a) })));
    for (const a of answers) {
      const f = fieldText(a);
      const all = new Set(Object.values(f).flatMap(terms));
      this.answerTerms.set(a.id, { all, asked: new Set([f.question, f.phrasings, f.topic].flatMap(terms)) });
      for (const t of all) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      for (const r of a.references) {
        for (const key of [normaliseRef(r.id), `${r.questionnaire}:${normaliseRef(r.id)}`]) this.refs.set(key, [...(this.refs.get(key) ?? []), a]);
      }
    }
  }

  /** The answers that reference `ref` (in `questionnaire`, when given). */
  byReference(ref: string, questionnaire?: string): LibraryAnswer[] {
    return this.refs.get(questionnaire ? `${questionnaire}:${normaliseRef(ref)}` : normaliseRef(ref)) ?? [];
  }

  get(id: string): LibraryAnswer | undefined {
    return this.byId.get(id);
  }

  /** The best answer for a question, by reference when `ref` is one an answer gives, else by its words. */
  match(question: string, ref?: string | null, questionnaire?: string): Match {
    let byRef = ref ? this.byReference(ref, questionnaire) : [];
    if (byRef.length > 1) {
      // Several answers give this ID: the question's words choose among them.
      const order = this.rank(question).map((r) => r.answer.id);
      const at = (a: LibraryAnswer) => (order.includes(a.id) ? order.indexOf(a.id) : order.length);
      byRef = [...byRef].sort((a, b) => at(a) - at(b));
    }
    if (byRef.length) return { answer: byRef[0]!, confidence: 1, matchedBy: 'reference', alternatives: byRef.slice(1).map((a) => ({ id: a.id, confidence: 1 })) };
    const ranked = this.rank(question);
    const best = ranked[0];
    if (!best || best.confidence < NO_MATCH) return { answer: null, confidence: best?.confidence ?? 0, matchedBy: 'none', alternatives: ranked.slice(0, 3).map(({ answer, confidence }) => ({ id: answer.id, confidence })) };
    return { answer: best.answer, confidence: best.confidence, matchedBy: 'text', alternatives: ranked.slice(1, 4).map(({ answer, confidence }) => ({ id: answer.id, confidence })) };
  }

  /** Answers by how well they match the question, each with its confidence. */
  rank(question: string): { answer: LibraryAnswer; confidence: number }[] {
    const asked = [...new Set(terms(question))];
    if (!asked.length) return [];
    const n = this.answers.length;
    // A term no answer uses weighs more than the rarest: the question is about something the library does not treat.
    const weight = (t: string) => (this.df.has(t) ? Math.log(1 + n / this.df.get(t)!) : 1.5 * Math.log(1 + n));
    const total = asked.reduce((sum, t) => sum + weight(t), 0);
    const results = this.index.search(asked.join(' '));
    const top = results[0]?.score ?? 0;
    return results.slice(0, 10).map((r) => {
      const answer = this.byId.get(String(r.id))!;
      const { all, asked: inQuestion } = this.answerTerms.get(answer.id)!;
      const covered = asked.reduce((sum, t) => sum + (all.has(t) ? weight(t) : 0), 0) / total;
      const coveredByQuestion = asked.reduce((sum, t) => sum + (inQuestion.has(t) ? weight(t) : 0), 0) / total;
      // Coverage says how much of the question is answered; the rank among the results, how clearly this answer leads;
      // and a question that shares only a common word or two with the library is not a confident match however covered.
      const lead = top > 0 ? r.score / top : 0;
      const matched = asked.reduce((sum, t) => sum + (all.has(t) ? weight(t) : 0), 0);
      const specific = Math.min(1, matched / SPECIFIC_WEIGHT);
      const confidence = Math.min(1, (0.45 * covered + 0.35 * coveredByQuestion + 0.2 * lead) * specific);
      return { answer, confidence: Math.round(confidence * 100) / 100 };
    });
  }
}
