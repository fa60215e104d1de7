/**
 * A Statement of Applicability kept in a spreadsheet, read into SoA entries, people and evidence
 * items. Reads like the checks: find the header → read the rows → merge rows per control → resolve
 * owners and evidence → plan the files. Nothing here writes; the command decides and writes.
 */
import path from 'node:path';
import { annexAById } from '../model/catalog.ts';
import { EvidenceSchema, SoaEntrySchema, type SoaEntry } from '../model/schemas.ts';
import { PLACEHOLDER_COLLECTED } from '../model/placeholders.ts';
import { People, plan, validate } from './plan.ts';
import type { PlannedFile } from './write.ts';
import { findHeader, headerScore, type Columns, type Header } from './header.ts';
import { guessEvidenceKind, parseBoolean, parseControlRef, parseDate, parseStatus, slugify, splitList, type Status } from './normalise.ts';
import { columnLetter, importProblem, type ImportProblem, type Place } from './problems.ts';
import { fileOf, type Existing } from './existing.ts';
import type { Row, Table } from './table.ts';

export type SoaField =
  | 'id'
  | 'title'
  | 'applicable'
  | 'justification'
  | 'basis'
  | 'basis:legal'
  | 'basis:contractual'
  | 'basis:business'
  | 'basis:risk-treatment'
  | 'status'
  | 'targetDate'
  | 'owners'
  | 'evidence'
  | 'reviewed'
  | 'notes';

export const soaColumns: Columns<SoaField> = {
  names: {
    id: ['Control', 'Control ID', 'Control No', 'Control number', 'Control ref', 'Ref', 'Reference', 'Annex A', 'Annex A control', 'Annex A ref', 'Annex A reference', 'ISO control', 'ISO 27001 control', 'ID', 'No', 'Clause'],
    title: ['Control name', 'Title', 'Control title', 'Name', 'Control description'],
    applicable: ['Applicable', 'Applicability', 'Included', 'Include', 'In scope', 'Applicable (Y/N)', 'Applicable?', 'Selected', 'Is applicable'],
    justification: ['Justification*', 'Reason', 'Reasons', 'Rationale*', 'Reason for inclusion*', 'Reason for exclusion*', 'Reason for inclusion/exclusion'],
    basis: ['Basis', 'Basis for inclusion', 'Selection basis', 'Reason for selection', 'Control selection'],
    'basis:legal': ['Legal requirements', 'Legal requirement', 'Legal', 'LR', 'Regulatory'],
    'basis:contractual': ['Contractual obligations', 'Contractual obligation', 'Contractual', 'CO'],
    'basis:business': ['Business requirements', 'Business requirement', 'Business requirements/best practice', 'Business', 'BR', 'BR/BP', 'Best practice'],
    'basis:risk-treatment': ['Risk assessment', 'Risk assessment results', 'Results of risk assessment', 'Risk treatment', 'RRA', 'RA'],
    status: ['Status', 'Implementation status', 'Implementation', 'Implemented', 'Implementation state', 'State'],
    targetDate: ['Target date', 'Due date', 'Target', 'Deadline', 'Planned by', 'Planned date'],
    owners: ['Owner', 'Owners', 'Control owner', 'Control owners', 'Responsible', 'Responsible person', 'Accountable'],
    evidence: ['Evidence', 'Evidence location', 'Evidence reference', 'Evidence of implementation'],
    reviewed: ['Last reviewed', 'Review date', 'Reviewed', 'Last review', 'Last review date', 'Date reviewed', 'Date of review'],
    notes: ['Notes', 'Note', 'Comments', 'Comment', 'Remarks'],
  },
  required: ['id'],
};

/** Days until imported evidence goes stale: a year, to be confirmed per item (90 for a quarterly review). */
export const IMPORTED_MAX_AGE_DAYS = 365;

export interface ImportResult {
  problems: ImportProblem[];
  files: PlannedFile[];
  /** Lines that say what was read (the header found, rows read). */
  info: string[];
  /** Per control that already has an entry in another file and would stay as it is. */
  unchangedElsewhere: string[];
}

/** One spreadsheet row, read. */
interface ReadRow {
  row: number;
  written: string;
  from2013: string | null;
  applicable: boolean | undefined;
  status: Status | undefined;
  targetDate: string | undefined;
  justification: string | undefined;
  basis: NonNullable<SoaEntry['basis']>;
  owners: string[];
  evidence: string[];
  reviewed: string | undefined;
  notes: string | undefined;
}

