/**
 * Formatters turn diagnostics into text: a readable report for people, JSON for tools,
 * and GitHub workflow annotations for pull requests. Rules never print.
 */
import pc from 'picocolors';
import { collections, pluralOf, type CollectionName } from '../model/collections.ts';
import type { Diagnostic, NotChecked, Summary } from './diagnostic.ts';

export type Format = 'pretty' | 'json' | 'github';
export const formats: readonly Format[] = ['pretty', 'json', 'github'];

export function format(kind: Format, diagnostics: readonly Diagnostic[], summary: Summary, colour = false): string {
  switch (kind) {
    case 'json':
      return formatJson(diagnostics, summary);
    case 'github':
      return formatGithub(diagnostics, summary);
    case 'pretty':
      return formatPretty(diagnostics, summary, colour);
  }
}

/**
 * Text from the content as a terminal may show it: control characters — an escape sequence in a
 * file name can rewrite or hide what the terminal shows — are written as `\x1b`. Line breaks are
 * kept in messages, where the report puts them, and escaped in names.
 */
export const printable = (text: string, { lines = false } = {}): string =>
  text.replace(lines ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);

/**
 * One JSON document: the diagnostics (each with its subject, null when none), what was not checked,
 * and the totals. Keys come in a fixed order, so that the same run always prints the same bytes.
 */
function formatJson(diagnostics: readonly Diagnostic[], summary: Summary): string {
  const { errors, warnings, notChecked, checked, files, today } = summary;
  const document = {
    diagnostics: diagnostics.map(({ rule, severity, file, line, column, entity, message, hint, subject }) => ({ rule, severity, file, line, column, entity, message, hint, subject: subject ?? null })),
    notChecked: notChecked.map(({ rule, what, why, files: roots }) => ({ rule, what, why, files: roots })),
    summary: { errors, warnings, checked, files, today },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function formatPretty(diagnostics: readonly Diagnostic[], summary: Summary, colour: boolean): string {
  const c = pc.createColors(colour);
  const report = formatDiagnostics(diagnostics, colour);
  const skipped = formatNotChecked(summary.notChecked, colour);
  return `${report}${report ? '\n' : ''}${skipped}${skipped ? '\n' : ''}${summaryLine(summary, c)}\n`;
}

/** What the run could not check and why, for the readable report (empty when everything was checked). */
export function formatNotChecked(notChecked: readonly NotChecked[], colour: boolean): string {
  if (notChecked.length === 0) return '';
  const c = pc.createColors(colour);
  const lines = [c.bold('Not checked:')];
  for (const item of notChecked) lines.push(`  ${printable(item.what)} ${c.dim(`(${item.rule})`)} — ${printable(item.why)}.`);
  return `${lines.join('\n')}\n`;
}

/** The diagnostics grouped by file, as the readable report shows them (without the summary). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], colour: boolean): string {
  const c = pc.createColors(colour);
  const lines: string[] = [];
  let file: string | null = null;
  for (const d of diagnostics) {
    if (d.file !== file) {
      if (file !== null) lines.push('');
      lines.push(c.underline(printable(d.file)));
      file = d.file;
    }
    const severity = d.severity === 'error' ? c.red('error') : c.yellow('warning');
    const where = d.line === null ? '' : `${d.line}:${d.column ?? 1}`;
    lines.push(`  ${c.dim(where.padEnd(7))} ${severity}  ${c.bold(d.rule)}${d.entity ? c.dim(`  ${printable(d.entity)}`) : ''}`);
    lines.push(`    ${printable(d.message, { lines: true })}`);
    lines.push(`    ${c.cyan('Hint:')} ${printable(d.hint, { lines: true })}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function summaryLine(summary: Summary, c: ReturnType<typeof pc.createColors>): string {
  const counted = (Object.entries(summary.checked) as [CollectionName, number][])
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${n === 1 ? collections[name].noun : pluralOf(collections[name].noun)}`)
    .join(', ');
  const problems =
    summary.errors === 0 && summary.warnings === 0
      ? c.green('No problems')
      : [summary.errors ? c.red(`${summary.errors} error${summary.errors === 1 ? '' : 's'}`) : '0 errors', summary.warnings ? c.yellow(`${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`) : '0 warnings'].join(', ');
  return `Checked ${summary.files} files as of ${summary.today}: ${counted || 'no entities'}.\n${problems}.`;
}


/** The message of a workflow command: `%`, CR and LF are escaped, as GitHub's runner does, and other control characters shown escaped. */
export const escapeData = (s: string): string => printable(s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A'));
/** A property of a workflow command (`file=…`): `:` and `,` are escaped too, since they separate properties. */
export const escapeProperty = (s: string): string => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * GitHub workflow commands: an annotation per problem, a notice per thing not checked (on the file at
 * its root), and the totals. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
function formatGithub(diagnostics: readonly Diagnostic[], summary: Summary): string {
  const lines = diagnostics.map((d) => {
    const props = [`file=${escapeProperty(d.file)}`];
    if (d.line !== null) props.push(`line=${d.line}`, `col=${d.column ?? 1}`);
    props.push(`title=${escapeProperty(d.rule)}`);
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(`${d.message}\nHint: ${d.hint}`)}`;
  });
  for (const item of summary.notChecked) {
    const props = item.files[0] ? [`file=${escapeProperty(item.files[0])}`] : [];
    props.push(`title=${escapeProperty(`Not checked (${item.rule})`)}`);
    lines.push(`::notice ${props.join(',')}::${escapeData(`Not checked: ${item.what} — ${item.why}.`)}`);
  }
  lines.push(`Trustbook: ${summary.errors} error(s), ${summary.warnings} warning(s) in ${summary.files} files as of ${summary.today}.`);
  return `${lines.join('\n')}\n`;
}
