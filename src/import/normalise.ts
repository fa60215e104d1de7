/**
 * What people type in spreadsheets, read as the content format wants it: control IDs written a dozen
 * ways, yes/no in any form, implementation statuses in words, dates and quarters. Every function
 * returns `null`-free results or says why it could not read the value; none of them guesses silently.
 */
import { annexAById, controls2013 } from '../model/catalog.ts';
import type { SoaEntry } from '../model/schemas.ts';

/** Header text reduced to what matters: `Justification for inclusion/exclusion` → `justificationforinclusionexclusion`. */
export const headerKey = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

export type ControlRef =
  /** A 2022 control; `from2013` when the cell held a 2013 ID that maps to it. */
  | { kind: 'control'; ids: string[]; written: string; from2013: string | null; rest: string }
  /** A theme or 2013 category heading (`A.5 Organizational controls`, `A.12.6`). */
  | { kind: 'section'; written: string }
  /** Looks like an Annex A ID but is in neither edition. */
  | { kind: 'unknown'; written: string; id: string }
  /** Not an ID at all. */
  | { kind: 'none' };

/**
 * `A 5.1`, `5.1`, `A.5.1.`, `a.5.1`, `A5.1`, `Annex A 5.1`, `A.5.1 Policies for …` → `A.5.1`; a 2013 ID
 * (`A.12.6.1`) through the shipped map to its 2022 successor(s). What follows the ID (a title) is kept
 * in `rest`, so that it can be checked against the catalogue.
 */
export function parseControlRef(text: string): ControlRef {
  const m = /^\s*(?:annex\s*)?(?:a\s*[.\-:]?\s*)?(\d{1,2}(?:\s*\.\s*\d{1,2}){0,2})\s*\.?(?=$|[\s:–—\-)])[\s:–—\-)]*(.*)$/is.exec(text);
  if (!m) return { kind: 'none' };
  const parts = m[1]!.split('.').map((p) => String(Number(p.trim())));
  const rest = m[2]!.trim();
  const id = `A.${parts.join('.')}`;
  const theme = Number(parts[0]);
  if (theme < 5 || theme > 18) return { kind: 'none' };
  if (parts.length === 1) return { kind: 'section', written: text.trim() };
  if (parts.length === 2) {
    if (annexAById.has(id)) return { kind: 'control', ids: [id], written: text.trim(), from2013: null, rest };
    // A 2013 objective heading (A.12.6 Technical vulnerability management) has 2013 controls under it.
    if (Object.keys(controls2013).some((k) => k.startsWith(`${id}.`))) return { kind: 'section', written: text.trim() };
    return { kind: 'unknown', written: text.trim(), id };
  }
  const successors = controls2013[id];
  if (successors?.length) return { kind: 'control', ids: [...successors], written: text.trim(), from2013: id, rest };
  return { kind: 'unknown', written: text.trim(), id };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; hint?: string };

const TRUE = new Set(['yes', 'y', 'true', '1', '✓', '✔', '☑', '✅', 'x', 'included', 'include', 'applicable', 'in scope', 'inscope', 'selected']);
const FALSE = new Set(['no', 'n', 'false', '0', 'n/a', 'na', 'n.a.', '—', '–', '-', '✗', '✘', '☐', 'excluded', 'exclude', 'not applicable', 'out of scope', 'not selected']);

/** Yes/Y/TRUE/1/✓/x → true; No/N/FALSE/0/N/A/— → false; empty → undefined. */
export function parseBoolean(text: string): Parsed<boolean | undefined> {
  const t = text.trim().toLowerCase();
  if (t === '') return { ok: true, value: undefined };
  if (TRUE.has(t)) return { ok: true, value: true };
  if (FALSE.has(t)) return { ok: true, value: false };
  return { ok: false, reason: `"${text.trim()}" is not a yes or a no.`, hint: 'Write Yes or No (Y/N, TRUE/FALSE, 1/0, ✓ and N/A are read too).' };
}

