import { annexAById } from '../../model/catalog.ts';
import { collectionNames, collections, type CollectionName } from '../../model/collections.ts';
import { entryOf, isDiagnosticId } from '../../diagnostics/catalogue.ts';
import { at, describeUnread, knownIds, type Rule } from '../rule.ts';

/** Collections whose entities an exception may cover: every one but the exceptions themselves. */
const coverable = collectionNames.filter((c) => c !== 'exceptions');

export const exceptionsUnknownTarget: Rule<'exceptions/unknown-target'> = {
  id: 'exceptions/unknown-target',
  check({ model, report, notChecked }) {
    for (const entry of model.index.exceptions.values()) {
      const { rule, subject } = entry.data;
      if (!isDiagnosticId(rule)) {
        report(at(entry, ['rule'], this.id, `Exception ${entry.id} accepts failures of \`${rule}\`, which is not a check Trustbook has.`, { hint: 'Copy the rule id from the diagnostic the exception accepts; `npm run check -- --list-rules` lists them all.' }));
      } else if (entryOf(rule).kind !== 'rule' || rule.startsWith('exceptions/')) {
        report(
          at(entry, ['rule'], this.id, `Exception ${entry.id} accepts failures of \`${rule}\`, which no exception can accept: only the rules that judge the content of the ISMS can.`, {
            hint: rule.startsWith('exceptions/') ? 'Fix the exception itself; an exception cannot excuse another.' : 'Fix the file: problems found while reading, building or running stop Trustbook from judging the content at all.',
          }),
        );
      }
      if (subject.collection === 'settings') {
        if (subject.id !== 'settings') report(at(entry, ['subject', 'id'], this.id, `Exception ${entry.id} covers settings \`${subject.id}\`; the settings have one id, \`settings\`.`, { hint: 'Write `subject: { collection: settings, id: settings }`.' }));
        continue;
      }
      if (!(coverable as string[]).includes(subject.collection)) {
        report(at(entry, ['subject', 'collection'], this.id, `Exception ${entry.id} covers an entity of \`${subject.collection}\`, which is not a collection an exception can cover.`, { hint: `Write one of ${coverable.join(', ')} or settings, as the diagnostic's subject names it.` }));
        continue;
      }
      const collection = subject.collection as CollectionName;
      // The SoA entry of a control may be missing, and that is the problem an exception may accept.
      const exists = model.index[collection].has(subject.id) || (collection === 'soa' && annexAById.has(subject.id));
      if (exists || model.rejected[collection].has(subject.id)) continue;
      if (model.unread[collection].length) {
        notChecked({ what: `whether exception ${entry.id} covers an existing ${collections[collection].noun}`, why: describeUnread(model.unread[collection]), files: model.unread[collection].map((u) => u.file) });
        continue;
      }
      report(
        at(entry, ['subject', 'id'], this.id, `Exception ${entry.id} covers ${collections[collection].noun} \`${subject.id}\`, which does not exist.`, {
          hint: `Fix the id, or delete the exception if the ${collections[collection].noun} is gone — known ids: ${knownIds(model.index[collection].keys())}.`,
        }),
      );
    }
  },
};
