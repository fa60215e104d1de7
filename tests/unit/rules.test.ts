/** Each rule, shown failing and passing. valid-minimal passes every rule; each case plants one defect. */
import { describe, expect, test } from 'vitest';
import { rules } from '../../src/checks/rules/index.ts';
import { applicableBasis } from '../../src/checks/rules/applicable-basis.ts';
import { applicableControlHasEvidence } from '../../src/checks/rules/applicable-control-has-evidence.ts';
import { applicableControlHasOwner } from '../../src/checks/rules/applicable-control-has-owner.ts';
import { certificationValidity } from '../../src/checks/rules/certification-validity.ts';
import { duplicateId } from '../../src/checks/rules/duplicate-id.ts';
import { evidenceFreshness } from '../../src/checks/rules/evidence-freshness.ts';
import { exclusionJustified } from '../../src/checks/rules/exclusion-justified.ts';
import { mappingIdsKnown } from '../../src/checks/rules/mapping-ids-known.ts';
import { ownerHasLeft } from '../../src/checks/rules/owner-has-left.ts';
import { plannedTargetPassed } from '../../src/checks/rules/planned-target-passed.ts';
import { policyReview } from '../../src/checks/rules/policy-review.ts';
import { publicCitesInternal } from '../../src/checks/rules/public-cites-internal.ts';
import { securityTxtValid } from '../../src/checks/rules/security-txt-valid.ts';
import { validateSecurityTxt } from '../../src/model/security-txt.ts';
import { referencesResolve } from '../../src/checks/rules/references-resolve.ts';
import { soaComplete } from '../../src/checks/rules/soa-complete.ts';
import { soaUnknownControl } from '../../src/checks/rules/soa-unknown-control.ts';
import { statusConsistent } from '../../src/checks/rules/status-consistent.ts';
import { surveillanceAuditOverdue } from '../../src/checks/rules/surveillance-audit-overdue.ts';
import { contentWith, fixture, modelOf, reportsOf, soaEntry } from '../helpers/content.ts';

const entry = (id: string, fields: string) => soaEntry(id, `id: ${id}\n${fields}`);
const applicable = (rest: string) => `applicable: true\njustification: Needed.\nbasis: [business]\nstatus: implemented\nowners: [ada-lovelace]\nevidence: [access-review]\n${rest}`;
const brief = (reports: ReturnType<typeof reportsOf>) => reports.map((d) => `${d.severity} ${d.file}:${d.line} ${d.message}`);

test('valid-minimal passes every rule', () => {
  for (const rule of rules) expect(reportsOf(rule, fixture('valid-minimal')), rule.id).toEqual([]);
});

test('every rule id is unique and namespaced', () => {
  const ids = rules.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z]+\/[a-z-]+$/);
});

describe('soa/missing-entry', () => {
  test('names each control without an entry and the file to create', () => {
    const dir = contentWith(soaEntry('A.8.24', null));
    const [d, ...rest] = reportsOf(soaComplete, dir);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ file: 'soa/A.8.24.yaml', line: null, entity: 'A.8.24', severity: 'error' });
    expect(d!.message).toContain('"Use of cryptography"');
  });
});

describe('soa/unknown-control', () => {
  test('a 2013 control ID gets its 2022 successor in the hint', () => {
    const dir = contentWith({ 'soa/A.12.6.1.yaml': `id: A.12.6.1\n${applicable('')}` });
    const [d] = reportsOf(soaUnknownControl, dir);
    expect(d).toMatchObject({ file: 'soa/A.12.6.1.yaml', line: 1 });
    expect(d!.hint).toContain('A.8.8');
  });
});

describe('model/duplicate-id', () => {
  test('reports the second entity and where the first is', () => {
    const dir = contentWith({ 'evidence/again.yaml': 'id: access-review\ntitle: Again\nkind: record\nlocation: x\ncollected: 2026-06-01\nmaxAgeDays: 90\nowner: ada-lovelace\n' });
    const [d, ...rest] = reportsOf(duplicateId, dir);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ file: 'evidence/again.yaml', line: 1 });
    expect(d!.message).toMatch(/^Two evidence items have the id "access-review"; the first is at .*access-review\.yaml:1\.$/);
  });
});

