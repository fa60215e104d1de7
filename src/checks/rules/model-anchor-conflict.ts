import { PAGE_IDS } from '../../model/anchors.ts';
import type { Entry } from '../../load/loader.ts';
import { at, type Rule } from '../rule.ts';

/** Collections whose ids are anchors on a trust center page. */
const anchored = [
  { collection: 'answers', page: '/answers/' },
  { collection: 'subprocessors', page: '/subprocessors/' },
  { collection: 'updates', page: '/updates/' },
  { collection: 'documents', page: '/documents/' },
] as const;

export const modelAnchorConflict: Rule<'model/anchor-conflict'> = {
  id: 'model/anchor-conflict',
  check({ model, report }) {
    for (const { collection, page } of anchored) {
      for (const entry of model.index[collection].values() as Iterable<Entry>) {
        if (!PAGE_IDS.includes(entry.id)) continue;
        report(at(entry, ['id'], this.id, `The id \`${entry.id}\` is the anchor of ${page}#${entry.id}, which the page itself uses (${PAGE_IDS.map((id) => `#${id}`).join(', ')}).`));
      }
    }
  },
};
