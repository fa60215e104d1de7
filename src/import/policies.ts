/**
 * Policy documents (Markdown or Word) read into policies: `policies/<id>.mdx`, its front matter
 * filled from what the document says about itself and its text as MDX that loads.
 *
 * Policies say who owns and approved them, their version and dates in a handful of ways: a block of
 * `Label: value` lines under the title, a two-column "Document control" table, a version history
 * table, or (in Markdown) YAML front matter. Each is read; what was read is taken out of the text
 * (the page shows it from the front matter), and a version history table is kept. What the document
 * does not say is left out, so that `trustbook check` names each missing field and whom to ask.
 */
import path from 'node:path';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { toString as mdastText } from 'mdast-util-to-string';
import type { Heading, Nodes, Root, RootContent, Table } from 'mdast';
import { parseMarkdown } from '../load/markdown.ts';
import { PolicySchema } from '../model/schemas.ts';
import { annexAById } from '../model/catalog.ts';
import { headerKey, parseControlRef, parseDate, slugify, splitList } from './normalise.ts';
import { importProblem, type ImportProblem, type Place } from './problems.ts';
import { fileOf, type Existing } from './existing.ts';
import type { PolicyDocument } from './document.ts';
import type { ImportResult } from './soa.ts';
import { People, plan, validate } from './plan.ts';

type Field = 'id' | 'title' | 'summary' | 'version' | 'owner' | 'approver' | 'approved' | 'effective' | 'nextReview' | 'reviewIntervalMonths' | 'controls' | 'visibility' | 'date';

/** Labels a document uses for each field, compared as `headerKey` compares headers. */
const labels: Record<Field, readonly string[]> = {
  id: ['id', 'Document ID', 'Policy ID', 'Reference', 'Document reference', 'Doc ref', 'Policy reference'],
  title: ['Title', 'Document title', 'Policy title', 'Document name', 'Policy name', 'Name'],
  summary: ['Summary', 'Abstract', 'Synopsis', 'Description'],
  version: ['Version', 'Document version', 'Version number', 'Version no', 'Current version', 'Rev', 'Revision', 'Issue'],
  owner: ['Owner', 'Policy owner', 'Document owner', 'Maintained by', 'Author', 'Prepared by', 'Written by', 'Responsible', 'Custodian'],
  approver: ['Approver', 'Approved by', 'Authorised by', 'Authorized by', 'Signed off by', 'Sign-off', 'Approval authority'],
  approved: ['Approved', 'Approval date', 'Date approved', 'Approved on', 'Date of approval', 'Sign-off date', 'Last approved'],
  effective: ['Effective', 'Effective date', 'Effective from', 'In effect from', 'Valid from', 'Date of issue', 'Issue date', 'Issued', 'Publication date', 'Published', 'Date published'],
  nextReview: ['Next review', 'Next review date', 'Review by', 'Review due', 'Due for review', 'Scheduled review', 'Next scheduled review', 'Review date'],
  reviewIntervalMonths: ['Review frequency', 'Review cycle', 'Review interval', 'Review period', 'reviewIntervalMonths'],
  controls: ['Controls', 'ISO 27001 controls', 'ISO/IEC 27001 controls', 'Annex A', 'Annex A controls', 'Related controls', 'ISO reference', 'ISO references', 'ISO 27001 reference', 'ISO 27001 references', 'Control references'],
  visibility: ['Classification', 'Confidentiality', 'Visibility', 'Distribution', 'Security classification', 'Information classification'],
  date: ['Date', 'Last updated', 'Last reviewed', 'Updated', 'Last modified', 'Document date'],
};

const byKey = new Map<string, Field>(Object.entries(labels).flatMap(([field, names]) => names.map((n) => [headerKey(n), field as Field] as const)));
byKey.set('nextreview', 'nextReview');
byKey.set('reviewintervalmonths', 'reviewIntervalMonths');

