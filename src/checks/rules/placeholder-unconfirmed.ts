/**
 * `placeholder/unconfirmed`: values that `trustbook init` and `trustbook import` wrote because
 * nobody had given them yet, still in the content. Addresses on the reserved `.invalid` domain and
 * the "Replace this:" description in the settings would be published on both sites and in
 * security.txt; an evidence item whose
 * collection date is the import's placeholder has never been dated. Both are errors. A person whose
 * email the import made up is a warning: nothing is published with it, but nobody can reach them.
 * Many of one kind are one problem, as `soa/undecided` reports a new SoA.
 */
import path from 'node:path';
import { displayPath } from '../../load/paths.ts';
import { collections } from '../../model/collections.ts';
import { isPlaceholderAddress, isPlaceholderDescription, isPlaceholderEmail, PLACEHOLDER_COLLECTED } from '../../model/placeholders.ts';
import { problem } from '../../diagnostics/catalogue.ts';
import type { Entry } from '../../load/loader.ts';
import { at, type Rule, type RuleContext } from '../rule.ts';

/** Up to this many entities of one kind are reported one by one. */
const ONE_BY_ONE = 5;

/** Settings fields that hold an address, in the order of the settings file. */
const addressFields = [
  ['sites', 'public'],
  ['sites', 'internal'],
  ['contact', 'email'],
  ['security', 'contact'],
  ['security', 'disclosurePolicy'],
  ['security', 'encryption'],
] as const;

export const placeholderUnconfirmed: Rule<'placeholder/unconfirmed'> = {
  id: 'placeholder/unconfirmed',
  check(context) {
    const { model, report } = context;
    const settings = model.settings as unknown as Record<string, Record<string, unknown> | undefined> | null;
    if (settings) {
      const fields: (readonly string[])[] = addressFields.filter(([group, key]) => {
        const value = settings[group]?.[key];
        return typeof value === 'string' && isPlaceholderAddress(value);
      });
      const description = settings.organisation?.description;
      if (typeof description === 'string' && isPlaceholderDescription(description)) fields.unshift(['organisation', 'description']);
      if (fields.length) {
        const first = model.locateSetting([...fields[0]!]);
        const names = fields.map((f) => `\`${f.join('.')}\``);
        report(
          problem(
            this.id,
            { file: model.settingsFile, line: first?.line ?? null, column: first?.column ?? null, entity: 'settings', subject: { collection: 'settings', id: 'settings', field: fields[0]!.join('.') } },
            `The settings still hold the placeholders \`trustbook init\` wrote: ${names.join(', ')}. The trust center and its security.txt would publish them.`,
            { hint: 'Write your own: a description of the organisation, the sites where you will deploy, the mailbox customers write to, how to report a vulnerability and your disclosure policy.' },
          ),
        );
      }
    }
    const undated = [...model.index.evidence.values()].filter((e) => e.data.collected === PLACEHOLDER_COLLECTED);
    grouped(context, undated, ['collected'], 'error', (e) => `Evidence "${e.data.title}" has no collection date yet: ${PLACEHOLDER_COLLECTED} is the placeholder the import wrote.`, (n) => `${n} evidence items have no collection date yet (${PLACEHOLDER_COLLECTED} is the placeholder the import wrote)`, 'Ask each owner when the evidence was last collected and write that date as `collected:`; if it was never collected, collect it now.');
    const unreachable = [...model.index.people.values()].filter((p) => isPlaceholderEmail(p.data.email));
    grouped(context, unreachable, ['email'], 'warning', (p) => `${p.data.name}'s email is the placeholder the import wrote (${p.data.email}).`, (n) => `${n} people have the placeholder email the import wrote`, 'Write each person\'s work email: owners are reached there when a review or evidence falls due.');
  },
};

function grouped<E extends Entry>(
  { model, report }: RuleContext,
  entries: readonly E[],
  field: string[],
  severity: 'error' | 'warning',
  one: (entry: E) => string,
  many: (count: number) => string,
  hint: string,
) {
  if (entries.length === 0) return;
  if (entries.length <= ONE_BY_ONE) {
    for (const entry of entries) report(at(entry, field, 'placeholder/unconfirmed', one(entry), { severity, hint }));
    return;
  }
  const ids = entries.map((e) => e.id);
  const folder = `${displayPath(path.join(model.root, collections[entries[0]!.collection].folder))}/`;
  report(problem('placeholder/unconfirmed', { file: folder, line: null, column: null, entity: null, subject: null }, `${many(entries.length)}: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? `, … (${ids.length} in all)` : ''}.`, { severity, hint }));
}
