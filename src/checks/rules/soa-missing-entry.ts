import path from 'node:path';
import { displayPath } from '../../load/paths.ts';
import { collections } from '../../model/collections.ts';
import { problem } from '../../diagnostics/catalogue.ts';
import { describeUnread, type Rule } from '../rule.ts';

export const soaMissingEntry: Rule<'soa/missing-entry'> = {
  id: 'soa/missing-entry',
  check({ model, report, notChecked }) {
    const folder = path.join(model.root, collections.soa.folder);
    // No SoA at all is one problem, not one per control.
    if (model.missingFolders.includes('soa')) {
      report(
        problem(this.id, { file: `${displayPath(folder)}/`, line: null, column: null, entity: null, subject: null }, `The content folder has no Statement of Applicability: the folder ${displayPath(folder)}/ does not exist, so none of the ${model.controls.length} Annex A controls has an entry.`, {
          hint: `Create ${displayPath(folder)}/ with one file per control (\`A.5.1.yaml\` … \`A.8.34.yaml\`), each declaring the control applicable or excluded (docs/content-format.md#statement-of-applicability).`,
        }),
      );
      return;
    }
    const undecided = new Set(model.undecided.map((entry) => entry.id));
    // An entry still to be decided is soa/undecided's to report.
    const missing = model.controls.filter((node) => !node.soa && !model.rejected.soa.has(node.control.id) && !undecided.has(node.control.id));
    // A file of the SoA that could not be read may hold any of them: say so once, rather than report each.
    if (missing.length && model.unread.soa.length) {
      notChecked({ what: `whether ${missing.length === 1 ? `${missing[0]!.control.id} has an SoA entry` : `${missing.length} Annex A controls have SoA entries`}`, why: describeUnread(model.unread.soa), files: model.unread.soa.map((u) => u.file) });
      return;
    }
    for (const node of missing) {
      const file = displayPath(path.join(folder, `${node.control.id}.yaml`));
      report(
        problem(this.id, { file, line: null, column: null, entity: node.control.id, subject: { collection: 'soa', id: node.control.id } }, `The SoA has no entry for ${node.control.id} "${node.control.title}". Every Annex A control must be declared applicable or excluded.`, {
          hint: `Create ${file} with \`applicable: true\` (and its basis, status, owners and evidence) or \`applicable: false\` and a justification.`,
        }),
      );
    }
  },
};
