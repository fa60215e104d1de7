/** `/trust.json`: the trust center as data, for customers' vendor-risk tools. Its schema is `trust.schema.json`. */
import { certificationName, validityOf } from '../model/certification-kinds.ts';
import { certificationState, certificationStatusText, controlState, surveillance } from '../view/status.ts';
import { answerPath, controlPath, documentAnchor, policyPath, subprocessorAnchor } from '../view/urls.ts';
import { siteUrl } from '../model/text.ts';
import type { PublicCertification, PublicView } from '../view/view.ts';

/** The facts of each kind, beside those every kind has. Organisations are given by name. */
function kindFields(c: PublicCertification) {
  switch (c.kind) {
    case 'iso': {
      const audits = surveillance(c);
      return {
        standard: c.standard,
        edition: c.edition,
        certificateNumber: c.certificateNumber,
        certificationBody: c.certificationBody.name,
        accreditationBody: c.accreditationBody.name,
        lastSurveillanceAudit: audits.last ?? null,
        nextSurveillanceAudit: audits.next ?? null,
      };
    }
    case 'soc2':
    case 'soc1':
      return {
        type: c.type,
        asOf: c.asOf ?? null,
        periodStart: c.period?.from ?? null,
        periodEnd: c.period?.to ?? null,
        auditor: c.auditor.name,
        ...(c.kind === 'soc2' ? { criteria: c.criteria } : {}),
        bridgeLetterThrough: c.bridgeLetter?.through ?? null,
      };
    case 'pci-dss':
      return { version: c.version, level: c.level, qsa: c.qsa?.name ?? null };
    case 'csa-star':
      return { level: c.level, auditor: c.auditor?.name ?? null, registryUrl: c.registryUrl ?? null };
    case 'hipaa':
      return { assessor: c.assessor.name };
    case 'hitrust':
      return { assessment: c.assessment, assessor: c.assessor.name };
    case 'cyber-essentials':
      return { plus: c.plus, certificateNumber: c.certificateNumber, certificationBody: c.certificationBody.name };
    case 'tisax':
      return { assessmentLevel: c.assessmentLevel, labels: c.labels, scopeId: c.scopeId, auditProvider: c.auditProvider.name };
    case 'other':
      return { issuer: c.issuer.name, url: c.url ?? null };
  }
}

export function trustJson(site: PublicView, today: string) {
  const url = (path: string) => siteUrl(site.organisation.publicUrl, path);
  return {
    $schema: url('/trust.schema.json'),
    organisation: { name: site.organisation.name, trustCenter: url('/'), contact: site.organisation.contact.email, securityContact: site.organisation.security.contact },
    buildDate: today,
    certifications: site.certifications.map((c) => {
      const { issued, expires } = validityOf(c);
      return {
        id: c.id,
        kind: c.kind,
        name: certificationName(c),
        scope: c.scope ?? null,
        issued: issued.date,
        expires: expires?.date ?? null,
        status: certificationState(c, today),
        statusText: certificationStatusText(c, today),
        certificateUrl: c.certificate ? url(c.certificate.url) : null,
        ...kindFields(c),
      };
    }),
    documents: site.documents.map((d) => ({
      id: d.id,
      title: d.title,
      kind: d.kind,
      access: d.access,
      certification: d.certification ?? null,
      validUntil: d.validUntil ?? null,
      updated: d.updated,
      downloadUrl: d.download ? (d.download.url.startsWith('/') ? url(d.download.url) : d.download.url) : null,
      url: url(documentAnchor(d.id)),
    })),
    controls: site.controls.map((c) => ({
      id: c.id,
      title: c.title,
      theme: c.theme,
      applicable: c.disclosed ? (c.applicable ?? null) : null,
      status: controlState(c),
      publicSummary: c.publicSummary ?? c.publicJustification ?? null,
      url: url(controlPath(c.id)),
    })),
    policies: site.policies.map((p) => ({ id: p.id, title: p.title, version: p.version, url: url(policyPath(p.id)) })),
    answers: site.answers.map((a) => ({ id: a.id, question: a.question, topic: a.topic, url: url(answerPath(a.id)) })),
    subprocessors: site.subprocessors.map((s) => ({ id: s.id, name: s.name, purpose: s.purpose, dataCategories: s.dataCategories, location: s.location, website: s.website, since: s.since, url: url(subprocessorAnchor(s.id)) })),
  };
}
