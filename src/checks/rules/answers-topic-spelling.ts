import { slugOf } from '../../model/anchors.ts';
import type { Entry } from '../../load/loader.ts';
import { at, type Rule } from '../rule.ts';

export const answersTopicSpelling: Rule<'answers/topic-spelling'> = {
  id: 'answers/topic-spelling',
  check({ model, report }) {
    // Topics become sections of /answers/: two spellings of one topic would make two sections.
    const bySlug = new Map<string, { topic: string; entry: Entry<'answers'> }>();
    for (const entry of model.index.answers.values()) {
      const topic = entry.data.topic;
      const slug = slugOf(topic);
      const first = bySlug.get(slug);
      if (!first) bySlug.set(slug, { topic, entry });
      else if (first.topic !== topic) {
        report(
          at(entry, ['topic'], this.id, `The topic "${topic}" differs from "${first.topic}" (${first.entry.file}:${first.entry.locate(['topic']).line}) only in case or punctuation; the answers page shows them as two topics.`, {
            hint: `Write the topic the same way in every answer: "${first.topic}".`,
          }),
        );
      }
    }
  },
};