/** Picks the candidate table (a CSV file read with each delimiter) whose header is recognised best. */
export function bestTable<F extends string>(tables: readonly Table[], columns: Columns<F>, overrides: ReadonlyMap<string, F | 'ignore'>): Table {
  return tables.reduce((best, t) => (headerScore(t, columns, overrides) > headerScore(best, columns, overrides) ? t : best));
}

export function describeTable(table: Table): string {
  return table.sheet === null ? path.basename(table.file) : `${path.basename(table.file)}, sheet "${table.sheet}"`;
}

/** Reads a header row, and says what it found in the report. */
export function readHeader<F extends string>(table: Table, columns: Columns<F>, overrides: ReadonlyMap<string, F | 'ignore'>, problems: ImportProblem[], info: string[]): Header<F> | null {
  const header = findHeader(table, columns, overrides);
  if (!header) {
    problems.push(
      importProblem(
        'import/no-header',
        { file: table.file },
        `No header row found in the first 50 rows of ${describeTable(table)}.`,
        `Name the columns in one row (for example ${Object.values<readonly string[]>(columns.names).slice(0, 4).map((n) => `"${n[0]!.replace('*', '')}"`).join(', ')}), or say which column is which with --map "Column header=field".`,
      ),
    );
    return null;
  }
  const mapped = [...header.fields].map(([i, f]) => `${columnLetter(i + 1)} "${header.row.cells[i]}" → ${f}`).join(', ');
  info.push(`${describeTable(table)}: header on row ${header.row.number}: ${mapped}.`);
  for (const { index, text } of header.ignored) {
    problems.push(importProblem('import/column-ignored', { file: table.file, row: header.row.number, column: index + 1 }, `Column ${columnLetter(index + 1)} "${text}" is not a column the import knows: its values are not imported.`, `To import it, name its field: --map "${text}=<field>".`));
  }
  for (const { index, text, field } of header.repeated) {
    problems.push(importProblem('import/column-ignored', { file: table.file, row: header.row.number, column: index + 1 }, `Column ${columnLetter(index + 1)} "${text}" is a second ${field} column: only column ${columnLetter(header.columns.get(field)! + 1)} is read.`, `Rename one of them, or --map "${text}=ignore".`));
  }
  for (const field of columns.required) {
    if (!header.columns.has(field)) {
      problems.push(importProblem('import/missing-column', { file: table.file, row: header.row.number }, `The header row has no ${field} column.`, `Add one, or name the column that holds it: --map "Column header=${field}".`));
    }
  }
  return header;
}

/** Cells of a row that are not empty, counting merged cells (which repeat one value) once. */
const distinctValues = (row: Row): number => new Set(row.cells.filter(Boolean)).size;

