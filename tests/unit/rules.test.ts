/** Each rule, shown failing and passing. valid-minimal passes every rule; each case plants one defect. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { rules } from '../../src/checks/rules/index.ts';
import { answersTopicSpelling } from '../../src/checks/rules/answers-topic-spelling.ts';
import { certificationSurveillanceOverdue } from '../../src/checks/rules/certification-surveillance-overdue.ts';
import { certificationValidity } from '../../src/checks/rules/certification-validity.ts';
import { controlsUnknownMapping } from '../../src/checks/rules/controls-unknown-mapping.ts';
import { evidenceFreshness } from '../../src/checks/rules/evidence-freshness.ts';
import { modelAliasConflict } from '../../src/checks/rules/model-alias-conflict.ts';
import { modelAnchorConflict } from '../../src/checks/rules/model-anchor-conflict.ts';
import { modelDuplicateId } from '../../src/checks/rules/model-duplicate-id.ts';
import { peopleOwnerHasLeft } from '../../src/checks/rules/people-owner-has-left.ts';
import { policyReviewDue } from '../../src/checks/rules/policy-review-due.ts';
import { refsUnresolved } from '../../src/checks/rules/refs-unresolved.ts';
import { settingsSecurityTxt } from '../../src/checks/rules/settings-security-txt.ts';
import { soaBasisRequired } from '../../src/checks/rules/soa-basis-required.ts';
import { soaEvidenceRequired } from '../../src/checks/rules/soa-evidence-required.ts';
import { soaExclusionJustification } from '../../src/checks/rules/soa-exclusion-justification.ts';
import { soaMissingEntry } from '../../src/checks/rules/soa-missing-entry.ts';
import { soaUndecided } from '../../src/checks/rules/soa-undecided.ts';
import { annexAControls } from '../../src/model/catalog.ts';
import { soaOwnerRequired } from '../../src/checks/rules/soa-owner-required.ts';
import { soaStatusConsistent } from '../../src/checks/rules/soa-status-consistent.ts';
import { soaTargetDatePassed } from '../../src/checks/rules/soa-target-date-passed.ts';
import { soaUnknownControl } from '../../src/checks/rules/soa-unknown-control.ts';
import { visibilityPublicCitesInternal } from '../../src/checks/rules/visibility-public-cites-internal.ts';
import { publicSummaryMissing } from '../../src/checks/rules/public-summary-missing.ts';
import { validateSecurityTxt } from '../../src/model/security-txt.ts';
import { runChecks, runRules } from '../../src/checks/run.ts';
import type { Subject } from '../../src/diagnostics/diagnostic.ts';
import { displayPath } from '../../src/load/paths.ts';
import { contentWith, fixture, modelOf, reportsOf, soaEntry } from '../helpers/content.ts';

const entry = (id: string, fields: string) => soaEntry(id, `id: ${id}\n${fields}`);
const applicable = (rest: string) => `applicable: true\njustification: Needed.\nbasis: [business]\nstatus: implemented\nowners: [ada-lovelace]\nevidence: [access-review]\n${rest}`;
const brief = (reports: ReturnType<typeof reportsOf>) => reports.map((d) => `${d.severity} ${d.file}:${d.line} ${d.message}`);
const subjectText = (s: Subject | null | undefined) => (s ? `${s.collection}:${s.id}${s.field ? `#${s.field}` : ''}` : 'no subject');
/**
 * Diagnostics in full — place, severity, entity, subject, message and hint — for inline snapshots, so
 * that a reworded message is a visible diff. The temporary content folder reads `<content>`.
 */
