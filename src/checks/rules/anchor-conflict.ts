import { PAGE_IDS, slugOf } from '../../model/anchors.ts';
import type { Entry } from '../../load/loader.ts';
import { at, type Rule } from '../rule.ts';

/** Collections whose ids are anchors on a trust center page. */
const anchored = [
  { collection: 'answers', page: '/answers/' },
  { collection: 'subprocessors', page: '/subprocessors/' },
  { collection: 'updates', page: '/updates/' },
] as const;

export const anchorConflict: Rule = {
  id: 'model/anchor-conflict',
  description: 'Ids that are anchors on a page never clash with the page\'s own elements, and topics that read alike are one topic.',
  check({ model, report }) {
    for (const { collection, page } of anchored) {
      for (const entry of model.index[collection].values() as Iterable<Entry>) {
        if (!PAGE_IDS.includes(entry.id)) continue;
        report(at(entry, ['id'], this.id, 'error', `The id \`${entry.id}\` is the anchor of ${page}#${entry.id}, which the page itself uses (${PAGE_IDS.map((id) => `#${id}`).join(', ')}).`, 'Rename it; if it was published already, the old link leads to the top of the page.'));
      }
    }
    // Topics become sections of /answers/: two spellings of one topic would make two sections.
    const bySlug = new Map<string, { topic: string; entry: Entry<'answers'> }>();
    for (const entry of model.index.answers.values()) {
      const topic = entry.data.topic;
      const slug = slugOf(topic);
      const first = bySlug.get(slug);
      if (!first) bySlug.set(slug, { topic, entry });
      else if (first.topic !== topic) {
        report(
          at(entry, ['topic'], this.id, 'warning', `The topic "${topic}" differs from "${first.topic}" (${first.entry.file}:${first.entry.locate(['topic']).line}) only in case or punctuation; they are shown as two topics.`,
            `Write the topic the same way in every answer: "${first.topic}".`),
        );
      }
    }
  },
};