export type Status = NonNullable<SoaEntry['status']>;
/** A status cell: a status with an optional target date, or "not applicable" (which decides applicability). */
export type StatusCell = { status: Status; targetDate?: string | undefined } | { status: 'excluded' } | undefined;

/**
 * Implemented/Done → implemented; Partially implemented/In progress/Partial → partial;
 * Planned [Q3 2026 | Sep 2026 | 2026-09-30] → planned with the last day of that period as its target;
 * Not started/Not implemented → not-implemented; N/A/Not applicable/Excluded → the control is excluded.
 */
export function parseStatus(text: string): Parsed<StatusCell> {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]$/, '');
  if (t === '') return { ok: true, value: undefined };
  if (/^(n\/?a|not applicable|excluded|out of scope|—|–|-)$/.test(t)) return { ok: true, value: { status: 'excluded' } };
  if (/^(not (yet )?(started|implemented|in place|done)|no|none|missing|to ?do|open|gap)$/.test(t)) return { ok: true, value: { status: 'not-implemented' } };
  if (/^(partial(ly)?( implemented| in place)?|in progress|ongoing|wip|started|under way|underway)$/.test(t)) return { ok: true, value: { status: 'partial' } };
  if (/^(fully )?(implemented|done|complete|completed|in place|operational|effective|yes)$/.test(t)) return { ok: true, value: { status: 'implemented' } };
  const planned = /^(planned|scheduled|to be implemented)\b[\s,:–—-]*(?:(?:for|by|in|due)\s+)?(.*)$/.exec(t);
  if (planned) {
    const when = planned[2]!.replace(/[()]/g, '').trim();
    if (when === '') return { ok: true, value: { status: 'planned' } };
    const date = parsePeriodEnd(when);
    if (!date.ok) return { ok: false, reason: `"${text.trim()}": ${date.reason}`, hint: date.hint ?? 'Write it as "Planned Q3 2026", "Planned Sep 2026" or "Planned 2026-09-30".' };
    return { ok: true, value: { status: 'planned', targetDate: date.value } };
  }
  return {
    ok: false,
    reason: `"${text.trim()}" is not an implementation status.`,
    hint: 'Write Implemented, Partially implemented, Planned (with a quarter, month or date), Not implemented, or N/A for an excluded control.',
  };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (word: string): number | null => {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 || (word.length > 3 && !/^[a-z]+$/i.test(word)) ? null : i + 1;
};
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const isoDate = (year: number, month: number, day: number): string | null =>
  month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month) && year >= 1900 && year <= 2200 ? `${year}-${pad(month)}-${pad(day)}` : null;

/** A calendar date: `2026-09-30`, `2026/09/30`, `30 Sep 2026`, `Sep 30, 2026`, or `30/09/2026` when the day is above 12. */
export function parseDate(text: string): Parsed<string | undefined> {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  let m: RegExpExecArray | null;
  let date: string | null = null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(t))) date = isoDate(+m[1]!, +m[2]!, +m[3]!);
  else if ((m = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(t)) && monthOf(m[2]!)) date = isoDate(+m[3]!, monthOf(m[2]!)!, +m[1]!);
  else if ((m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(t)) && monthOf(m[1]!)) date = isoDate(+m[3]!, monthOf(m[1]!)!, +m[2]!);
  else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t))) {
    const [a, b, year] = [+m[1]!, +m[2]!, +m[3]!];
    if (a <= 12 && b <= 12 && a !== b) return { ok: false, reason: `"${t}" could be read day-first or month-first.`, hint: 'Write dates as YYYY-MM-DD.' };
    date = a > 12 ? isoDate(year, b, a) : isoDate(year, a, b);
  }
  return date ? { ok: true, value: date } : { ok: false, reason: `"${t}" is not a date that can be read.`, hint: 'Write dates as YYYY-MM-DD.' };
}