export function importSoa(table: Table, existing: Existing, overrides: ReadonlyMap<string, SoaField | 'ignore'>): ImportResult {
  const problems: ImportProblem[] = [];
  const info: string[] = [];
  const result: ImportResult = { problems, files: [], info, unchangedElsewhere: [] };
  const header = readHeader(table, soaColumns, overrides, problems, info);
  if (!header || !header.columns.has('id')) return result;
  if (!header.columns.has('applicable') && !header.columns.has('status')) {
    problems.push(importProblem('import/missing-column', { file: table.file, row: header.row.number }, 'The header row has neither an applicable nor a status column: nothing says which controls apply.', 'Add an Applicable column (Yes/No), or name it: --map "Column header=applicable".'));
    return result;
  }

  const byControl = new Map<string, ReadRow[]>();
  let skipped = 0;
  for (const row of table.rows.filter((r) => r.number > header.row.number)) {
    const read = readRow(table, header, row, problems);
    if (read === 'skip') {
      skipped++;
      continue;
    }
    if (!read) continue;
    for (const id of read.ids) byControl.set(id, [...(byControl.get(id) ?? []), read.row]);
  }
  info.push(`${describeTable(table)}: ${[...byControl.values()].flat().length} rows read for ${byControl.size} controls; ${skipped} title, section, blank or total rows skipped.`);

  const people = new People(existing);
  const evidence = new Map<string, PlannedEvidence>();
  const source = (rows: readonly ReadRow[]) => `${path.basename(table.file)}${table.sheet === null ? '' : `, sheet "${table.sheet}"`}, ${rows.length > 1 ? 'rows' : 'row'} ${rows.map((r) => r.row).join(', ')}`;
  const at = (row: number, field?: SoaField): Place => ({ file: table.file, row, column: field && header.columns.has(field) ? header.columns.get(field)! + 1 : null });

  for (const [id, rows] of [...byControl].sort(([a], [b]) => compareIds(a, b))) {
    const entry = merge(id, rows, at, problems);
    if (!entry) continue;
    const first = rows[0]!;
    const owners: string[] = [];
    for (const r of rows) for (const text of r.owners) owners.push(people.resolve(text, source([r])));
    const ownerIds = [...new Set(owners)];
    const evidenceIds: string[] = [];
    const unattached: string[] = [];
    for (const r of rows) {
      for (const text of r.evidence) {
        const itemId = slugify(text);
        const found = existing.files.evidence.get(itemId) ?? [...existing.files.evidence.values()].find((e) => e.data.location === text || e.data.title === text);
        if (!itemId && !found) continue;
        // Evidence recorded by hand elsewhere is referred to, never rewritten.
        if (found && fileOf(existing, found) !== `evidence/${found.id}.yaml`) {
          evidenceIds.push(found.id);
          continue;
        }
        const owner = ownerIds[0] ?? found?.data.owner;
        if (!owner) {
          unattached.push(text);
          continue;
        }
        const key = found?.id ?? itemId;
        const planned = evidence.get(key) ?? { id: key, text, owner, controls: new Set<string>(), collected: [], source: source([r]) };
        planned.controls.add(id);
        if (r.reviewed) planned.collected.push(r.reviewed);
        evidence.set(key, planned);
        evidenceIds.push(key);
      }
    }
    if (unattached.length) {
      problems.push(importProblem('import/evidence-not-imported', at(first.row, 'evidence'), `${id} names evidence but no owner to collect it, so no evidence item was made; the text is kept in the entry's notes.`, 'Add an owner to the row and import again, or create the evidence items by hand.'));
    }
    const notes = [entry.notes, ...(unattached.length ? [`Evidence named in the sheet, not yet recorded: ${unattached.join('; ')}.`] : [])].filter(Boolean).join('\n\n');
    const data: Record<string, unknown> = {
      id,
      applicable: entry.applicable,
      ...(entry.justification ? { justification: entry.justification } : {}),
      ...(entry.basis.length ? { basis: entry.basis } : {}),
      ...(entry.status ? { status: entry.status } : {}),
      ...(entry.targetDate ? { targetDate: entry.targetDate } : {}),
      ...(ownerIds.length ? { owners: ownerIds } : {}),
      ...(evidenceIds.length ? { evidence: [...new Set(evidenceIds)] } : {}),
      ...(notes ? { notes } : {}),
    };
    const converted = rows.filter((r) => r.from2013).map((r) => r.from2013);
    const planned = plan(`soa/${id}.yaml`, data, SoaEntrySchema, [`Imported from ${source(rows)}${converted.length ? ` (ISO/IEC 27001:2013 ${converted.join(', ')})` : ''}.`], `${table.file}:${rows.map((r) => r.row).join(',')}`);
    if (!validate(planned, SoaEntrySchema, at(first.row), problems)) continue;
    const elsewhere = existing.files.soa.get(id);
    if (elsewhere && fileOf(existing, elsewhere) !== planned.path) {
      if (planned.same(elsewhere.data, data)) result.unchangedElsewhere.push(`${fileOf(existing, elsewhere)} (${id})`);
      else problems.push(importProblem('import/entry-elsewhere', at(first.row), `${id} already has an entry in ${fileOf(existing, elsewhere)}, which differs from this row; an import does not rewrite it.`, `Edit ${fileOf(existing, elsewhere)} by hand, or move the entry to soa/${id}.yaml of its own and import with --force.`));
      continue;
    }
    result.files.push(planned);
  }

  for (const item of evidence.values()) {
    const collected = item.collected.sort().at(-1);
    const data = {
      id: item.id,
      title: item.text,
      kind: guessEvidenceKind(item.text),
      location: item.text,
      collected: collected ?? PLACEHOLDER_COLLECTED,
      maxAgeDays: IMPORTED_MAX_AGE_DAYS,
      owner: item.owner,
      controls: [...item.controls].sort(compareIds),
    };
    const confirm = collected
      ? 'To confirm: `collected` is the date the control was last reviewed; `kind`, `maxAgeDays`, `owner` and `location` were filled in by the import.'
      : `To confirm: the sheet gives no date, so \`collected\` is a placeholder (${PLACEHOLDER_COLLECTED}) and \`trustbook check\` reports this item as stale until you enter the date it was collected; \`kind\`, \`maxAgeDays\`, \`owner\` and \`location\` were filled in by the import.`;
    const planned = plan(`evidence/${item.id}.yaml`, data, EvidenceSchema, [`Imported from ${item.source}.`, confirm], item.source, collected ? {} : { collected: 'placeholder: enter the date this evidence was collected' });
    if (validate(planned, EvidenceSchema, { file: table.file }, problems)) result.files.push(planned);
  }
  result.files.push(...people.files({ file: table.file }, problems));
  return result;
}

