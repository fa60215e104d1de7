/**
 * The error catalogue: every problem Trustbook can report, by its stable id, with a short title,
 * the severities it reports with (the default first), a hint that says how to fix it, and its
 * section in docs/checks.md. Rules, the loader and the build look their entry up by id, so an id
 * the catalogue lacks does not type-check; messages that need arguments are written where the
 * problem is found, and a call site may give a more specific hint than the one here.
 *
 * Writing an entry (after Astro's `errors-data.ts`): the title names the problem in a few words,
 * without a full stop; the hint says what to do, as a sentence. Never rename an id once
 * published: users search for it and silence it. A test holds docs/checks.md to this list.
 */
import type { CatalogueDiagnostic, Severity, Subject } from './diagnostic.ts';

/** Where a problem is found: reading the files, a rule run on the model, the build, or the run itself. */
export type DiagnosticKind = 'load' | 'rule' | 'build' | 'run';

interface EntryData {
  kind: DiagnosticKind;
  /** A few words, for `--list-rules` and the docs index. */
  title: string;
  /** Every severity the problem is reported with, the default first. */
  severities: readonly [Severity, ...Severity[]];
  /** How to fix it, when the call site knows nothing more specific. */
  hint: string;
}

const data = {
  // Rules, in the order they run (src/checks/rules/index.ts).
  'soa/missing-entry': {
    kind: 'rule',
    title: 'Annex A control without an SoA entry',
    severities: ['error'],
    hint: 'Create the entry with `applicable: true` (and its basis, status, owners and evidence) or `applicable: false` and a justification.',
  },
  'soa/undecided': {
    kind: 'rule',
    title: 'SoA entries that do not yet say whether their control applies',
    severities: ['error'],
    hint: 'In each entry, write `applicable: true` with the basis, status, owners and evidence, or `applicable: false` with a justification. `trustbook import soa` fills them from a spreadsheet.',
  },
  'soa/unknown-control': {
    kind: 'rule',
    title: 'SoA entry for a control that is not in Annex A 2022',
    severities: ['error'],
    hint: 'Annex A 2022 runs A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14 and A.8.1–A.8.34: rename the entry after the control it is about.',
  },
  'model/duplicate-id': {
    kind: 'rule',
    title: 'Two entities with one id',
    severities: ['error'],
    hint: 'Ids must be unique within a collection: rename one, or merge the two if they are the same thing.',
  },
  'model/alias-conflict': {
    kind: 'rule',
    title: 'Alias that clashes with an id or another alias',
    severities: ['error'],
    hint: 'Remove the alias, or rename the other entity: an id can be either a page or a redirect, not both.',
  },
  'model/anchor-conflict': {
    kind: 'rule',
    title: 'Id that clashes with an anchor of its page',
    severities: ['error'],
    hint: 'Rename it; if it was published already, the old link leads to the top of the page.',
  },
  'soa/owner-required': {
    kind: 'rule',
    title: 'Applicable control without an owner',
    severities: ['error'],
    hint: 'Add `owners: [<person id>]` naming who is accountable for the control.',
  },
  'soa/evidence-required': {
    kind: 'rule',
    title: 'Applicable control without evidence',
    severities: ['error'],
    hint: 'Add `evidence: [<evidence id>]` naming a record that shows the control operates.',
  },
  'soa/basis-required': {
    kind: 'rule',
    title: 'Applicable control without a basis',
    severities: ['error'],
    hint: 'Add `basis:` with one or more of risk-treatment, legal, contractual, business — and a `justification:` in words.',
  },
  'soa/exclusion-justification': {
    kind: 'rule',
    title: 'Excluded control without a justification',
    severities: ['error'],
    hint: 'Add `justification:` saying why the control does not apply (for example: no offices or data centres of our own; hosting is with a certified provider).',
  },
  'soa/status-consistent': {
    kind: 'rule',
    title: 'Implementation status that contradicts applicability',
    severities: ['error'],
    hint: 'Applicable controls need a `status:`, planned ones a `targetDate:`; excluded ones have no status.',
  },
  'soa/target-date-passed': {
    kind: 'rule',
    title: 'Planned control past its target date',
    severities: ['error'],
    hint: 'Update `status:` if it is now implemented (and add its evidence), or agree a new `targetDate:` and record why it slipped in `notes:`.',
  },
  'people/owner-has-left': {
    kind: 'rule',
    title: 'Owner or approver who has left',
    severities: ['error', 'warning'],
    hint: 'Hand it to someone who is here: replace the id with that of the new owner or approver.',
  },
  'evidence/freshness': {
    kind: 'rule',
    title: 'Evidence older than its maximum age',
    severities: ['error', 'warning'],
    hint: 'Collect it again and update `collected:` (and `location:` if the record moved).',
  },
  'policy/review-due': {
    kind: 'rule',
    title: 'Policy review overdue',
    severities: ['error', 'warning'],
    hint: 'Review it with its owner, record the approval (`version:`, `approved:`, `effective:`) and set the next `nextReview:`.',
  },
  'refs/unresolved': {
    kind: 'rule',
    title: 'Reference that does not resolve',
    severities: ['error'],
    hint: 'Fix the id, or create the entity it names.',
  },
  'controls/unknown-mapping': {
    kind: 'rule',
    title: 'Mapping to an ID the framework does not have',
    severities: ['warning'],
    hint: 'Check the ID for a typo against the framework’s list.',
  },
  'certification/validity': {
    kind: 'rule',
    title: 'Certificate expired or about to expire',
    severities: ['error', 'warning'],
    hint: 'Enter the renewed certificate (number, `issued:`, `expires:`), or remove the certification so that the trust center stops claiming it.',
  },
  'certification/surveillance-overdue': {
    kind: 'rule',
    title: 'Surveillance audit not recorded as done',
    severities: ['error'],
    hint: 'Add `done: YYYY-MM-DD` if it took place; if it was moved, update `planned:`. A missed surveillance audit puts the certificate at risk of suspension.',
  },
  'certification/report-stale': {
    kind: 'rule',
    title: 'SOC report more than 9 months past its period',
    severities: ['error', 'warning'],
    hint: 'Enter the new report (`period:`, `issued:`), or record the bridge letter that covers the time since the period ended (`bridgeLetter: { issued, through }`).',
  },
  'documents/validity': {
    kind: 'rule',
    title: 'Document past its valid-until date',
    severities: ['error', 'warning'],
    hint: 'Replace the file with the renewed document and update `validUntil:` and `updated:`; if it is no longer offered, remove it.',
  },
  'documents/download-missing': {
    kind: 'rule',
    title: 'Public document without a file or URL',
    severities: ['error'],
    hint: 'Add `file:` (a PDF in the content folder) or `url:` (an https address), or make the document `on-request`.',
  },
  'visibility/public-cites-internal': {
    kind: 'rule',
    title: 'Public content citing internal content',
    severities: ['error'],
    hint: 'Publish what is cited (`visibility: public`) if customers may read it, or stop citing it.',
  },
  'public/summary-missing': {
    kind: 'rule',
    title: 'Public applicable control without a public summary',
    severities: ['warning'],
    hint: 'Add `publicSummary:` saying in a sentence or two, in words customers may read, how the control is met.',
  },
  'answers/topic-spelling': {
    kind: 'rule',
    title: 'One topic spelt two ways',
    severities: ['warning'],
    hint: 'Write the topic the same way in every answer.',
  },
  'answers/claims-unimplemented': {
    kind: 'rule',
    title: 'Answer citing controls the SoA states as not in place',
    severities: ['warning'],
    hint: 'Make the answer say no more than what is in place (and when the rest will be), or update the SoA; stop citing a control that does not support the answer.',
  },
  'settings/security-txt': {
    kind: 'rule',
    title: 'Invalid security.txt',
    severities: ['error'],
    hint: 'Fix the settings it is made from: RFC 9116 requires https URIs, a Contact and an Expires less than a year away.',
  },
  'placeholder/unconfirmed': {
    kind: 'rule',
    title: 'A placeholder written by init or import is still there',
    severities: ['error', 'warning'],
    hint: 'Replace the placeholder with the real value: the settings’ addresses, the date the evidence was collected, the person’s work email.',
  },
  'published/removed': {
    kind: 'rule',
    title: 'A published address is no longer served',
    severities: ['error'],
    hint: 'Add the old id to the `aliases` of the entity that replaced it, or make it public again, so that links in customers’ questionnaires keep working.',
  },
  'exceptions/unknown-target': {
    kind: 'rule',
    title: 'Exception for a rule or an entity that does not exist',
    severities: ['error'],
    hint: 'Name a rule from docs/checks.md in `rule:` and an existing entity in `subject:`, as the diagnostic it accepts names them.',
  },
  'exceptions/expired': {
    kind: 'rule',
    title: 'Exception past its expiry date',
    severities: ['error'],
    hint: 'Close the gap and delete the exception; or, if it is still accepted, have it approved again with a new `approved:` and `expires:`.',
  },
  'exceptions/expiring': {
    kind: 'rule',
    title: 'Exception that expires within 30 days',
    severities: ['warning'],
    hint: 'Close the gap before then, or have the exception approved again with a new `expires:`.',
  },
  'exceptions/approver-left': {
    kind: 'rule',
    title: 'Exception approved by someone who has left',
    severities: ['error', 'warning'],
    hint: 'Have someone who is here approve it again: replace `approver:` and update `approved:`.',
  },

  // Problems found while reading the content folder (src/load/).
  'load/content-missing': {
    kind: 'load',
    title: 'Content folder not found',
    severities: ['error'],
    hint: 'Point Trustbook at your ISMS folder with `--content DIR` or `TRUSTBOOK_CONTENT=DIR`.',
  },
  'load/settings-missing': {
    kind: 'load',
    title: 'No settings.yaml',
    severities: ['error'],
    hint: 'Create it with the organisation name, the URLs of both sites, a contact and a security contact (docs/content-format.md#settings).',
  },
  'load/encoding': {
    kind: 'load',
    title: 'File not in UTF-8',
    severities: ['error'],
    hint: 'Save the file as UTF-8 (most editors have an "encoding" setting; `iconv -f latin1 -t utf-8` converts Latin-1).',
  },
  'load/empty-file': {
    kind: 'load',
    title: 'Empty file',
    severities: ['error'],
    hint: 'Fill it in or delete it: an empty file is usually an unfinished edit.',
  },
  'load/yaml-syntax': {
    kind: 'load',
    title: 'YAML that cannot be parsed',
    severities: ['error'],
    hint: 'Check the syntax near this line; text with a `:` followed by a space must be quoted.',
  },
  'load/yaml-aliases': {
    kind: 'load',
    title: 'YAML that expands too many aliases',
    severities: ['error'],
    hint: 'Write the values out instead of nesting aliases of aliases: a file that grows exponentially when read is refused.',
  },
  'load/front-matter': {
    kind: 'load',
    title: 'Policy without front matter',
    severities: ['error'],
    hint: 'Start the file with a `---` line, the policy fields in YAML, and another `---` line (docs/content-format.md#policies).',
  },
  'load/mdx-syntax': {
    kind: 'load',
    title: 'Policy text that is not valid MDX',
    severities: ['error'],
    hint: 'In MDX, `<` starts a component and `{` an expression: write them as `&lt;` and `&#123;`, or put them in `code`.',
  },
  'load/schema': {
    kind: 'load',
    title: 'Missing or invalid field',
    severities: ['error'],
    hint: 'See docs/content-format.md for the fields and their allowed values.',
  },
  'load/unknown-field': {
    kind: 'load',
    title: 'Field Trustbook does not know',
    severities: ['error'],
    hint: 'Remove it, or check the field names in docs/content-format.md.',
  },
  'load/unreadable': {
    kind: 'load',
    title: 'File Trustbook failed to read',
    severities: ['error'],
    hint: 'This is a bug in Trustbook: please report it with the file. Meanwhile, simplify the file until the problem goes away.',
  },
  'files/missing': {
    kind: 'load',
    title: 'Named file not found',
    severities: ['error'],
    hint: 'Put the file in the content folder and give its path relative to it, or remove the field that names it.',
  },
  'published/unreadable': {
    kind: 'load',
    title: 'The published trust.json cannot be read',
    severities: ['error'],
    hint: 'Pass the live `trust.json` as it was downloaded: `curl -fsSL https://trust.example.com/trust.json -o trust.json`.',
  },
  'published/invalid': {
    kind: 'load',
    title: 'The published file is not a trust.json',
    severities: ['error'],
    hint: 'Pass the live `trust.json` as it was downloaded; a failed download may have saved an error page instead.',
  },
  'files/outside-content': {
    kind: 'load',
    title: 'File outside the content folder',
    severities: ['error'],
    hint: 'Trustbook never reads files outside the content folder, through links or `..`: copy the file into the content folder instead of linking to it.',
  },
  'files/dangling-link': {
    kind: 'load',
    title: 'Link to nothing',
    severities: ['error'],
    hint: 'Delete the link, or point it at a file inside the content folder.',
  },
  'files/too-large': {
    kind: 'load',
    title: 'File too large',
    severities: ['error'],
    hint: 'Use a smaller file: split a content file into several, compress an image or a PDF.',
  },
  'files/unreadable': {
    kind: 'load',
    title: 'File that cannot be opened',
    severities: ['error'],
    hint: 'Check the permissions of the file: the user running Trustbook must be able to read it.',
  },
  'files/not-a-file': {
    kind: 'load',
    title: 'Not a regular file',
    severities: ['error'],
    hint: 'Only regular files are read. Remove it from the content folder, or give it a name that does not end in a content extension.',
  },
  'files/wrong-type': {
    kind: 'load',
    title: 'File of the wrong kind',
    severities: ['error'],
    hint: 'Give the path of a file of the kind the field takes; its kind is read from its content, not its name.',
  },
  'mdx/import': {
    kind: 'load',
    title: 'Import or export in a policy',
    severities: ['error'],
    hint: 'A policy is a document, not a program: remove the line; the components Trustbook provides need no import.',
  },
  'mdx/expression': {
    kind: 'load',
    title: 'JavaScript expression in a policy',
    severities: ['error'],
    hint: 'Write the text itself. To show braces, write `\\{` or put them in `code`; for a comment, use `{/* … */}`.',
  },
  'mdx/component': {
    kind: 'load',
    title: 'Component Trustbook does not provide',
    severities: ['error'],
    hint: 'Use `<Callout>` or `<Details>`, or write Markdown.',
  },
  'mdx/attribute': {
    kind: 'load',
    title: 'Unknown, missing or invalid component attribute',
    severities: ['error'],
    hint: 'Give the component the attributes docs/content-format.md lists for it, as plain text.',
  },
  'markdown/raw-html': {
    kind: 'load',
    title: 'Raw HTML that is not published',
    severities: ['warning'],
    hint: 'Write Markdown instead: `**bold**`, `[link](https://…)`, lists and tables cover what the text needs.',
  },
  'markdown/image': {
    kind: 'load',
    title: 'Image that is not published',
    severities: ['warning'],
    hint: 'Remove the image, or describe what it shows in words; a diagram can go in a document that customers request.',
  },
  'markdown/unsafe-link': {
    kind: 'load',
    title: 'Link that is not published',
    severities: ['warning'],
    hint: 'Link to an `https://` page instead; other schemes such as `javascript:` and `data:` can run code in a reader’s browser.',
  },
  'markdown/too-complex': {
    kind: 'load',
    title: 'Text too long or intricate to read in reasonable time',
    severities: ['error'],
    hint: 'Split the paragraph or the document, with blank lines between blocks; link to long runs of symbols rather than include them.',
  },

  // Problems of the build (src/cli/build.ts) and of the run itself.
  'build/astro': {
    kind: 'build',
    title: 'Astro could not build a site',
    severities: ['error'],
    hint: 'Run the build with TRUSTBOOK_DEBUG=1 for the details, and report it with the message.',
  },
  'build/card': {
    kind: 'build',
    title: 'Link-preview card that cannot be drawn',
    severities: ['error'],
    hint: 'Shorten the title of that page, or report it with the message.',
  },
  'build/search-index': {
    kind: 'build',
    title: 'Search index that cannot be built',
    severities: ['error'],
    hint: 'Search would be broken, so nothing was published. Run the build again; if it fails the same way, report it with the message.',
  },
  'build/failed': {
    kind: 'build',
    title: 'Build failed',
    severities: ['error'],
    hint: 'Run the build again; if it fails the same way, report it with the message.',
  },
  'checks/failed': {
    kind: 'run',
    title: 'Rule that stopped with an error',
    severities: ['error'],
    hint: 'This is a bug in Trustbook, not in the content: please report it with the message. The other rules ran; what this rule checks is unknown until it is fixed.',
  },
  'exceptions/unused': {
    kind: 'run',
    title: 'Exception that covers no problem',
    severities: ['warning'],
    hint: 'The gap it accepted is closed: delete the exception, so that a new failure of the same check on the same entity is an error again.',
  },
} as const satisfies Record<string, EntryData>;