const fieldOf = (label: string): Field | undefined => byKey.get(headerKey(label.replace(/\*+/g, '')));

/** Headings of the sections that hold a document's facts about itself. */
const CONTROL_SECTION = /^(document (control|information|details|properties|history|approval|management)|version (control|history)|revision history|change (history|log)|approvals?|metadata|document metadata)$/i;
/** Sections whose first sentence says what a policy is for: its summary. */
const PURPOSE_SECTION = /^(\d+(\.\d+)*\.?\s*)?(purpose|introduction|overview|summary|objectives?|aim)$/i;

export interface PolicyImportOptions {
  /** Today, to say nothing in the future is "approved". */
  today: string;
}

export function importPolicies(documents: readonly PolicyDocument[], existing: Existing, { today }: PolicyImportOptions): ImportResult {
  const problems: ImportProblem[] = [];
  const info: string[] = [];
  const result: ImportResult = { problems, files: [], info, unchangedElsewhere: [] };
  const people = new People(existing);
  const ids = new Map<string, string>();
  for (const document of documents) {
    const planned = importPolicy(document, people, problems, today);
    if (!planned) continue;
    const { id, file, summary } = planned;
    if (ids.has(id)) {
      problems.push(importProblem('import/duplicate-row', { file: document.file }, `${document.file} and ${ids.get(id)} would both become the policy "${id}".`, 'Import one of them, or give one a different title.'));
      continue;
    }
    ids.set(id, document.file);
    info.push(summary);
    const elsewhere = existing.files.policies.get(id);
    if (elsewhere && fileOf(existing, elsewhere) !== file.path) {
      problems.push(importProblem('import/entry-elsewhere', { file: document.file }, `The policy "${id}" is already in ${fileOf(existing, elsewhere)}; an import does not rewrite it.`, `Edit ${fileOf(existing, elsewhere)} by hand, or move it to ${file.path} and import with --force.`));
      continue;
    }
    result.files.push(file);
  }
  result.files.push(...people.files({ file: documents[0]?.file ?? '' }, problems));
  return result;
}

interface Read {
  /** Values by field, as written, with where they were found. */
  values: Map<Field, { text: string; where: string }>;
}

