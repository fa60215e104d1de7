/**
 * `trustbook check --list-rules`: every problem Trustbook can report, from the catalogue — id,
 * severity, title and where it is documented — as a table for people or, with `--format json`,
 * as JSON for tools.
 */
import { catalogue, type CatalogueEntry, type DiagnosticKind } from '../diagnostics/catalogue.ts';
import { formats, type Format } from '../diagnostics/format.ts';

/** How each kind of problem is headed in the table, in the order they are listed. */
const headings: Record<DiagnosticKind, string> = {
  rule: 'Rules',
  load: 'Problems found while reading the content',
  build: 'Problems of the build',
  run: 'Problems of the run',
};

/** The catalogue as text: one section per kind, one line per id. */
export function catalogueText(entries: readonly CatalogueEntry[] = catalogue): string {
  const width = (pick: (e: CatalogueEntry) => string) => Math.max(...entries.map((e) => pick(e).length));
  const severity = (e: CatalogueEntry) => e.severities.join(', ');
  const [idWidth, severityWidth, titleWidth] = [width((e) => e.id), width(severity), width((e) => e.title)];
  const sections: string[] = [];
  for (const kind of Object.keys(headings) as DiagnosticKind[]) {
    const rows = entries.filter((e) => e.kind === kind);
    if (rows.length === 0) continue;
    const lines = rows.map((e) => `  ${e.id.padEnd(idWidth)}  ${severity(e).padEnd(severityWidth)}  ${e.title.padEnd(titleWidth)}  ${e.docs}`.trimEnd());
    sections.push(`${headings[kind]}\n${lines.join('\n')}`);
  }
  return `${sections.join('\n\n')}\n`;
}

/** The catalogue as one JSON document: an array of entries, each with its hint. */
export function catalogueJson(entries: readonly CatalogueEntry[] = catalogue): string {
  const document = entries.map(({ id, kind, title, severity, severities, hint, docs }) => ({ id, kind, title, severity, severities, hint, docs }));
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Prints the catalogue: JSON with `--format json`, else the table (GitHub annotations have nothing to
 * annotate here). Returns the exit code: 2 for a format that does not exist, as `check` does.
 */
export function listRules(format: string | undefined, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): number {
  if (format !== undefined && !formats.includes(format as Format)) {
    err.write(`Unknown format "${format}"; use ${formats.join(', ')}.\n`);
    return 2;
  }
  out.write(format === 'json' ? catalogueJson() : catalogueText());
  return 0;
}