interface PlannedEvidence {
  id: string;
  text: string;
  owner: string;
  controls: Set<string>;
  collected: string[];
  source: string;
}

/** Reads one row after the header: a control row, a row to skip, or null after a problem. */
function readRow(table: Table, header: Header<SoaField>, row: Row, problems: ImportProblem[]): { ids: string[]; row: ReadRow } | 'skip' | null {
  const cell = (field: SoaField) => (header.columns.has(field) ? (row.cells[header.columns.get(field)!] ?? '').trim() : '');
  const at = (field?: SoaField): Place => ({ file: table.file, row: row.number, column: field && header.columns.has(field) ? header.columns.get(field)! + 1 : null });
  const firstValue = row.cells.find(Boolean) ?? '';
  if (!firstValue) return 'skip';
  if (/^(sub)?totals?\b/i.test(firstValue)) return 'skip';
  const idText = cell('id');
  if (!idText) {
    if (distinctValues(row) <= 1) return 'skip';
    problems.push(importProblem('import/row-skipped', at('id'), 'This row has values but no control ID: it was not imported.', 'Write the Annex A control ID (A.5.1) in the row, or delete the row.'));
    return null;
  }
  const ref = parseControlRef(idText);
  if (ref.kind === 'section') return 'skip';
  if (ref.kind === 'none' && distinctValues(row) <= 1) return 'skip';
  if (ref.kind === 'none' || ref.kind === 'unknown') {
    problems.push(
      importProblem(
        'import/unknown-control',
        at('id'),
        ref.kind === 'unknown' ? `${ref.id} is not a control of ISO/IEC 27001:2022 Annex A, nor an ISO/IEC 27001:2013 control that maps to one.` : `"${idText}" is not an Annex A control ID.`,
        'Annex A (2022) has A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14 and A.8.1–A.8.34; 2013 IDs such as A.12.6.1 are converted.',
      ),
    );
    return null;
  }
  let failed = false;
  const value = <T>(field: SoaField, parsed: { ok: true; value: T } | { ok: false; reason: string; hint?: string }): T | undefined => {
    if (parsed.ok) return parsed.value;
    problems.push(importProblem('import/bad-value', at(field), `${field}: ${parsed.reason}`, parsed.hint));
    failed = true;
    return undefined;
  };
  const applicable = value('applicable', parseBoolean(cell('applicable')));
  const status = value('status', parseStatus(cell('status')));
  const target = value('targetDate', parseDate(cell('targetDate')));
  const reviewed = value('reviewed', parseDate(cell('reviewed')));
  const basis = new Set<NonNullable<SoaEntry['basis']>[number]>();
  for (const word of splitList(cell('basis'))) {
    const b = basisOf(word);
    if (b) basis.add(b);
    else value('basis', { ok: false, reason: `"${word}" is not a basis for including a control.`, hint: 'Write risk treatment, legal, contractual or business (several separated by commas).' });
  }
  for (const b of ['legal', 'contractual', 'business', 'risk-treatment'] as const) if (value(`basis:${b}`, parseBoolean(cell(`basis:${b}`)))) basis.add(b);
  if (failed) return null;

  let isApplicable = applicable;
  if (status?.status === 'excluded') {
    if (applicable === true) {
      problems.push(importProblem('import/conflicting-values', at('status'), `${ref.ids.join(', ')} is marked applicable, but its status says "${cell('status')}".`, 'Make the two agree: an excluded control is "No" under applicable.'));
      return null;
    }
    isApplicable = false;
  }
  const finalStatus = status && status.status !== 'excluded' ? status.status : undefined;
  if (isApplicable === false && finalStatus && finalStatus !== 'not-implemented') {
    problems.push(importProblem('import/conflicting-values', at('status'), `${ref.ids.join(', ')} is marked not applicable, but its status is "${cell('status')}".`, 'An excluded control is not implemented: correct the applicability or the status.'));
    return null;
  }
  const statusTarget = status && 'targetDate' in status ? status.targetDate : undefined;
  if (statusTarget && target && statusTarget !== target) {
    problems.push(importProblem('import/conflicting-values', at('targetDate'), `The status says planned for ${statusTarget}, the target date column says ${target}.`, 'Make the two agree.'));
    return null;
  }
  const justification = cell('justification') || undefined;
  const owners = splitList(cell('owners'));
  const evidence = splitList(cell('evidence'), /[;\n]/y);
  const notes = [cell('notes'), reviewed ? `Last reviewed ${reviewed}.` : ''].filter(Boolean).join('\n\n') || undefined;
  if (isApplicable === undefined) {
    const hasValues = Boolean(finalStatus || justification || owners.length || evidence.length);
    if (hasValues || header.columns.has('applicable')) {
      problems.push(
        hasValues
          ? importProblem('import/missing-value', at('applicable'), `${ref.ids.join(', ')} has no applicability: say whether the control is applicable.`, 'Write Yes or No under applicable.')
          : importProblem('import/row-skipped', at('applicable'), `${ref.ids.join(', ')} has no applicability decision: it was not imported.`, 'Write Yes or No under applicable, and import again.'),
      );
    }
    return null;
  }
  if (ref.from2013) {
    const titles = ref.ids.map((id) => `${id} "${annexAById.get(id)!.title}"`).join(' and ');
    problems.push(importProblem('import/converted-2013', at('id'), `${ref.from2013} is an ISO/IEC 27001:2013 control: imported as ${titles}.`));
  } else {
    const title = cell('title') || ref.rest;
    if (title && !titlesAgree(title, annexAById.get(ref.ids[0]!)!.title)) {
      problems.push(importProblem('import/title-mismatch', at(cell('title') ? 'title' : 'id'), `The row says "${title}", but ${ref.ids[0]} is "${annexAById.get(ref.ids[0]!)!.title}".`, 'Check that the control ID is right; the title in the sheet is not imported.'));
    }
  }
  return {
    ids: ref.ids,
    row: { row: row.number, written: idText, from2013: ref.from2013, applicable: isApplicable, status: finalStatus, targetDate: statusTarget ?? target, justification, basis: [...basis], owners, evidence, reviewed, notes },
  };
}