function importPolicy(document: PolicyDocument, people: People, problems: ImportProblem[], today: string) {
  const at: Place = { file: document.file };
  const tree = document.tree;
  const read: Read = { values: new Map() };
  const note = (where: string, field: Field, text: string) => {
    const value = text.trim();
    if (value && !read.values.has(field)) read.values.set(field, { text: value, where });
  };

  for (const [key, value] of Object.entries(document.frontMatter ?? {})) {
    const field = fieldOf(key);
    if (!field) {
      problems.push(importProblem('import/column-ignored', at, `The front matter's \`${key}\` is not a policy field the import knows: it is not imported.`));
      continue;
    }
    const text = Array.isArray(value) ? value.map(String).join(', ') : value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value);
    note('the front matter', field, text);
  }

  const title = takeTitle(tree);
  if (title) note('the first heading', 'title', title);
  const history = readMetadata(tree, note);
  if (history) {
    note('the version history', 'version', history.version ?? '');
    if (history.date) note('the version history', 'approved', history.date);
    if (history.approver) note('the version history', 'approver', history.approver);
  }
  shiftHeadings(tree);
  const purpose = purposeSentence(tree);

  const value = (field: Field) => read.values.get(field)?.text;
  const titleText = value('title') ?? humanise(path.basename(document.file, path.extname(document.file)));
  const titleGuessed = !value('title');
  const id = slugify(value('id') && /^[a-z0-9][a-z0-9-]*$/.test(value('id')!) ? value('id')! : titleText.replace(/\s+v(ersion)?\s*\d+(\.\d+)*\s*$/i, ''));
  if (!id) {
    problems.push(importProblem('import/missing-value', at, 'The document has no title to name the policy after.', 'Give it a heading (or, in Word, the Title style) with the policy\'s title.'));
    return null;
  }
  const source = path.basename(document.file);
  const confirm: string[] = [];
  const fieldComments: Record<string, string> = {};
  const data: Record<string, unknown> = { id, title: titleText };
  if (value('summary') || purpose) {
    data.summary = value('summary') ?? purpose;
    if (!value('summary')) fieldComments.summary = 'to confirm: the first sentence of the purpose section';
  }
  const version = value('version')?.replace(/^v(ersion)?\.?\s*/i, '');
  if (version) data.version = version;
  for (const field of ['owner', 'approver'] as const) {
    const written = value(field);
    if (!written) continue;
    const name = splitList(written, /[;\n,&]|\s+and\s+/y)[0];
    if (name) data[field] = people.resolve(name, source);
  }
  // "Approved: Priya Shah, 2026-03-01" and "Approved: 2026-03-01" are both common.
  const dates: Partial<Record<'approved' | 'effective' | 'nextReview', string>> = {};
  for (const field of ['approved', 'effective', 'nextReview'] as const) {
    const written = value(field);
    if (!written) continue;
    const date = findDate(written);
    if (date) dates[field] = date;
    else if (field === 'approved' && !data.approver) data.approver = people.resolve(written, source);
    else problems.push(importProblem('import/bad-value', at, `${field}: "${written}" (in ${read.values.get(field)!.where}) is not a date that can be read, so \`${field}\` is left out.`, 'Write the date in the policy as YYYY-MM-DD, or enter it in the front matter after the import.'));
  }
  const undated = value('date') ? findDate(value('date')!) : null;
  if (!dates.approved && undated) {
    dates.approved = undated;
    fieldComments.approved = `to confirm: the document's ${labelOf(read, 'date')}`;
  }
  if (dates.approved && dates.approved > today) {
    problems.push(importProblem('import/bad-value', at, `approved: ${dates.approved} is after today (${today}), so \`approved\` is left out.`, 'Enter the date this version was approved.'));
    delete dates.approved;
  }
  let interval: number | undefined;
  if (value('reviewIntervalMonths')) {
    interval = reviewInterval(value('reviewIntervalMonths')!);
    if (interval) data.reviewIntervalMonths = interval;
    else problems.push(importProblem('import/bad-value', at, `reviewIntervalMonths: "${value('reviewIntervalMonths')}" is not a review frequency that can be read, so the default of 12 months applies.`, 'Write it as "Annual", "Every 6 months" or "12 months".'));
  }
  if (dates.approved) data.approved = dates.approved;
  if (dates.effective) data.effective = dates.effective;
  // The schema's order: interval before the next review it gives.
  if (interval) {
    delete data.reviewIntervalMonths;
    data.reviewIntervalMonths = interval;
  }
  if (dates.nextReview) data.nextReview = dates.nextReview;
  else if (dates.approved) {
    data.nextReview = addMonths(dates.approved, interval ?? 12);
    fieldComments.nextReview = `to confirm: approved + ${interval ?? 12} months`;
  }
  const controls = new Set<string>();
  for (const written of splitList(value('controls') ?? '', /[;\n,]|\s+and\s+/y)) {
    const ref = parseControlRef(written);
    if (ref.kind === 'control') {
      for (const c of ref.ids) controls.add(c);
      if (ref.from2013) problems.push(importProblem('import/converted-2013', at, `${ref.from2013} is an ISO/IEC 27001:2013 control: imported as ${ref.ids.map((c) => `${c} "${annexAById.get(c)?.title ?? c}"`).join(' and ')}.`));
    } else problems.push(importProblem('import/unknown-control', at, `"${written}" (in the policy's controls) is not an Annex A control, so it is left out.`, 'Annex A (2022) has A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14 and A.8.1–A.8.34; 2013 IDs are converted.'));
  }
  if (controls.size) data.controls = [...controls];
  // Only a classification that is exactly "Public" publishes the policy; anything else, however it starts, stays internal.
  const classification = value('visibility')?.trim().replace(/[.\s]+$/, '').toLowerCase();
  if (classification === 'public') {
    data.visibility = 'public';
    fieldComments.visibility = `to confirm: the document's ${labelOf(read, 'visibility')} says Public`;
  }

  const missing = (['version', 'owner', 'approver', 'approved', 'effective', 'nextReview'] as const).filter((f) => data[f] === undefined);
  if (titleGuessed) confirm.push('the title is made from the file name');
  if (missing.length) confirm.push(`the document does not say ${missing.map((f) => `\`${f}\``).join(', ')}: \`trustbook check\` lists each until it is entered`);
  if (document.dropped.length) confirm.push(`${document.dropped.join(' and ')} in the document ${document.dropped.length === 1 && /^1 /.test(document.dropped[0]!) ? 'was' : 'were'} not imported`);

  const body = toMdx(tree);
  const checked = parseMarkdown(body, 'mdx');
  for (const p of checked.problems.filter((x) => x.severity === 'error')) {
    problems.push(importProblem('import/invalid-entity', at, `policies/${id}.mdx would not load: line ${p.line}: ${p.message}`, 'Simplify that part of the document and import it again.'));
  }
  if (checked.problems.some((x) => x.severity === 'error')) return null;

  const file = plan(
    `policies/${id}.mdx`,
    data,
    PolicySchema.partial({ version: true, owner: true, approver: true, approved: true, effective: true, nextReview: true }),
    [`Imported from ${source} (${document.format === 'word' ? 'Word' : 'Markdown'}).`, ...(confirm.length ? [`To confirm: ${confirm.join('; ')}.`] : [])],
    document.file,
    fieldComments,
  );
  file.body = body;
  const schemaOk = validate(file, PolicySchema.partial({ version: true, owner: true, approver: true, approved: true, effective: true, nextReview: true }), at, problems, 'Correct it in the document and import again.');
  if (!schemaOk) return null;
  const readFields = [...read.values.keys()].filter((f) => f !== 'title' && f !== 'date');
  const summary = `${source}: "${titleText}" → policies/${id}.mdx${readFields.length ? `; read ${readFields.join(', ')}` : ''}${missing.length ? `; not in the document: ${missing.join(', ')}` : ''}.${document.unmapped ? ` ${document.unmapped} Word ${document.unmapped === 1 ? 'style' : 'styles'} read as plain paragraphs.` : ''}`;
  return { id, file, summary };
}