describe('soa/owner-required', () => {
  test('an applicable control without owners fails; an excluded one does not need any', () => {
    const dir = contentWith({ ...entry('A.5.1', 'applicable: true\njustification: x\nbasis: [legal]\nstatus: implemented\nevidence: [access-review]\n') });
    expect(brief(reportsOf(applicableControlHasOwner, dir))).toEqual(['error soa/A.5.1.yaml:1 A.5.1 "Policies for information security" is applicable but has no owner.']);
    expect(reportsOf(applicableControlHasOwner, contentWith(entry('A.5.1', 'applicable: false\njustification: Not needed.\n')))).toEqual([]);
  });
  test('an empty owners list is pointed at', () => {
    const dir = contentWith(entry('A.5.1', 'applicable: true\njustification: x\nbasis: [legal]\nstatus: implemented\nowners: []\nevidence: [access-review]\n'));
    expect(reportsOf(applicableControlHasOwner, dir)[0]).toMatchObject({ line: 6, column: 1 });
  });
});

describe('soa/evidence-required', () => {
  test('says when an implemented control has no evidence', () => {
    const dir = contentWith(entry('A.5.2', 'applicable: true\njustification: x\nbasis: [legal]\nstatus: implemented\nowners: [ada-lovelace]\n'));
    expect(brief(reportsOf(applicableControlHasEvidence, dir))).toEqual(['error soa/A.5.2.yaml:1 A.5.2 "Information security roles and responsibilities" is marked implemented but lists no evidence.']);
  });
});

describe('soa/basis-required', () => {
  test('an applicable control must state its basis', () => {
    const dir = contentWith(entry('A.5.3', 'applicable: true\nstatus: implemented\nowners: [ada-lovelace]\nevidence: [access-review]\n'));
    expect(reportsOf(applicableBasis, dir)).toHaveLength(1);
  });
});

describe('soa/exclusion-justification', () => {
  test('an exclusion needs a justification', () => {
    expect(brief(reportsOf(exclusionJustified, contentWith(entry('A.7.2', 'applicable: false\n'))))).toEqual([
      'error soa/A.7.2.yaml:2 A.7.2 "Physical entry" is excluded without a justification. An unjustified exclusion is a nonconformity.',
    ]);
    // A blank justification is no text at all: the schema refuses it where it is written.
    expect(modelOf(contentWith(entry('A.7.2', 'applicable: false\njustification: "  "\n'))).loadDiagnostics.map((d) => `${d.rule} ${d.line} ${d.message}`)).toEqual([
      'load/schema 3 SoA entry "A.7.2" has an invalid `justification`: Expected text, found an empty string.',
    ]);
  });
});

describe('soa/status-consistent', () => {
  test.each([
    ['applicable without status', 'applicable: true\njustification: x\nbasis: [legal]\nowners: [ada-lovelace]\nevidence: [access-review]\n', 'has no implementation status'],
    ['excluded yet implemented', 'applicable: false\njustification: x\nstatus: implemented\n', 'is excluded but marked implemented'],
    ['planned without a date', applicable('').replace('implemented', 'planned'), 'is planned but has no target date'],
  ])('%s', (_, fields, message) => {
    const reports = reportsOf(statusConsistent, contentWith(entry('A.5.4', fields)));
    expect(reports.map((d) => d.message)).toEqual([expect.stringContaining(message)]);
  });
  test('planned with a target date is consistent', () => {
    expect(reportsOf(statusConsistent, contentWith(entry('A.5.4', applicable('targetDate: 2026-12-01\n').replace('implemented', 'planned'))))).toEqual([]);
  });
});

describe('soa/target-date-passed', () => {
  test('flags a planned control whose target date is before today, not on or after it', () => {
    const planned = (date: string) => contentWith(entry('A.5.5', applicable(`targetDate: ${date}\n`).replace('implemented', 'planned')));
    expect(brief(reportsOf(plannedTargetPassed, planned('2026-06-14')))).toEqual([
      'error soa/A.5.5.yaml:8 A.5.5 "Contact with authorities" was planned for 2026-06-14 and is still not implemented.',
    ]);
    expect(reportsOf(plannedTargetPassed, planned('2026-06-15'))).toEqual([]);
  });
});

describe('people/owner-has-left', () => {
  const people = "- id: ada-lovelace\n  name: Ada Lovelace\n  role: Head of Security\n  email: ada@minimal.example\n  left: 2026-05-31\n- id: alan-turing\n  name: Alan Turing\n  role: CEO\n  email: alan@minimal.example\n";
  test('every ownership and approval by a leaver is reported where it is written', () => {
    const reports = reportsOf(ownerHasLeft, contentWith({ 'people/people.yaml': people }));
    // 91 applicable SoA entries, the policy owner, the evidence owner, the control owner, the risk owner.
    expect(reports).toHaveLength(91 + 4);
    expect(reports.find((d) => d.file === 'policies/information-security.mdx')).toMatchObject({ line: 5, message: expect.stringContaining('Ada Lovelace (ada-lovelace) left on 2026-05-31') });
  });
  test('someone who is about to leave is a warning, not yet an error', () => {
    const reports = reportsOf(ownerHasLeft, contentWith({ 'people/people.yaml': people.replace('left: 2026-05-31', 'left: 2026-07-31') }));
    expect(new Set(reports.map((d) => d.severity))).toEqual(new Set(['warning']));
    expect(reports[0]!.message).toContain('leaves on 2026-07-31');
  });
});