/** Every id Trustbook can report. */
export type DiagnosticId = keyof typeof data;

/** The severities a problem may be reported with: `warning` only where its entry allows it. */
export type SeverityOf<Id extends DiagnosticId> = (typeof data)[Id]['severities'][number];

/** One entry of the catalogue, as `--list-rules` prints it. */
export interface CatalogueEntry<Id extends DiagnosticId = DiagnosticId> {
  id: Id;
  kind: DiagnosticKind;
  title: string;
  /** The severity it is reported with unless the call site gives notice early with a warning. */
  severity: Severity;
  severities: readonly Severity[];
  hint: string;
  /** Where it is documented: `docs/checks.md#soaowner-required`. */
  docs: string;
}

/** The page that documents every id. */
export const DOCS_PAGE = 'docs/checks.md';

/** The anchor of an id's section in docs/checks.md, as GitHub makes it from the heading `` `soa/owner-required` ``. */
export const docsAnchor = (id: string): string => id.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replaceAll(' ', '-');

/** Every entry, in the order docs/checks.md presents them. */
export const catalogue: readonly CatalogueEntry[] = (Object.keys(data) as DiagnosticId[]).map((id) => {
  const entry: EntryData = data[id];
  return { id, kind: entry.kind, title: entry.title, severity: entry.severities[0], severities: entry.severities, hint: entry.hint, docs: `${DOCS_PAGE}#${docsAnchor(id)}` };
});

const byId: ReadonlyMap<string, CatalogueEntry> = new Map(catalogue.map((entry) => [entry.id, entry]));

/** Whether `id` is in the catalogue. Ids come from code, but a lookup never trusts `Object.prototype`. */
export const isDiagnosticId = (id: string): id is DiagnosticId => byId.has(id);

/** The catalogue's entry for `id`. */
export const entryOf = <Id extends DiagnosticId>(id: Id): CatalogueEntry<Id> => byId.get(id) as CatalogueEntry<Id>;

/** Where a problem is, and which entity it is about. */
export interface Place {
  file: string;
  line: number | null;
  column: number | null;
  entity: string | null;
  subject: Subject | null;
}

/**
 * A diagnostic with the catalogue's severity and hint, unless the call site knows better: a warning
 * where the entry allows one, a hint that names ids or files.
 */
export function problem<Id extends DiagnosticId>(id: Id, place: Place, message: string, options: { severity?: SeverityOf<Id>; hint?: string } = {}): CatalogueDiagnostic {
  const entry = entryOf(id);
  const { file, line, column, entity, subject } = place;
  return { rule: id, severity: options.severity ?? entry.severity, file, line, column, entity, message, hint: options.hint ?? entry.hint, subject };
}
