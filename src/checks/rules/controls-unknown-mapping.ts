import { knownFrameworks } from '../../model/catalog.ts';
import { at, knownIds, lookup, type Rule } from '../rule.ts';

export const controlsUnknownMapping: Rule<'controls/unknown-mapping'> = {
  id: 'controls/unknown-mapping',
  check({ model, report }) {
    for (const control of model.index.controls.values()) {
      for (const [framework, ids] of Object.entries(control.data.mappings)) {
        // Framework keys are written in content: `constructor` is a key like any other, not Object's.
        const known = lookup(knownFrameworks, framework);
        if (!known) continue;
        ids.forEach((id, i) => {
          if (known.ids.includes(id)) return;
          const prefix = id.split(/[.-]/)[0] ?? id;
          const near = known.ids.filter((k) => k.startsWith(prefix));
          report(
            at(control, ['mappings', framework, i], this.id, `Organisation control ${control.id} maps to ${id}, which is not an ID of ${known.title}.`, {
              hint: `Check the ID for a typo${near.length ? ` — ${known.title} has ${knownIds(near, 8)}` : ''}.`,
            }),
          );
        });
      }
    }
  },
};
