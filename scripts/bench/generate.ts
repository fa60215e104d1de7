/**
 * Organisations N times the example, for the benchmark. Evidence, policies, risks, organisation
 * controls and questionnaire answers are copied N times under new ids, and every copy is made
 * distinct — its own title, question and a sentence of its own in each policy — so that each
 * public page of a copy has a link-preview card of its own to draw, as a real organisation of that
 * size would. The SoA keeps its 93 entries; people, subprocessors and the rest stay as they are.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';

/** Names for the copies, so that titles read like an organisation's own rather than a counter. */
const UNITS = ['Payments', 'Mobile', 'Research', 'Platform', 'Data', 'Retail', 'Health', 'Logistics', 'Media', 'Identity', 'Maps', 'Voice', 'Edge', 'Billing', 'Growth', 'Support', 'Labs', 'Cloud', 'Devices', 'Studio'];
const unit = (copy: number) => `${UNITS[(copy - 2) % UNITS.length]} unit ${copy}`;

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** Makes `dir` a copy of `example` with the multipliable collections repeated `n` times, each copy distinct. */
export function generateOrganisation(example: string, dir: string, n: number): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(example, dir, { recursive: true });
  for (let copy = 2; copy <= n; copy++) {
    const suffix = `-x${copy}`;
    const label = unit(copy);
    for (const folder of ['evidence', 'risks', 'controls', 'answers']) {
      for (const file of readdirSync(path.join(example, folder))) {
        const doc = parseDocument(readFileSync(path.join(example, folder, file), 'utf8'));
        if (folder === 'answers') {
          if (!isSeq(doc.contents)) throw new Error(`answers/${file} is not a list`);
          for (const node of doc.contents.items) {
            if (!isMap(node)) continue;
            const item = node as YAMLMap<unknown, unknown>;
            item.set('id', `${String(item.get('id'))}${suffix}`);
            item.set('question', `${String(item.get('question'))} (${label})`);
            renameAliases(item, suffix);
          }
        } else {
          renameEntity(doc, folder, copy, suffix, label);
        }
        writeFileSync(path.join(dir, folder, file.replace(/(\.[a-z]+)$/, `${suffix}$1`)), doc.toString({ lineWidth: 0 }));
      }
    }
    for (const file of readdirSync(path.join(example, 'policies'))) {
      const text = readFileSync(path.join(example, 'policies', file), 'utf8');
      const match = FRONT_MATTER.exec(text);
      if (!match) throw new Error(`policies/${file} has no front matter`);
      const doc = parseDocument(match[1]!);
      renameEntity(doc, 'policies', copy, suffix, label);
      const body = text.slice(match[0].length);
      const own = `\n\nThis edition of the policy applies to the ${label}, which keeps its own register of exceptions and reviews it with the security team every quarter.\n`;
      writeFileSync(path.join(dir, 'policies', file.replace(/(\.[a-z]+)$/, `${suffix}$1`)), `---\n${doc.toString({ lineWidth: 0 })}---\n${body.trimEnd()}${own}`);
    }
  }
}

function renameEntity(doc: Document, folder: string, copy: number, suffix: string, label: string) {
  const id = String(doc.get('id'));
  // Organisation controls keep their `ABC-12` form: `AST-01` becomes `AST-201`.
  doc.set('id', folder === 'controls' ? id.replace(/^([A-Z]+)-(\d+)$/, `$1-${copy}$2`) : `${id}${suffix}`);
  if (doc.has('title')) doc.set('title', `${String(doc.get('title'))} (${label})`);
  if (isMap(doc.contents)) renameAliases(doc.contents as YAMLMap<unknown, unknown>, suffix);
}

/** Old addresses are one page's each: a copy's aliases are its own. */
function renameAliases(map: YAMLMap<unknown, unknown>, suffix: string) {
  const aliases = map.get('aliases');
  if (isSeq(aliases)) aliases.items = aliases.items.map((alias) => `${String(isScalar(alias) ? alias.value : alias)}${suffix}`);
}