/** A node's text, with a line break (Shift+Enter in Word) as a new line. */
function textOf(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map((child) => textOf(child as Nodes)).join('');
  return mdastText(node);
}

const labelOf = (read: Read, field: Field): string => read.values.get(field)?.where ?? field;

/** The first heading of level 1 (or the only heading before the text starts), taken out of the text. */
function takeTitle(tree: Root): string | null {
  const index = tree.children.findIndex((n) => n.type === 'heading');
  if (index < 0) return null;
  const heading = tree.children[index] as Heading;
  const topLevel = Math.min(...tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => h.depth));
  const others = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === heading.depth).length;
  // A document with one top heading names itself there; one with many h1s has its sections there.
  if (heading.depth !== topLevel || (others > 1 && heading.depth > 1)) return null;
  if (others > 1 && index > 0 && tree.children.slice(0, index).some((n) => n.type === 'paragraph')) return null;
  tree.children.splice(index, 1);
  return textOf(heading).trim() || null;
}

/**
 * Reads `Label: value` paragraphs and key–value tables before the first heading and in
 * document-control sections, and removes them; returns the latest row of a version history table.
 */
function readMetadata(tree: Root, note: (where: string, field: Field, text: string) => void): { version?: string; date?: string; approver?: string } | null {
  let history: { version?: string; date?: string; approver?: string } | null = null;
  const keep: RootContent[] = [];
  let inPreamble = true;
  let section: { heading: Heading; kept: number } | null = null;
  const closeSection = () => {
    // A document-control section left empty loses its heading too.
    if (section && section.kept === 0) keep.splice(keep.indexOf(section.heading), 1);
    section = null;
  };
  for (const node of tree.children) {
    if (node.type === 'heading') {
      closeSection();
      inPreamble = false;
      keep.push(node);
      if (CONTROL_SECTION.test(textOf(node).trim().replace(/^\d+(\.\d+)*\.?\s*/, ''))) section = { heading: node, kept: 0 };
      continue;
    }
    const reading = inPreamble || section !== null;
    if (reading && node.type === 'paragraph') {
      const pairs = labelledLines(textOf(node));
      if (pairs) {
        for (const [field, text, label] of pairs) note(`"${label}"`, field, text);
        continue;
      }
    }
    if (reading && node.type === 'list') {
      const items = node.children.map((item) => labelledLines(textOf(item)));
      if (items.every(Boolean)) {
        for (const pairs of items) for (const [field, text, label] of pairs!) note(`"${label}"`, field, text);
        continue;
      }
    }
    if (node.type === 'table' && (reading || keep.filter((n) => n.type !== 'heading').length < 3)) {
      const pairs = keyValueTable(node);
      if (pairs) {
        for (const [field, text, label] of pairs) note(`the "${label}" row`, field, text);
        continue;
      }
      const latest = reading ? historyTable(node) : null;
      if (latest) history = latest;
    }
    if (section) section.kept++;
    keep.push(node);
  }
  closeSection();
  tree.children = keep;
  return history;
}