describe('evidence/freshness', () => {
  const evidence = (collected: string, maxAgeDays: number) =>
    contentWith({ 'evidence/access-review.yaml': `id: access-review\ntitle: Access review\nkind: record\nlocation: x\ncollected: ${collected}\nmaxAgeDays: ${maxAgeDays}\nowner: ada-lovelace\n` });
  test('stale is an error, due within 30 days a warning, fresh is silent', () => {
    expect(brief(reportsOf(evidenceFreshness, evidence('2026-03-01', 90)))).toEqual([
      'error evidence/access-review.yaml:5 Evidence "Access review" went stale on 2026-05-30 (16 days ago): collected 2026-03-01, maximum age 90 days.',
    ]);
    expect(brief(reportsOf(evidenceFreshness, evidence('2026-04-01', 90)))).toEqual(['warning evidence/access-review.yaml:5 Evidence "Access review" goes stale on 2026-06-30, in 15 days.']);
    expect(reportsOf(evidenceFreshness, evidence('2026-06-01', 90))).toEqual([]);
  });
  test('evidence dated in the future is an error', () => {
    expect(reportsOf(evidenceFreshness, evidence('2026-07-01', 90))[0]!.message).toContain('after today');
  });
});

describe('policy/review-due', () => {
  const policy = (nextReview: string) =>
    contentWith({ 'policies/information-security.mdx': `---\nid: information-security\ntitle: Information Security Policy\nversion: "1.0"\nowner: ada-lovelace\napprover: alan-turing\napproved: 2025-01-10\neffective: 2025-01-15\nnextReview: ${nextReview}\nvisibility: public\n---\n\nBody.\n` });
  test('overdue is an error at the nextReview line, due soon a warning', () => {
    expect(brief(reportsOf(policyReview, policy('2026-06-01')))).toEqual(['error policies/information-security.mdx:9 Policy "Information Security Policy" was due for review on 2026-06-01 (14 days ago).']);
    expect(reportsOf(policyReview, policy('2026-07-15'))[0]).toMatchObject({ severity: 'warning' });
    expect(reportsOf(policyReview, policy('2026-07-16'))).toEqual([]);
  });
});

describe('refs/unresolved', () => {
  test('every kind of dangling reference is reported at the id', () => {
    const dir = contentWith({
      'answers/general.yaml': '- id: a\n  question: Q?\n  answer: A.\n  topic: T\n  controls: [A.12.6.1, A.5.99]\n  policies: [nope]\n',
      'controls/IAM-01.yaml': 'id: IAM-01\ntitle: T\ndescription: D\nowner: nobody\nannexA: [A.5.15]\n',
    });
    expect(brief(reportsOf(referencesResolve, dir))).toEqual([
      'error answers/general.yaml:5 Questionnaire answer a refers to A.12.6.1, which is not an ISO/IEC 27001:2022 Annex A control.',
      'error answers/general.yaml:5 Questionnaire answer a refers to A.5.99, which is not an ISO/IEC 27001:2022 Annex A control.',
      'error answers/general.yaml:6 Questionnaire answer a refers to policy "nope", which does not exist.',
      'error controls/IAM-01.yaml:4 Organisation control IAM-01 refers to person "nobody", which does not exist.',
    ]);
    expect(reportsOf(referencesResolve, dir)[0]!.hint).toContain('A.8.8');
  });
  test('a reference to an entity that failed validation is not reported twice', () => {
    const dir = contentWith({ 'people/people.yaml': '- id: ada-lovelace\n  name: Ada\n  role: R\n  email: not-an-email\n- id: alan-turing\n  name: Alan\n  role: R\n  email: alan@minimal.example\n' });
    expect(reportsOf(referencesResolve, dir)).toEqual([]);
  });
});

describe('certification/validity', () => {
  const cert = (expires: string) => contentWith({ 'certifications/iso27001.yaml': `id: iso27001\nstandard: ISO/IEC 27001\nedition: "2022"\ncertificateNumber: IS 1\ncertificationBody: { name: B }\naccreditationBody: { name: UKAS }\nscope: S\nissued: 2023-07-01\nexpires: ${expires}\n` });
  test('expired is an error, within 90 days a warning', () => {
    expect(brief(reportsOf(certificationValidity, cert('2026-06-14')))).toEqual(['error certifications/iso27001.yaml:9 The ISO/IEC 27001:2022 certificate IS 1 expired on 2026-06-14.']);
    expect(brief(reportsOf(certificationValidity, cert('2026-09-13')))).toEqual(['warning certifications/iso27001.yaml:9 The ISO/IEC 27001:2022 certificate IS 1 expires on 2026-09-13, in 90 days.']);
    expect(reportsOf(certificationValidity, cert('2026-09-14'))).toEqual([]);
  });
});

