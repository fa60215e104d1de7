/** `/trust.json`: the trust center as data, for customers' vendor-risk tools. Its schema is `trust.schema.json`. */
import { certificationState, controlState, surveillance } from '../view/status.ts';
import { answerPath, controlPath, policyPath, subprocessorAnchor } from '../view/urls.ts';
import { siteUrl } from '../model/text.ts';
import type { PublicView } from '../view/view.ts';

export function trustJson(site: PublicView, today: string) {
  const url = (path: string) => siteUrl(site.organisation.publicUrl, path);
  return {
    $schema: url('/trust.schema.json'),
    organisation: { name: site.organisation.name, trustCenter: url('/'), contact: site.organisation.contact.email, securityContact: site.organisation.security.contact },
    buildDate: today,
    certifications: site.certifications.map((c) => {
      const audits = surveillance(c);
      return {
        id: c.id,
        standard: c.standard,
        edition: c.edition,
        certificateNumber: c.certificateNumber,
        certificationBody: c.certificationBody.name,
        accreditationBody: c.accreditationBody.name,
        scope: c.scope,
        issued: c.issued,
        expires: c.expires,
        status: certificationState(c, today),
        lastSurveillanceAudit: audits.last ?? null,
        nextSurveillanceAudit: audits.next ?? null,
        certificateUrl: c.certificate ? url(c.certificate.url) : null,
      };
    }),
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