function basisOf(word: string): NonNullable<SoaEntry['basis']>[number] | null {
  const w = word.toLowerCase();
  if (/risk|^rra?$/.test(w)) return 'risk-treatment';
  if (/legal|law|regulat|statut|^lr$|gdpr/.test(w)) return 'legal';
  if (/contract|customer|^co$/.test(w)) return 'contractual';
  if (/business|best practice|^br(\/bp)?$|^bp$/.test(w)) return 'business';
  return null;
}

/** Whether a title written in a sheet could name the catalogue's control: they share most of their words. */
function titlesAgree(written: string, catalogue: string): boolean {
  const words = (s: string) => new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 3).map((w) => w.slice(0, 6)));
  const a = words(written);
  const b = words(catalogue);
  if (!a.size || !b.size) return true;
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared / Math.min(a.size, b.size) >= 0.5;
}

/**
 * The rows of one control as one entry. Two rows with the control's own 2022 ID are a duplicate;
 * rows that reach it through the 2013 map (A.5.1.1 and A.5.1.2 both became A.5.1) are merged when
 * they agree on applicability, status and target date.
 */
function merge(id: string, rows: readonly ReadRow[], at: (row: number, field?: SoaField) => Place, problems: ImportProblem[]) {
  const direct = rows.filter((r) => !r.from2013);
  if (direct.length > 1) {
    for (const r of direct.slice(1)) problems.push(importProblem('import/duplicate-row', at(r.row, 'id'), `${id} is on row ${direct[0]!.row} already.`, 'Keep one row per control: delete or merge the other.'));
    return null;
  }
  const first = rows[0]!;
  for (const r of rows.slice(1)) {
    const differs = (['applicable', 'status', 'targetDate'] as const).find((f) => r[f] !== first[f]);
    if (differs) {
      const show = (row: ReadRow) => `row ${row.row} (${row.written}) says ${String(row[differs] ?? 'nothing')}`;
      problems.push(importProblem('import/conflicting-values', at(r.row, differs === 'applicable' ? 'applicable' : 'status'), `Rows ${first.row} and ${r.row} both become ${id} but disagree on ${differs}: ${show(first)}, ${show(r)}.`, `Make them agree, or keep one row for ${id}.`));
      return null;
    }
  }
  const joined = (field: 'justification' | 'notes') => [...new Set(rows.map((r) => r[field]).filter(Boolean))].join('\n\n') || undefined;
  return { applicable: first.applicable!, status: first.status, targetDate: first.targetDate, justification: joined('justification'), notes: joined('notes'), basis: [...new Set(rows.flatMap((r) => r.basis))] };
}

const compareIds = (a: string, b: string): number => {
  const pa = a.slice(2).split('.').map(Number);
  const pb = b.slice(2).split('.').map(Number);
  return pa[0]! - pb[0]! || pa[1]! - pb[1]!;
};
