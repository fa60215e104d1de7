/**
 * Everything the handbook knows about one Annex A control, for its page: the SoA entry, the
 * evidence, the organisation controls, policies, risks and answers, and what the trust center
 * shows for it.
 */
import { contentPath } from '../load/paths.ts';
import { basisLabel, evidenceKindLabel } from './labels.ts';
import { controls2013, frameworkTitle, themes } from '../model/catalog.ts';
import { exceptionsCovering, type ExceptionRow } from './exceptions.ts';
import { evidenceLink, type EvidenceLink } from './freshness.ts';
import type { PersonLink } from './soa-rows.ts';
import { controlStatus, publicControlStatus, type ControlStatus } from './status.ts';
import { controlPath, frameworkPath, personPath, policyPath, riskPath, soaThemePath } from './urls.ts';
import type { ControlNode, InternalView, PublicControl } from './view.ts';

export interface ControlPage {
  id: string;
  title: string;
  theme: { id: string; title: string; href: string };
  status: ControlStatus;
  /** The SoA entry, when the control has one. */
  entry?: {
    applicable: boolean;
    basis: string[];
    targetDate?: string;
    owners: PersonLink[];
    /** The file it comes from, as the checks name it. */
    file: string;
    justification?: string;
    notes?: string;
  };
  evidence: { link: EvidenceLink; kind: string; collected: string; owner: PersonLink }[];
  orgControls: { id: string; title: string; description: string; owner: PersonLink; mappings: { title: string; href: string; ids: string[] }[] }[];
  policies: { title: string; href: string }[];
  risks: { title: string; href: string; inherent: string; residual: string }[];
  answers: { question: string; topic: string; internal: boolean }[];
  /** Exceptions in force that accept a failure of the SoA entry or of one of its evidence items. */
  exceptions: ExceptionRow[];
  /** Its ISO/IEC 27001:2013 IDs, which auditors and old questionnaires still use. */
  formerly: string[];
  /** What customers see at the same address, from the public view. */
  onTrustCenter: { path: string; status: ControlStatus; text: string };
}

export function controlPage(model: InternalView, node: ControlNode, published: PublicControl, today: string): ControlPage {
  const { control, soa } = node;
  const person = (id: string): PersonLink => ({ id, name: model.index.people.get(id)?.data.name ?? id, href: personPath(id) });
  const theme = themes.find((t) => t.id === control.theme)!;
  const d = soa?.data;
  const publicStatus = publicControlStatus(published);
  return {
    id: control.id,
    title: control.title,
    theme: { id: theme.id, title: theme.title, href: soaThemePath(theme.id) },
    status: controlStatus(d),
    ...(soa && d
      ? {
          entry: {
            applicable: d.applicable,
            basis: d.basis.map((b) => basisLabel[b]),
            ...(d.targetDate ? { targetDate: d.targetDate } : {}),
            owners: d.owners.map(person),
            file: contentPath(model.root, soa.absPath),
            ...(d.justification ? { justification: d.justification } : {}),
            ...(d.notes ? { notes: d.notes } : {}),
          },
        }
      : {}),
    formerly: Object.entries(controls2013)
      .filter(([, next]) => next.includes(node.control.id))
      .map(([old]) => old),
    evidence: node.evidence.map((e) => ({ link: evidenceLink(e, today), kind: evidenceKindLabel[e.data.kind], collected: e.data.collected, owner: person(e.data.owner) })),
    orgControls: node.orgControls.map((c) => ({
      id: c.id,
      title: c.data.title,
      description: c.data.description,
      owner: person(c.data.owner),
      mappings: Object.entries(c.data.mappings).map(([key, ids]) => ({ title: frameworkTitle(key), href: frameworkPath(key), ids })),
    })),
    policies: node.policies.map((p) => ({ title: p.data.title, href: policyPath(p.id) })),
    risks: node.risks.map((r) => ({
      title: r.data.title,
      href: riskPath(r.id),
      inherent: `${r.data.likelihood}×${r.data.impact}`,
      residual: `${r.data.residual.likelihood}×${r.data.residual.impact}`,
    })),
    answers: node.answers.map((a) => ({ question: a.data.question, topic: a.data.topic, internal: a.data.visibility === 'internal' })),
    exceptions: exceptionsCovering(model, today, [{ collection: 'soa', id: control.id }, ...node.evidence.map((e) => ({ collection: 'evidence' as const, id: e.id }))]),
    onTrustCenter: {
      path: controlPath(control.id),
      status: publicStatus,
      text:
        published.publicSummary ??
        published.publicJustification ??
        (publicStatus.state === 'undisclosed' ? 'Only the control’s title; details on request (the SoA entry is internal).' : 'No public summary: customers see the status only.'),
    },
  };
}
