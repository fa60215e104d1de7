import { collections, pluralOf } from '../../model/collections.ts';
import { at, type Rule } from '../rule.ts';

export const modelDuplicateId: Rule<'model/duplicate-id'> = {
  id: 'model/duplicate-id',
  check({ model, report }) {
    for (const { first, second } of model.duplicates) {
      const noun = collections[second.collection].noun;
      report(at(second, ['id'], this.id, `Two ${pluralOf(noun)} have the id "${second.id}"; the first is at ${first.file}:${first.position.line}.`));
    }
  },
};
