/**
 * "Needs attention": the diagnostics of the run the pages render, errors first, each with a
 * link to the page of the entity it is about. Which entity that is comes from the
 * diagnostic's structured `subject`; only a diagnostic without one is placed by its file
 * (and line), never by reading the words of its `entity`. Files are named relative to the
 * content folder (see `siteContext`).
 */
import type { Diagnostic, Severity, Subject } from '../diagnostics/diagnostic.ts';
import type { CollectionName } from '../model/collections.ts';
import type { Tone } from './status.ts';
import { codeSpans, type TextPart } from './labels.ts';
import { contentPath } from '../load/paths.ts';
import { controlPath, evidencePath, internalPaths, personPath, policyPath, riskPath } from './urls.ts';
import { certificationName } from '../model/certification-kinds.ts';
import type { Entry, InternalView } from './view.ts';

/** The dashboard's own section for certifications: certificates have no page of their own. */
export const CERTIFICATION_ANCHOR = 'certification';
/** The dashboard's section that lists the diagnostics. */
export const ATTENTION_ANCHOR = 'attention';

export interface Link {
  href: string;
  label: string;
}

export interface AttentionItem {
  severity: Severity;
  /** `Error` or `Warning`. */
  severityLabel: string;
  tone: Tone;
  rule: string;
  message: string;
  hint: string;
  /** The message and the hint cut at their backticks, for the page to show quoted fields and ids as code. */
  messageParts: TextPart[];
  hintParts: TextPart[];
  /** `soa/A.8.24.yaml:3`: relative to the content folder. */
  location: string;
  /** The page of what the diagnostic is about, when there is one. */
  about?: Link;
}

export interface Attention {
  items: AttentionItem[];
  errors: number;
  warnings: number;
  /** `All checks pass`, `1 error, 2 warnings`. */
  summary: string;
  /** Bad with an error, warn with warnings only, good with none. */
  tone: Tone;
}

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

export function attention(model: InternalView, diagnostics: readonly Diagnostic[]): Attention {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const locate = entityLocator(model);
  // A stable sort: within a severity, the order of the run (by file and line).
  const items = [...diagnostics]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .map((d): AttentionItem => {
      const subject = d.subject ?? locate(d);
      const about = subject ? subjectLink(model, subject) : undefined;
      return {
        severity: d.severity,
        severityLabel: d.severity === 'error' ? 'Error' : 'Warning',
        tone: d.severity === 'error' ? 'bad' : 'warn',
        rule: d.rule,
        message: d.message,
        hint: d.hint,
        messageParts: codeSpans(d.message),
        hintParts: codeSpans(d.hint),
        location: d.line ? `${d.file}:${d.line}` : d.file,
        ...(about ? { about } : {}),
      };
    });
  return {
    items,
    errors,
    warnings,
    summary: errors + warnings === 0 ? 'All checks pass' : [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', '),
    tone: errors ? 'bad' : warnings ? 'warn' : 'good',
  };
}

/**
 * For a diagnostic without a subject: the entity of the model that its file holds, or, when
 * the file holds several, the last one that starts at or before the diagnostic's line.
 */
export function entityLocator(model: InternalView): (d: Pick<Diagnostic, 'file' | 'line'>) => Subject | undefined {
  const byFile = new Map<string, Entry[]>();
  for (const entries of Object.values(model.entries) as Entry[][]) {
    for (const entry of entries) {
      const file = contentPath(model.root, entry.absPath);
      byFile.set(file, [...(byFile.get(file) ?? []), entry]);
    }
  }
  return (d) => {
    const inFile = byFile.get(d.file);
    if (!inFile) return undefined;
    const entry =
      inFile.length === 1
        ? inFile[0]
        : d.line === null
          ? undefined
          : inFile.filter((e) => e.position.line <= d.line!).sort((a, b) => b.position.line - a.position.line)[0];
    return entry ? { collection: entry.collection, id: entry.id } : undefined;
  };
}

/** The handbook page of an entity, and what the link to it reads. */
export function subjectLink(model: InternalView, subject: Subject): Link | undefined {
  const { id } = subject;
  switch (subject.collection as CollectionName | 'settings') {
    case 'soa': {
      const node = model.controlById.get(id);
      return node ? { href: controlPath(id), label: `${id} ${node.control.title}` } : { href: internalPaths.soa, label: 'Statement of Applicability' };
    }
    case 'evidence':
      return { href: evidencePath(id), label: model.index.evidence.get(id)?.data.title ?? `Evidence ${id}` };
    case 'policies':
      return { href: policyPath(id), label: model.index.policies.get(id)?.data.title ?? `Policy ${id}` };
    case 'certifications': {
      const c = model.index.certifications.get(id)?.data;
      return { href: `#${CERTIFICATION_ANCHOR}`, label: c ? certificationName(c) : 'Certification' };
    }
    case 'documents':
      return { href: `${internalPaths.documents}#${id}`, label: model.index.documents.get(id)?.data.title ?? `Document ${id}` };
    case 'risks':
      return { href: riskPath(id), label: model.index.risks.get(id)?.data.title ?? `Risk ${id}` };
    case 'people':
      return { href: personPath(id), label: model.index.people.get(id)?.data.name ?? id };
    case 'controls': {
      // An organisation control is shown on the page of each Annex A control it implements.
      const annexA = model.index.controls.get(id)?.data.annexA.find((a) => model.controlById.has(a));
      return annexA ? { href: controlPath(annexA), label: `${id} (${annexA})` } : undefined;
    }
    case 'answers': {
      // Answers have no handbook page; the control pages list the answers that cite them.
      const control = model.index.answers.get(id)?.data.controls.find((a) => model.controlById.has(a));
      return control ? { href: controlPath(control), label: `Answer ${id} (${control})` } : undefined;
    }
    default:
      return undefined;
  }
}
