import path from 'node:path';
import { displayPath } from '../../load/paths.ts';
import { collections } from '../../model/collections.ts';
import type { Rule } from '../rule.ts';

export const soaComplete: Rule = {
  id: 'soa/missing-entry',
  description: 'The Statement of Applicability has an entry for every one of the 93 Annex A controls.',
  check({ model, report }) {
    for (const node of model.controls) {
      // An entry that exists but failed validation has been reported already.
      if (node.soa || model.rejected.soa.has(node.control.id)) continue;
      const file = displayPath(path.join(model.root, collections.soa.folder, `${node.control.id}.yaml`));
      report({
        rule: this.id,
        severity: 'error',
        file,
        line: null,
        column: null,
        entity: node.control.id,
        message: `The SoA has no entry for ${node.control.id} "${node.control.title}". Every Annex A control must be declared applicable or excluded.`,
        hint: `Create ${file} with \`applicable: true\` (and its basis, status, owners and evidence) or \`applicable: false\` and a justification.`,
      });
    }
  },
};
