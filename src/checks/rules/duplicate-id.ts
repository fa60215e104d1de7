import { collections, pluralOf } from '../../model/collections.ts';
import { at, type Rule } from '../rule.ts';

export const duplicateId: Rule = {
  id: 'model/duplicate-id',
  description: 'No two entities of one collection share an id.',
  check({ model, report }) {
    for (const { first, second } of model.duplicates) {
      const noun = collections[second.collection].noun;
      report(
        at(
          second,
          ['id'],
          this.id,
          'error',
          `Two ${pluralOf(noun)} have the id "${second.id}"; the first is at ${first.file}:${first.position.line}.`,
          'Ids must be unique within a collection: rename one, or merge the two if they are the same thing.',
        ),
      );
    }
  },
};