const text = (reports: ReturnType<typeof reportsOf>, dir: string) =>
  `\n${reports
    .map((d) => [`${d.file}:${d.line ?? '-'}:${d.column ?? '-'} ${d.severity} ${d.rule} [${d.entity ?? '-'}] ${subjectText(d.subject)}`, `  ${d.message}`, `  Hint: ${d.hint}`].join('\n'))
    .join('\n')
    .replaceAll(displayPath(dir), '<content>')}\n`;

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
    expect(text(reportsOf(soaMissingEntry, dir), dir)).toMatchInlineSnapshot(`
      "
      soa/A.8.24.yaml:-:- error soa/missing-entry [A.8.24] soa:A.8.24
        The SoA has no entry for A.8.24 "Use of cryptography". Every Annex A control must be declared applicable or excluded.
        Hint: Create <content>/soa/A.8.24.yaml with \`applicable: true\` (and its basis, status, owners and evidence) or \`applicable: false\` and a justification.
      "
    `);
  });
  test('no SoA folder at all is one problem, not 93', () => {
    const dir = contentWith({});
    rmSync(path.join(dir, 'soa'), { recursive: true });
    expect(text(reportsOf(soaMissingEntry, dir), dir)).toMatchInlineSnapshot(`
      "
      soa:-:- error soa/missing-entry [-] no subject
        The content folder has no Statement of Applicability: the folder <content>/soa/ does not exist, so none of the 93 Annex A controls has an entry.
        Hint: Create <content>/soa/ with one file per control (\`A.5.1.yaml\` … \`A.8.34.yaml\`), each declaring the control applicable or excluded (docs/content-format.md#statement-of-applicability).
      "
    `);
  });
  test('an SoA file that cannot be read is the problem to fix first: the controls it may hold are not checked', () => {
    const dir = contentWith({ 'soa/controls.yaml': '- id: A.5.1\n  applicable: [true\n' });
    const { diagnostics, notChecked } = runChecks(modelOf(dir), '2026-06-15', [soaMissingEntry]);
    expect(diagnostics.map((d) => `${d.rule} ${path.relative(dir, path.resolve(d.file))}:${d.line}`)).toEqual(['load/yaml-syntax soa/controls.yaml:3']);
    expect(notChecked).toEqual([{ rule: 'soa/missing-entry', what: 'whether 93 Annex A controls have SoA entries', why: `${displayPath(path.join(dir, 'soa/controls.yaml'))} could not be read`, files: [displayPath(path.join(dir, 'soa/controls.yaml'))] }]);
  });
});

describe('soa/undecided', () => {
  test('a few undecided entries are reported each at its file, and not as missing', () => {
    const dir = contentWith(soaEntry('A.8.24', 'id: A.8.24\n'));
    expect(text(reportsOf(soaUndecided, dir), dir)).toMatchInlineSnapshot(`
      "
      soa/A.8.24.yaml:1:1 error soa/undecided [A.8.24] soa:A.8.24
        A.8.24 "Use of cryptography" does not say yet whether it applies.
        Hint: In each entry, write \`applicable: true\` with the basis, status, owners and evidence, or \`applicable: false\` with a justification. \`trustbook import soa\` fills them from a spreadsheet.
      "
    `);
    expect(reportsOf(soaMissingEntry, dir)).toEqual([]);
  });

  test('a whole SoA still to decide is one problem, counted by theme, and no other SoA rule speaks of it', () => {
    const files: Record<string, string | null> = { 'soa/controls.yaml': null };
    for (const control of annexAControls) files[`soa/${control.id}.yaml`] = `id: ${control.id}\n`;
    const dir = contentWith(files);
    expect(text(reportsOf(soaUndecided, dir), dir)).toMatchInlineSnapshot(`
      "
      soa:-:- error soa/undecided [-] no subject
        93 controls need a decision: 37 organizational controls (A.5.1 … A.5.37); 8 people controls (A.6.1 … A.6.8); 14 physical controls (A.7.1 … A.7.14); 34 technological controls (A.8.1 … A.8.34). Each SoA entry must say whether its control applies.
        Hint: In each entry, write \`applicable: true\` with the basis, status, owners and evidence, or \`applicable: false\` with a justification. \`trustbook import soa\` fills them from a spreadsheet.
      "
    `);
    const soaRules = runRules(modelOf(dir), '2026-06-15').filter((d) => d.rule.startsWith('soa/'));
    expect(soaRules.map((d) => d.rule)).toEqual(['soa/undecided']);
  });
});