/** Each line of a paragraph as `Label: value`, when every line is one with a known label. */
function labelledLines(text: string): Array<[Field, string, string]> | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return null;
  const pairs: Array<[Field, string, string]> = [];
  for (const line of lines) {
    const m = /^([^:：]{1,40})[:：]\s*(.*)$/.exec(line);
    const field = m ? fieldOf(m[1]!) : undefined;
    if (!m || !field) return null;
    pairs.push([field, m[2]!, m[1]!.trim()]);
  }
  return pairs;
}

const cellText = (table: Table, row: number, cell: number): string => textOf(table.children[row]?.children[cell] ?? { type: 'text', value: '' }).trim();

/** A table of label and value cells (two columns, or label–value pairs side by side). */
function keyValueTable(table: Table): Array<[Field, string, string]> | null {
  const pairs: Array<[Field, string, string]> = [];
  let known = 0;
  let cells = 0;
  for (let r = 0; r < table.children.length; r++) {
    const width = table.children[r]!.children.length;
    for (let c = 0; c + 1 < width; c += 2) {
      const label = cellText(table, r, c);
      if (!label) continue;
      cells++;
      const field = fieldOf(label);
      if (field) {
        known++;
        pairs.push([field, cellText(table, r, c + 1), label]);
      }
    }
  }
  return known >= 2 && known >= cells * 0.6 ? pairs : null;
}

/** The latest row of a version history table (Version | Date | Author | Changes | Approved by). */
function historyTable(table: Table): { version?: string; date?: string; approver?: string } | null {
  const header = table.children[0]?.children.map((cell) => headerKey(textOf(cell))) ?? [];
  const column = (...names: string[]) => header.findIndex((h) => names.some((n) => h === n || h.startsWith(n)));
  const version = column('version', 'rev', 'issue');
  if (version < 0) return null;
  const date = column('date', 'approvaldate', 'approved');
  const approver = column('approvedby', 'approver', 'authorisedby', 'authorizedby');
  const rows = table.children.slice(1).map((_, i) => i + 1).filter((r) => cellText(table, r, version));
  if (!rows.length) return null;
  const rank = (text: string) => text.replace(/^v/i, '').split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const latest = rows.reduce((best, r) => {
    const a = rank(cellText(table, r, version));
    const b = rank(cellText(table, best, version));
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0) ? r : best;
    return r;
  });
  return {
    version: cellText(table, latest, version),
    ...(date >= 0 && cellText(table, latest, date) ? { date: cellText(table, latest, date) } : {}),
    ...(approver >= 0 && approver !== date && cellText(table, latest, approver) ? { approver: cellText(table, latest, approver) } : {}),
  };
}

