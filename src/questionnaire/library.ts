/**
 * The answer library as the questionnaire commands read it: every answer, internal ones included
 * (the security team runs these commands), each with its text as plain text, the titles of the
 * controls it cites and, for a public answer, its page on the trust center.
 */
import { markdownText } from '../load/markdown.ts';
import { annexAById } from '../model/catalog.ts';
import type { Model } from '../link/linker.ts';
import { answerPath } from '../view/urls.ts';
import type { LibraryAnswer } from './match.ts';

export function answerLibrary(model: Model): LibraryAnswer[] {
  const site = model.settings?.sites.public.replace(/\/+$/, '') ?? null;
  return model.entries.answers.map(({ data }) => {
    const isPublic = data.visibility === 'public';
    return {
      id: data.id,
      question: data.question,
      text: markdownText(data.answer).trim(),
      topic: data.topic,
      phrasings: data.phrasings,
      controls: data.controls,
      controlTitles: data.controls.map((c) => annexAById.get(c)?.title ?? c),
      references: data.references,
      public: isPublic,
      url: isPublic && site ? `${site}${answerPath(data.id)}` : null,
    };
  });
}