describe('soa/unknown-control', () => {
  test('a 2013 control ID gets its 2022 successor in the hint', () => {
    const dir = contentWith({ 'soa/A.12.6.1.yaml': `id: A.12.6.1\n${applicable('')}` });
    expect(text(reportsOf(soaUnknownControl, dir), dir)).toMatchInlineSnapshot(`
      "
      soa/A.12.6.1.yaml:1:1 error soa/unknown-control [A.12.6.1] soa:A.12.6.1#id
        A.12.6.1 is not an ISO/IEC 27001:2022 Annex A control.
        Hint: A.12.6.1 is a 2013 control ID; in the 2022 edition it is A.8.8. Rename the entry.
      "
    `);
  });
});

describe('model/duplicate-id', () => {
  test('reports the second entity and where the first is', () => {
    const dir = contentWith({ 'evidence/again.yaml': 'id: access-review\ntitle: Again\nkind: record\nlocation: x\ncollected: 2026-06-01\nmaxAgeDays: 90\nowner: ada-lovelace\n' });
    expect(text(reportsOf(modelDuplicateId, dir), dir)).toMatchInlineSnapshot(`
      "
      evidence/again.yaml:1:1 error model/duplicate-id [evidence access-review] evidence:access-review#id
        Two evidence items have the id "access-review"; the first is at <content>/evidence/access-review.yaml:1.
        Hint: Ids must be unique within a collection: rename one, or merge the two if they are the same thing.
      "
    `);
  });
});

describe('soa/owner-required', () => {
  test('an applicable control without owners fails; an excluded one does not need any', () => {
    const dir = contentWith({ ...entry('A.5.1', 'applicable: true\njustification: x\nbasis: [legal]\nstatus: implemented\nevidence: [access-review]\n') });
    expect(brief(reportsOf(soaOwnerRequired, dir))).toEqual(['error soa/A.5.1.yaml:1 A.5.1 "Policies for information security" is applicable but has no owner.']);
    expect(reportsOf(soaOwnerRequired, contentWith(entry('A.5.1', 'applicable: false\njustification: Not needed.\n')))).toEqual([]);
  });
  test('an empty owners list is pointed at', () => {
    const dir = contentWith(entry('A.5.1', 'applicable: true\njustification: x\nbasis: [legal]\nstatus: implemented\nowners: []\nevidence: [access-review]\n'));
    expect(text(reportsOf(soaOwnerRequired, dir), dir)).toMatchInlineSnapshot(`
      "
      soa/A.5.1.yaml:6:1 error soa/owner-required [A.5.1] soa:A.5.1#owners
        A.5.1 "Policies for information security" is applicable but has no owner.
        Hint: Add \`owners: [<person id>]\` — people who can own it: ada-lovelace, alan-turing.
      "
    `);
  });
});

describe('soa/evidence-required', () => {
  test('says when an implemented control has no evidence', () => {
    const dir = contentWith(entry('A.5.2', 'applicable: true\njustification: x\nbasis: [legal]\nstatus: implemented\nowners: [ada-lovelace]\n'));
    expect(brief(reportsOf(soaEvidenceRequired, dir))).toEqual(['error soa/A.5.2.yaml:1 A.5.2 "Information security roles and responsibilities" is marked implemented but lists no evidence.']);
  });
});

describe('soa/basis-required', () => {
  test('an applicable control must state its basis', () => {
    const dir = contentWith(entry('A.5.3', 'applicable: true\nstatus: implemented\nowners: [ada-lovelace]\nevidence: [access-review]\n'));
    expect(text(reportsOf(soaBasisRequired, dir), dir)).toMatchInlineSnapshot(`
      "
      soa/A.5.3.yaml:1:1 error soa/basis-required [A.5.3] soa:A.5.3#basis
        A.5.3 "Segregation of duties" is applicable but does not say why.
        Hint: Add \`basis:\` with one or more of risk-treatment, legal, contractual, business — and a \`justification:\` in words.
      "
    `);
  });
});