describe('certification/surveillance-overdue', () => {
  test('a past planned audit without `done` is an error at that audit', () => {
    const dir = contentWith({ 'certifications/iso27001.yaml': 'id: iso27001\nstandard: ISO/IEC 27001\nedition: "2022"\ncertificateNumber: IS 1\ncertificationBody: { name: B }\naccreditationBody: { name: UKAS }\nscope: S\nissued: 2025-03-01\nexpires: 2028-02-28\nsurveillanceAudits:\n  - planned: 2026-02-10\n    done: 2026-02-12\n  - planned: 2026-06-01\n' });
    expect(brief(reportsOf(surveillanceAuditOverdue, dir))).toEqual(['error certifications/iso27001.yaml:13 The surveillance audit of IS 1 planned for 2026-06-01 is not recorded as done.']);
  });
});

describe('visibility/public-cites-internal', () => {
  test('a public answer citing an internal policy fails; an internal answer may', () => {
    const internalPolicy = { 'policies/information-security.mdx': `---\nid: information-security\ntitle: ISP\nversion: "1"\nowner: ada-lovelace\napprover: alan-turing\napproved: 2026-01-10\neffective: 2026-01-15\nnextReview: 2027-01-10\n---\nBody.\n` };
    expect(brief(reportsOf(publicCitesInternal, contentWith(internalPolicy)))).toEqual([
      'error answers/general.yaml:6 Public questionnaire answer do-you-have-a-security-policy cites internal policy "information-security"; on the trust center that would be a dead link to something customers cannot read.',
    ]);
    const internalAnswer = { ...internalPolicy, 'answers/general.yaml': '- id: a\n  question: Q?\n  answer: A.\n  topic: T\n  policies: [information-security]\n' };
    expect(reportsOf(publicCitesInternal, contentWith(internalAnswer))).toEqual([]);
  });
});

describe('settings/security-txt', () => {
  test('the security.txt made from valid settings passes', () => {
    expect(reportsOf(securityTxtValid, fixture('valid-minimal'))).toEqual([]);
  });

  test('the validator rejects what RFC 9116 forbids: http, script URLs, a second Expires, a line that is not a field', () => {
    const text = [
      'Contact: mailto:security@example.com',
      'Contact: javascript:alert(1)',
      'Expires: 2027-01-01T00:00:00.000Z',
      'Expires: 2027-01-02T00:00:00.000Z',
      'Policy: http://example.com/policy',
      'Policy: javascript:alert(1)',
      'Canonical: https://example.com/security.txt',
      'Injected line',
    ].join('\n');
    expect(validateSecurityTxt(text, '2026-06-15').map((p) => `${p.field} ${p.message}`)).toEqual([
      'Injected line is not a `Field: value` line.',
      'Expires must appear exactly once.',
      'Expires must not appear more than once.',
      'Contact must be a `https:` or a `mailto:` or a `tel:` URI, not `javascript:`: javascript:alert(1)',
      'Policy must use https, not http: http://example.com/policy',
      'Policy must be a `https:` URI, not `javascript:`: javascript:alert(1)',
      'Canonical must point at /.well-known/security.txt.',
    ]);
  });
});

describe('controls/unknown-mapping', () => {
  const control = (mappings: string) => contentWith({ 'controls/IAM-01.yaml': `id: IAM-01\ntitle: T\ndescription: D\nowner: ada-lovelace\nannexA: [A.5.15]\nmappings:\n${mappings}` });
  test('an ID that SOC 2 or NIST CSF 2.0 does not have is a warning at that ID', () => {
    expect(brief(reportsOf(mappingIdsKnown, control('  soc2: [CC6.1, CC6.9]\n  nist-csf-2: [PR.AA-01, PR.AC-01]\n')))).toEqual([
      'warning controls/IAM-01.yaml:7 Organisation control IAM-01 maps to CC6.9, which is not an ID of SOC 2 Trust Services Criteria (2017).',
      'warning controls/IAM-01.yaml:8 Organisation control IAM-01 maps to PR.AC-01, which is not an ID of NIST Cybersecurity Framework 2.0.',
    ]);
  });
  test('frameworks Trustbook has no catalogue for are taken as written', () => {
    expect(reportsOf(mappingIdsKnown, control('  gdpr: [Art. 32]\n  in-house: [X-1]\n'))).toEqual([]);
  });
});