/**
 * The last day of a period: `Q3 2026` → 2026-09-30, `H1 2027` → 2027-06-30, `Sep 2026` and `2026-09` →
 * 2026-09-30, `2026` → 2026-12-31; a date is itself.
 */
export function parsePeriodEnd(text: string): Parsed<string> {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^q([1-4])[\s/-]*(\d{4})$/i.exec(t)) || (m = /^(\d{4})[\s/-]*q([1-4])$/i.exec(t))) {
    const [q, year] = /^q/i.test(t) ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
    return { ok: true, value: isoDate(year, q * 3, lastDay(year, q * 3))! };
  }
  if ((m = /^h([12])[\s/-]*(\d{4})$/i.exec(t))) {
    const year = +m[2]!;
    return { ok: true, value: m[1] === '1' ? `${year}-06-30` : `${year}-12-31` };
  }
  if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(t)) && +m[2]! >= 1 && +m[2]! <= 12) return { ok: true, value: isoDate(+m[1]!, +m[2]!, lastDay(+m[1]!, +m[2]!))! };
  if ((m = /^([a-z]+)\.?,?\s+(\d{4})$/i.exec(t)) && monthOf(m[1]!)) {
    const month = monthOf(m[1]!)!;
    return { ok: true, value: isoDate(+m[2]!, month, lastDay(+m[2]!, month))! };
  }
  if ((m = /^(?:end of\s+)?(\d{4})$/i.exec(t))) return { ok: true, value: `${m[1]}-12-31` };
  const date = parseDate(t);
  if (date.ok && date.value) return { ok: true, value: date.value };
  return { ok: false, reason: `"${t}" is not a quarter, month or date.`, hint: 'Write it as Q3 2026, Sep 2026 or 2026-09-30.' };
}

/** `Priya Shah (CISO)` → slug `priya-shah`. Accents are dropped, anything else becomes a dash. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** Splits a list cell on `;`, line breaks, `,`, `/`, `&` and ` and ` — but never inside parentheses. */
export function splitList(text: string, separators: RegExp = /[;\n,/&]|\s+and\s+/y): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0) {
      separators.lastIndex = i;
      const m = separators.exec(text);
      if (m && m[0].length > 0) {
        items.push(current);
        current = '';
        i += m[0].length;
        continue;
      }
    }
    current += ch;
    i++;
  }
  items.push(current);
  return items.map((s) => s.replace(/^[\s•·*-]+/, '').trim()).filter(Boolean);
}

/** `Priya Shah (CISO)` → name and role; `priya@example.com` → an email. */
export function parsePersonCell(text: string): { name: string; role: string | null; email: string | null } {
  const email = /^[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}$/i.exec(text.trim())?.[0] ?? null;
  if (email) return { name: text.trim(), role: null, email };
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text.trim());
  if (m && m[1]) return { name: m[1].trim(), role: m[2]!.trim() || null, email: null };
  const dashed = /^(.*?)\s+[–—-]\s+(.*)$/.exec(text.trim());
  if (dashed) return { name: dashed[1]!.trim(), role: dashed[2]!.trim(), email: null };
  return { name: text.trim(), role: null, email: null };
}

/** A first guess at an evidence item's kind from how it is described. */
export function guessEvidenceKind(text: string): 'document' | 'report' | 'ticket' | 'screenshot' | 'automated-check' | 'record' {
  const t = text.toLowerCase();
  if (/\b(jira|ticket|issue)\b|\b[a-z]{2,10}-\d+\b/i.test(text)) return 'ticket';
  if (/screenshot|screen shot/.test(t)) return 'screenshot';
  if (/\b(config rule|automated|monitor|alert|scan|check)\b/.test(t)) return 'automated-check';
  if (/\breport\b|export|dashboard/.test(t)) return 'report';
  if (/polic|procedure|document|plan\b|\.pdf|\.docx?\b|wiki|confluence/.test(t)) return 'document';
  return 'record';
}