describe('soa/exclusion-justification', () => {
  test('an exclusion needs a justification', () => {
    expect(brief(reportsOf(soaExclusionJustification, contentWith(entry('A.7.2', 'applicable: false\n'))))).toEqual([
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
    const reports = reportsOf(soaStatusConsistent, contentWith(entry('A.5.4', fields)));
    expect(reports.map((d) => d.message)).toEqual([expect.stringContaining(message)]);
    expect(reports.map((d) => d.subject)).toEqual([expect.objectContaining({ collection: 'soa', id: 'A.5.4' })]);
  });
  test('planned with a target date is consistent', () => {
    expect(reportsOf(soaStatusConsistent, contentWith(entry('A.5.4', applicable('targetDate: 2026-12-01\n').replace('implemented', 'planned'))))).toEqual([]);
  });
});

describe('soa/target-date-passed', () => {
  test('flags a planned control whose target date is before today, not on or after it', () => {
    const planned = (date: string) => contentWith(entry('A.5.5', applicable(`targetDate: ${date}\n`).replace('implemented', 'planned')));
    expect(brief(reportsOf(soaTargetDatePassed, planned('2026-06-14')))).toEqual([
      'error soa/A.5.5.yaml:8 A.5.5 "Contact with authorities" was planned for 2026-06-14 and is still not implemented.',
    ]);
    expect(reportsOf(soaTargetDatePassed, planned('2026-06-15'))).toEqual([]);
  });
});

describe('people/owner-has-left', () => {
  const people = "- id: ada-lovelace\n  name: Ada Lovelace\n  role: Head of Security\n  email: ada@minimal.example\n  left: 2026-05-31\n- id: alan-turing\n  name: Alan Turing\n  role: CEO\n  email: alan@minimal.example\n";
  test('every ownership and approval by a leaver is reported where it is written', () => {
    const dir = contentWith({ 'people/people.yaml': people });
    const reports = reportsOf(peopleOwnerHasLeft, dir);
    // 91 applicable SoA entries, the policy owner, the evidence owner, the control owner, the risk owner.
    expect(reports).toHaveLength(91 + 4);
    expect(text(reports.filter((d) => !d.file.startsWith('soa/')), dir)).toMatchInlineSnapshot(`
      "
      controls/IAM-01.yaml:4:1 error people/owner-has-left [control IAM-01] controls:IAM-01#owner
        Ada Lovelace (ada-lovelace) left on 2026-05-31 but is still the owner of organisation control IAM-01.
        Hint: Hand it to someone who is here: replace \`ada-lovelace\` with the id of the new owner.
      evidence/access-review.yaml:7:1 error people/owner-has-left [evidence access-review] evidence:access-review#owner
        Ada Lovelace (ada-lovelace) left on 2026-05-31 but is still the owner of evidence item access-review.
        Hint: Hand it to someone who is here: replace \`ada-lovelace\` with the id of the new owner.
      policies/information-security.mdx:5:1 error people/owner-has-left [policy information-security] policies:information-security#owner
        Ada Lovelace (ada-lovelace) left on 2026-05-31 but is still the owner of policy information-security.
        Hint: Hand it to someone who is here: replace \`ada-lovelace\` with the id of the new owner.
      risks/r-1.yaml:11:1 error people/owner-has-left [risk r-1] risks:r-1#owner
        Ada Lovelace (ada-lovelace) left on 2026-05-31 but is still the owner of risk r-1.
        Hint: Hand it to someone who is here: replace \`ada-lovelace\` with the id of the new owner.
      "
    `);
  });
  test('someone who is about to leave is a warning, not yet an error', () => {
    const dir = contentWith({ 'people/people.yaml': people.replace('left: 2026-05-31', 'left: 2026-07-31') });
    const reports = reportsOf(peopleOwnerHasLeft, dir);
    expect(new Set(reports.map((d) => d.severity))).toEqual(new Set(['warning']));
    expect(text(reports.slice(0, 1), dir)).toMatchInlineSnapshot(`
      "
      controls/IAM-01.yaml:4:1 warning people/owner-has-left [control IAM-01] controls:IAM-01#owner
        Ada Lovelace (ada-lovelace) leaves on 2026-07-31 and is the owner of organisation control IAM-01.
        Hint: Hand it over before 2026-07-31: replace \`ada-lovelace\` with the id of the new owner.
      "
    `);
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
    const dir = evidence('2026-07-01', 90);
    expect(text(reportsOf(evidenceFreshness, dir), dir)).toMatchInlineSnapshot(`
      "
      evidence/access-review.yaml:5:1 error evidence/freshness [evidence access-review] evidence:access-review#collected
        Evidence "Access review" is dated 2026-07-01, after today (2026-06-15).
        Hint: Correct \`collected:\` to the date the evidence was actually gathered.
      "
    `);
  });
});

describe('policy/review-due', () => {
  const policy = (nextReview: string) =>
    contentWith({ 'policies/information-security.mdx': `---\nid: information-security\ntitle: Information Security Policy\nversion: "1.0"\nowner: ada-lovelace\napprover: alan-turing\napproved: 2025-01-10\neffective: 2025-01-15\nnextReview: ${nextReview}\nvisibility: public\n---\n\nBody.\n` });
  test('overdue is an error at the nextReview line, due soon a warning', () => {
    expect(brief(reportsOf(policyReviewDue, policy('2026-06-01')))).toEqual(['error policies/information-security.mdx:9 Policy "Information Security Policy" was due for review on 2026-06-01 (14 days ago).']);
    const soon = policy('2026-07-15');
    expect(text(reportsOf(policyReviewDue, soon), soon)).toMatchInlineSnapshot(`
      "
      policies/information-security.mdx:9:1 warning policy/review-due [policy information-security] policies:information-security#nextReview
        Policy "Information Security Policy" is due for review on 2026-07-15, in 30 days.
        Hint: Schedule the review with its owner and approver.
      "
    `);
    expect(reportsOf(policyReviewDue, policy('2026-07-16'))).toEqual([]);
  });
});

describe('refs/unresolved', () => {
  test('every kind of dangling reference is reported at the id', () => {
    const dir = contentWith({
      'answers/general.yaml': '- id: a\n  question: Q?\n  answer: A.\n  topic: T\n  controls: [A.12.6.1, A.5.99]\n  policies: [nope]\n',
      'controls/IAM-01.yaml': 'id: IAM-01\ntitle: T\ndescription: D\nowner: nobody\nannexA: [A.5.15]\n',
    });
    expect(brief(reportsOf(refsUnresolved, dir))).toEqual([
      'error answers/general.yaml:5 Questionnaire answer a refers to A.12.6.1, which is not an ISO/IEC 27001:2022 Annex A control.',
      'error answers/general.yaml:5 Questionnaire answer a refers to A.5.99, which is not an ISO/IEC 27001:2022 Annex A control.',
      'error answers/general.yaml:6 Questionnaire answer a refers to policy "nope", which does not exist.',
      'error controls/IAM-01.yaml:4 Organisation control IAM-01 refers to person "nobody", which does not exist.',
    ]);
    expect(text(reportsOf(refsUnresolved, dir), dir)).toMatchInlineSnapshot(`
      "
      answers/general.yaml:5:14 error refs/unresolved [answer a] answers:a#controls.0
        Questionnaire answer a refers to A.12.6.1, which is not an ISO/IEC 27001:2022 Annex A control.
        Hint: A.12.6.1 is a 2013 control ID; in the 2022 edition it is A.8.8.
      answers/general.yaml:5:24 error refs/unresolved [answer a] answers:a#controls.1
        Questionnaire answer a refers to A.5.99, which is not an ISO/IEC 27001:2022 Annex A control.
        Hint: Use an ID from Annex A 2022 (93 controls, A.5.1–A.8.34).
      answers/general.yaml:6:14 error refs/unresolved [answer a] answers:a#policies.0
        Questionnaire answer a refers to policy "nope", which does not exist.
        Hint: Fix the id or create <content>/policies/nope.mdx — known: information-security.
      controls/IAM-01.yaml:4:1 error refs/unresolved [control IAM-01] controls:IAM-01#owner
        Organisation control IAM-01 refers to person "nobody", which does not exist.
        Hint: Fix the id or create <content>/people/nobody.yaml — known: ada-lovelace, alan-turing.
      "
    `);
  });
  test('a reference to an entity that failed validation is not reported twice', () => {
    const dir = contentWith({ 'people/people.yaml': '- id: ada-lovelace\n  name: Ada\n  role: R\n  email: not-an-email\n- id: alan-turing\n  name: Alan\n  role: R\n  email: alan@minimal.example\n' });
    expect(reportsOf(refsUnresolved, dir)).toEqual([]);
  });
  test('references into a collection with a file that cannot be read are not judged, and say so', () => {
    // valid-minimal keeps its people in one file: broken, it leaves every reference to a person unjudgeable.
    const dir = contentWith({ 'people/people.yaml': '- id: ada-lovelace\n  name: Ada: Lovelace\n', 'controls/IAM-01.yaml': 'id: IAM-01\ntitle: T\ndescription: D\nowner: nobody\nannexA: [A.5.15]\n' });
    const { diagnostics, notChecked } = runChecks(modelOf(dir), '2026-06-15', [refsUnresolved]);
    const people = displayPath(path.join(dir, 'people/people.yaml'));
    expect(diagnostics.map((d) => `${d.rule} ${path.relative(dir, path.resolve(d.file))}:${d.line}`)).toEqual(['load/yaml-syntax people/people.yaml:2']);
    expect(notChecked).toEqual([{ rule: 'refs/unresolved', what: '96 references to people', why: `${people} could not be read`, files: [people] }]);
  });
  test('references to other collections are still judged', () => {
    const dir = contentWith({ 'people/people.yaml': '- id: ada-lovelace\n  name: Ada: Lovelace\n', 'answers/general.yaml': '- id: a\n  question: Q?\n  answer: A.\n  topic: T\n  policies: [nope]\n' });
    expect(brief(reportsOf(refsUnresolved, dir))).toEqual(['error answers/general.yaml:5 Questionnaire answer a refers to policy "nope", which does not exist.']);
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
    expect(brief(reportsOf(certificationSurveillanceOverdue, dir))).toEqual(['error certifications/iso27001.yaml:13 The surveillance audit of IS 1 planned for 2026-06-01 is not recorded as done.']);
  });
});

describe('visibility/public-cites-internal', () => {
  test('a public answer citing an internal policy fails; an internal answer may', () => {
    const internalPolicy = { 'policies/information-security.mdx': `---\nid: information-security\ntitle: ISP\nversion: "1"\nowner: ada-lovelace\napprover: alan-turing\napproved: 2026-01-10\neffective: 2026-01-15\nnextReview: 2027-01-10\n---\nBody.\n` };
    expect(brief(reportsOf(visibilityPublicCitesInternal, contentWith(internalPolicy)))).toEqual([
      'error answers/general.yaml:6 Public questionnaire answer do-you-have-a-security-policy cites internal policy "information-security"; on the trust center that would be a dead link to something customers cannot read.',
    ]);
    const internalAnswer = { ...internalPolicy, 'answers/general.yaml': '- id: a\n  question: Q?\n  answer: A.\n  topic: T\n  policies: [information-security]\n' };
    expect(reportsOf(visibilityPublicCitesInternal, contentWith(internalAnswer))).toEqual([]);
  });
});

describe('settings/security-txt', () => {
  test('the security.txt made from valid settings passes', () => {
    expect(reportsOf(settingsSecurityTxt, fixture('valid-minimal'))).toEqual([]);
  });

  test('settings that would make it invalid are reported at the field they come from', () => {
    // The settings schema refuses such values, so the model is changed in memory.
    const model = modelOf(fixture('valid-minimal'));
    const settings = model.settings!;
    model.settings = { ...settings, sites: { ...settings.sites, public: 'http://trust.minimal.example' } };
    const { diagnostics } = runChecks(model, '2026-06-15', [settingsSecurityTxt]);
    expect(text(diagnostics.map((d) => ({ ...d, file: path.relative(fixture('valid-minimal'), path.resolve(d.file)) })), fixture('valid-minimal'))).toMatchInlineSnapshot(`
      "
      settings.yaml:5:3 error settings/security-txt [settings] settings:settings#sites.public
        The security.txt published on the trust center would be invalid: \`Canonical\` must use https, not http: http://trust.minimal.example/.well-known/security.txt
        Hint: Fix \`sites.public\` in the settings: RFC 9116 requires https URIs, a Contact and an Expires less than a year away.
      "
    `);
  });

  test('settings that could not be read leave it not checked, and say why', () => {
    const dir = contentWith({ 'settings.yaml': 'organisation: [\n' });
    const settings = displayPath(path.join(dir, 'settings.yaml'));
    expect(runChecks(modelOf(dir), '2026-06-15', [settingsSecurityTxt]).notChecked).toEqual([
      { rule: 'settings/security-txt', what: 'the security.txt made from the settings', why: `${settings} could not be read`, files: [settings] },
    ]);
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
    expect(brief(reportsOf(controlsUnknownMapping, control('  soc2: [CC6.1, CC6.9]\n  nist-csf-2: [PR.AA-01, PR.AC-01]\n')))).toEqual([
      'warning controls/IAM-01.yaml:7 Organisation control IAM-01 maps to CC6.9, which is not an ID of SOC 2 Trust Services Criteria (2017).',
      'warning controls/IAM-01.yaml:8 Organisation control IAM-01 maps to PR.AC-01, which is not an ID of NIST Cybersecurity Framework 2.0.',
    ]);
  });
  test('frameworks Trustbook has no catalogue for are taken as written', () => {
    expect(reportsOf(controlsUnknownMapping, control('  gdpr: [Art. 32]\n  in-house: [X-1]\n'))).toEqual([]);
  });
});

describe('model/alias-conflict', () => {
  test('an alias that is a current id, or claimed twice, is an error at the alias', () => {
    const dir = contentWith({
      'answers/general.yaml':
        '- id: a\n  question: Q?\n  answer: A.\n  topic: T\n  aliases: [do-you-have-a-security-policy, old]\n- id: b\n  question: Q?\n  answer: A.\n  topic: T\n  aliases: [old]\n- id: do-you-have-a-security-policy\n  question: Q?\n  answer: A.\n  topic: T\n',
    });
    expect(text(reportsOf(modelAliasConflict, dir), dir)).toMatchInlineSnapshot(`
      "
      answers/general.yaml:5:13 error model/alias-conflict [answer a] answers:a#aliases.0
        The alias \`do-you-have-a-security-policy\` of questionnaire answer a is the id of another questionnaire answer (<content>/answers/general.yaml:11); its page would be replaced by a redirect to a.
        Hint: Remove the alias, or rename the other questionnaire answer: an id can be either a page or a redirect, not both.
      answers/general.yaml:10:13 error model/alias-conflict [answer b] answers:b#aliases.0
        The alias \`old\` is claimed by two questionnaire answers: a and b.
        Hint: An old address can redirect to one page only: keep the alias on the questionnaire answer that took over the old one.
      "
    `);
  });
});

describe('model/anchor-conflict', () => {
  test('an id that is an anchor of its own page is an error at the id', () => {
    const dir = contentWith({ 'subprocessors/main.yaml': 'id: main\nname: Main\npurpose: P\ndataCategories: [x]\nlocation: EU\nwebsite: https://main.example\nsince: 2024-01-01\n' });
    expect(text(reportsOf(modelAnchorConflict, dir), dir)).toMatchInlineSnapshot(`
      "
      subprocessors/main.yaml:1:1 error model/anchor-conflict [subprocessor main] subprocessors:main#id
        The id \`main\` is the anchor of /subprocessors/#main, which the page itself uses (#main).
        Hint: Rename it; if it was published already, the old link leads to the top of the page.
      "
    `);
  });
});

describe('public/summary-missing', () => {
  test('a public, applicable entry without a public summary is a warning at its visibility', () => {
    const dir = contentWith(entry('A.8.24', applicable('visibility: public\n')));
    expect(text(reportsOf(publicSummaryMissing, dir), dir)).toMatchInlineSnapshot(`
      "
      soa/A.8.24.yaml:8:1 warning public/summary-missing [A.8.24] soa:A.8.24#visibility
        A.8.24 "Use of cryptography" is public and applicable but has no public summary: the trust center shows its status and nothing about how it is met.
        Hint: Add \`publicSummary:\` saying in a sentence or two, in words customers may read, how the control is met.
      "
    `);
  });
  test('a summary, an internal entry or an exclusion is fine', () => {
    expect(reportsOf(publicSummaryMissing, contentWith(entry('A.8.24', applicable('publicSummary: Encrypted at rest and in transit.\nvisibility: public\n'))))).toEqual([]);
    expect(reportsOf(publicSummaryMissing, contentWith(entry('A.8.24', applicable(''))))).toEqual([]);
    expect(reportsOf(publicSummaryMissing, contentWith(entry('A.7.2', 'applicable: false\njustification: No offices.\nvisibility: public\n')))).toEqual([]);
  });
});

describe('answers/topic-spelling', () => {
  test('a topic written two ways is a warning at the second', () => {
    const dir = contentWith({ 'answers/more.yaml': '- id: z\n  question: Q?\n  answer: A.\n  topic: governance\n' });
    const first = modelOf(dir).entries.answers.find((a) => a.id !== 'z')!;
    expect(first.data.topic).toBe('Governance');
    expect(text(reportsOf(answersTopicSpelling, dir), dir)).toMatchInlineSnapshot(`
      "
      answers/more.yaml:4:3 warning answers/topic-spelling [answer z] answers:z#topic
        The topic "governance" differs from "Governance" (<content>/answers/general.yaml:4) only in case or punctuation; the answers page shows them as two topics.
        Hint: Write the topic the same way in every answer: "Governance".
      "
    `);
  });
});

describe('content is data, whatever its ids', () => {
  test('`constructor` as a framework, a person and an alias crashes no rule and is judged like any other', () => {
    const dir = contentWith({
      'controls/IAM-01.yaml': 'id: IAM-01\ntitle: T\ndescription: D\nowner: constructor\nannexA: [A.5.15]\nmappings:\n  constructor: [x]\n  soc2: [CC6.1]\n',
      'answers/general.yaml': '- id: a\n  question: Q?\n  answer: A.\n  topic: T\n  aliases: [constructor]\n  policies: [constructor]\n',
    });
    const { diagnostics } = runChecks(modelOf(dir), '2026-06-15');
    expect(diagnostics.map((d) => `${d.rule} ${path.relative(dir, path.resolve(d.file))}:${d.line} ${d.message}`)).toEqual([
      'refs/unresolved answers/general.yaml:6 Questionnaire answer a refers to policy "constructor", which does not exist.',
      'refs/unresolved controls/IAM-01.yaml:4 Organisation control IAM-01 refers to person "constructor", which does not exist.',
    ]);
  });
});
