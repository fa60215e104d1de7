import { knownFrameworks } from '../../model/catalog.ts';
import { at, knownIds, type Rule } from '../rule.ts';

export const mappingIdsKnown: Rule = {
  id: 'controls/unknown-mapping',
  description: 'Mappings to SOC 2 and NIST CSF 2.0 name IDs that exist in those frameworks.',
  check({ model, report }) {
    for (const control of model.index.controls.values()) {
      for (const [framework, ids] of Object.entries(control.data.mappings)) {
        const known = knownFrameworks[framework];
        if (!known) continue;
        ids.forEach((id, i) => {
          if (known.ids.includes(id)) return;
          const prefix = id.split(/[.-]/)[0] ?? id;
          const near = known.ids.filter((k) => k.startsWith(prefix));
          report(
            at(control, ['mappings', framework, i], this.id, 'warning', `Organisation control ${control.id} maps to ${id}, which is not an ID of ${known.title}.`,
              `Check the ID for a typo${near.length ? ` — ${known.title} has ${knownIds(near, 8)}` : ''}.`),
          );
        });
      }
    }
  },
};
