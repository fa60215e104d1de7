import { at, type Rule } from '../rule.ts';

export const exceptionsApproverLeft: Rule<'exceptions/approver-left'> = {
  id: 'exceptions/approver-left',
  check({ model, today, report }) {
    for (const entry of model.index.exceptions.values()) {
      const approver = model.index.people.get(entry.data.approver);
      const left = approver?.data.left;
      if (!approver || !left) continue;
      const who = `${approver.data.name} (${approver.id})`;
      report(
        left > today
          ? at(entry, ['approver'], this.id, `${who} approved exception ${entry.id} and leaves on ${left}; from then it accepts nothing.`, { severity: 'warning', hint: `Have someone who stays approve it again before ${left}: replace \`${approver.id}\` and update \`approved:\`.` })
          : at(entry, ['approver'], this.id, `${who} approved exception ${entry.id} but left on ${left}, so it accepts nothing: what it covers is reported as before.`),
      );
    }
  },
};