/** Headings start at level 2: the page's own title is the only level 1. */
function shiftHeadings(tree: Root) {
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const top = Math.min(...headings.map((h) => h.depth));
  if (!headings.length || top >= 2) return;
  for (const h of headings) h.depth = Math.min(6, h.depth + (2 - top)) as Heading['depth'];
}

/** The first sentence under a "Purpose" (or Introduction, Overview) heading, when it is a sentence of a line's length. */
function purposeSentence(tree: Root): string | undefined {
  const index = tree.children.findIndex((n) => n.type === 'heading' && PURPOSE_SECTION.test(textOf(n).trim()));
  const paragraph = index >= 0 ? tree.children.slice(index + 1).find((n) => n.type === 'paragraph' || n.type === 'heading') : undefined;
  if (!paragraph || paragraph.type !== 'paragraph') return undefined;
  const text = textOf(paragraph).replace(/\s+/g, ' ').trim();
  const sentence = /^.{20,300}?[.!?](?=\s|$)/.exec(text)?.[0];
  return sentence && sentence.length <= 300 ? sentence : undefined;
}

/** The first date in a text: `2026-03-01`, `1 March 2026`, `March 1, 2026`. */
function findDate(text: string): string | null {
  const whole = parseDate(text);
  if (whole.ok && whole.value) return whole.value;
  const candidates = text.match(/\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{4}/g) ?? [];
  for (const candidate of candidates) {
    const parsed = parseDate(candidate);
    if (parsed.ok && parsed.value) return parsed.value;
  }
  return null;
}

/** "Annual" → 12, "Every 6 months" → 6, "Quarterly" → 3, "Every two years" → 24. */
export function reviewInterval(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, six: 6, twelve: 12, eighteen: 18, twenty: 20, 'twenty-four': 24 };
  if (/^(annual(ly)?|yearly|every year|once a year|each year|1 year|12 months?)$/.test(t)) return 12;
  if (/^(semi-?annual(ly)?|bi-?annual(ly)?|half-?yearly|twice a year|every six months)$/.test(t)) return 6;
  if (/^quarterly|every quarter$/.test(t)) return 3;
  if (/^monthly$/.test(t)) return 1;
  if (/^(biennial(ly)?|every two years|2 years)$/.test(t)) return 24;
  const m = /^(?:every\s+)?(\d{1,2}|[a-z-]+)\s*(months?|years?)$/.exec(t);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : words[m[1]!];
  if (!n) return undefined;
  const months = m[2]!.startsWith('year') ? n * 12 : n;
  return months >= 1 && months <= 60 ? months : undefined;
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** `information-security-policy_v2` → `Information Security Policy V2`. */
const humanise = (name: string): string => name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/\b\w/g, (c) => c.toUpperCase());

/**
 * The tree as MDX text: Markdown, with every `{` and `<` of the text escaped (MDX would read them as
 * code and markup) and a paragraph that starts with `import` or `export` written so that it stays text.
 */
export function toMdx(tree: Root): string {
  const text = unified()
    .use(remarkGfm)
    .use(remarkMdx)
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '_',
      rule: '-',
      unsafe: [
        { character: 'i', atBreak: true, after: 'mport\\b' },
        { character: 'e', atBreak: true, after: 'xport\\b' },
      ],
    })
    .stringify(tree);
  return `${text.trimEnd()}\n`;
}
