/** Exceptions: their schema, the rules that judge them, and how a run reports what they accept. */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ExceptionSchema } from '../../src/model/schemas.ts';
import { applyExceptions, runChecks } from '../../src/checks/run.ts';
import { exceptionStanding } from '../../src/link/exceptions.ts';
import { exceptionsApproverLeft } from '../../src/checks/rules/exceptions-approver-left.ts';
import { exceptionsExpired } from '../../src/checks/rules/exceptions-expired.ts';
import { exceptionsExpiring } from '../../src/checks/rules/exceptions-expiring.ts';
import { exceptionsUnknownTarget } from '../../src/checks/rules/exceptions-unknown-target.ts';
import { evidenceFreshness } from '../../src/checks/rules/evidence-freshness.ts';
import { peopleOwnerHasLeft } from '../../src/checks/rules/people-owner-has-left.ts';
import { refsUnresolved } from '../../src/checks/rules/refs-unresolved.ts';
import { rules } from '../../src/checks/rules/index.ts';
import type { CatalogueDiagnostic, Subject } from '../../src/diagnostics/diagnostic.ts';
import { contentWith, modelOf, reportsOf } from '../helpers/content.ts';

const exception = (fields: Partial<Record<'id' | 'rule' | 'subject' | 'approver' | 'approved' | 'expires', string>> = {}) => {
  const f = { id: 'access-review-late', rule: 'evidence/freshness', subject: '{ collection: evidence, id: access-review }', approver: 'alan-turing', approved: '2026-05-01', expires: '2026-08-31', ...fields };
  return `id: ${f.id}\nrule: ${f.rule}\nsubject: ${f.subject}\nreason: The review tool is being replaced; reviews resume on the new one in August.\napprover: ${f.approver}\napproved: ${f.approved}\nexpires: ${f.expires}\n`;
};
/** valid-minimal's access review, gone stale: collected 2026-01-01, 90 days, so stale since 2026-04-01. */
const staleEvidence = 'id: access-review\ntitle: Quarterly access review\nkind: record\nlocation: https://tickets.minimal.example/SEC-1\ncollected: 2026-01-01\nmaxAgeDays: 90\nowner: ada-lovelace\ncontrols: [A.5.15, A.5.18]\n';
const leaver = "- id: ada-lovelace\n  name: Ada Lovelace\n  role: Head of Security\n  email: ada@minimal.example\n- id: alan-turing\n  name: Alan Turing\n  role: CEO\n  email: alan@minimal.example\n  left: LEFT\n";

const subjectText = (s: Subject | null | undefined) => (s ? `${s.collection}:${s.id}${s.field ? `#${s.field}` : ''}` : 'no subject');
const text = (reports: readonly CatalogueDiagnostic[], _dir?: string) =>
  `\n${reports
    .map((d) => [`${d.file}:${d.line ?? '-'}:${d.column ?? '-'} ${d.severity} ${d.rule} [${d.entity ?? '-'}] ${subjectText(d.subject)}`, `  ${d.message}`, `  Hint: ${d.hint}`].join('\n'))
    .join('\n')}\n`;
/** Every diagnostic of a run, with paths relative to the content folder as `reportsOf` gives them. */
const run = (dir: string, today = '2026-06-15') => runChecks(modelOf(dir), today).diagnostics.map((d) => ({ ...d, file: path.relative(dir, path.resolve(d.file)) }));

describe('the exception schema', () => {
  const valid = { id: 'x', rule: 'evidence/freshness', subject: { collection: 'evidence', id: 'access-review' }, reason: 'Why.', approver: 'ada-lovelace', approved: '2026-05-01', expires: '2026-08-31' };
  test('defaults to internal and takes nothing else', () => {
    expect(ExceptionSchema.parse(valid).visibility).toBe('internal');
    expect(ExceptionSchema.safeParse({ ...valid, visibility: 'public' }).error?.issues[0]?.message).toMatchInlineSnapshot(`"Exceptions are internal: the trust center never shows them. Remove \`visibility:\` or write \`internal\`."`);
  });
  test('is strict, down to its subject', () => {
    expect(ExceptionSchema.safeParse({ ...valid, expiry: '2026-08-31' }).success).toBe(false);
    expect(ExceptionSchema.safeParse({ ...valid, subject: { collection: 'evidence', id: 'a', field: 'collected' } }).success).toBe(false);
    expect(ExceptionSchema.safeParse({ ...valid, subject: 'evidence/access-review' }).success).toBe(false);
    expect(ExceptionSchema.safeParse({ ...valid, rule: 'Evidence freshness' }).error?.issues[0]?.message).toMatchInlineSnapshot(`"Write the rule id as docs/checks.md does, for example \`evidence/freshness\`."`);
    expect(ExceptionSchema.safeParse({ ...valid, expires: '2026-02-30' }).success).toBe(false);
  });
  test('is read from content/exceptions/ without problems', () => {
    const dir = contentWith({ 'evidence/access-review.yaml': staleEvidence, 'exceptions/access-review-late.yaml': exception() });
    const model = modelOf(dir);
    expect(model.loadDiagnostics).toEqual([]);
    expect([...model.index.exceptions.keys()]).toEqual(['access-review-late']);
  });
});

describe('a run with exceptions', () => {
  test('reports a covered error as a warning naming the exception and its expiry', () => {
    const dir = contentWith({ 'evidence/access-review.yaml': staleEvidence, 'exceptions/access-review-late.yaml': exception() });
    expect(text(run(dir), dir)).toMatchInlineSnapshot(`
      "
      evidence/access-review.yaml:5:1 warning evidence/freshness [evidence access-review] evidence:access-review#collected
        Evidence "Quarterly access review" went stale on 2026-04-01 (75 days ago): collected 2026-01-01, maximum age 90 days. Accepted by exception access-review-late until 2026-08-31.
        Hint: Collect it again and update \`collected:\` (and \`location:\` if the record moved).
      "
    `);
  });

  test('without the exception, the same problem is an error', () => {
    const dir = contentWith({ 'evidence/access-review.yaml': staleEvidence });
    expect(run(dir).map((d) => `${d.severity} ${d.rule}`)).toEqual(['error evidence/freshness']);
  });

  test('an expired exception accepts nothing, and is an error itself', () => {
    const dir = contentWith({ 'evidence/access-review.yaml': staleEvidence, 'exceptions/access-review-late.yaml': exception({ expires: '2026-05-31' }) });
    expect(text(run(dir), dir)).toMatchInlineSnapshot(`
      "
      evidence/access-review.yaml:5:1 error evidence/freshness [evidence access-review] evidence:access-review#collected
        Evidence "Quarterly access review" went stale on 2026-04-01 (75 days ago): collected 2026-01-01, maximum age 90 days.
        Hint: Collect it again and update \`collected:\` (and \`location:\` if the record moved).
      exceptions/access-review-late.yaml:7:1 error exceptions/expired [exception access-review-late] exceptions:access-review-late#expires
        Exception access-review-late expired on 2026-05-31 (15 days ago): failures of evidence/freshness by evidence access-review are errors again.
        Hint: Close the gap and delete the exception; or, if it is still accepted, have it approved again with a new \`approved:\` and \`expires:\`.
      "
    `);
  });

  test('an exception approved after today is not in force yet', () => {
    const dir = contentWith({ 'evidence/access-review.yaml': staleEvidence, 'exceptions/access-review-late.yaml': exception({ approved: '2026-06-20' }) });
    expect(run(dir).map((d) => `${d.severity} ${d.rule}`)).toEqual(['error evidence/freshness']);
  });

  test('an exception whose problem is gone is reported as unused', () => {
    const dir = contentWith({ 'exceptions/access-review-late.yaml': exception() });
    expect(text(run(dir), dir)).toMatchInlineSnapshot(`
      "
      exceptions/access-review-late.yaml:1:1 warning exceptions/unused [exception access-review-late] exceptions:access-review-late
        Exception access-review-late accepts failures of evidence/freshness by evidence access-review until 2026-08-31, but there are none.
        Hint: The gap it accepted is closed: delete the exception, so that a new failure of the same check on the same entity is an error again.
      "
    `);
  });

  test('matches rule and entity both', () => {
    const dir = contentWith({ 'evidence/access-review.yaml': staleEvidence, 'exceptions/access-review-late.yaml': exception({ rule: 'policy/review-due' }) });
    expect(run(dir).map((d) => `${d.severity} ${d.rule}`)).toEqual(['error evidence/freshness', 'warning exceptions/unused']);
  });
});

describe('applyExceptions', () => {
  const dir = contentWith({ 'exceptions/access-review-late.yaml': exception() });
  const model = modelOf(dir);
  const inForce = [...model.index.exceptions.values()];
  const place = { file: 'content/evidence/access-review.yaml', line: 6, column: 1, entity: 'evidence access-review' };
  const stale: CatalogueDiagnostic = { rule: 'evidence/freshness', severity: 'error', ...place, message: 'Evidence "Quarterly access review" went stale.', hint: 'Collect it again.', subject: { collection: 'evidence', id: 'access-review', field: 'collected' } };

  test('downgrades what it covers, and leaves its input alone', () => {
    const given = [stale];
    const result = applyExceptions(given, inForce, new Set(['evidence/freshness']));
    expect(result).toEqual([{ ...stale, severity: 'warning', message: 'Evidence "Quarterly access review" went stale. Accepted by exception access-review-late until 2026-08-31.' }]);
    expect(given[0]!.severity).toBe('error');
  });

  test('leaves another entity, another rule, and problems without a subject as they are', () => {
    const others: CatalogueDiagnostic[] = [
      { ...stale, subject: { collection: 'evidence', id: 'pentest' } },
      { ...stale, rule: 'policy/review-due', subject: { collection: 'evidence', id: 'access-review' } },
      { ...stale, subject: null },
    ];
    const result = applyExceptions(others, inForce, new Set(['evidence/freshness', 'policy/review-due']));
    expect(result.slice(0, 3)).toEqual(others);
    expect(result.slice(3).map((d) => d.rule)).toEqual(['exceptions/unused']);
  });

  test('never accepts a problem found while reading, nor one of exceptions', () => {
    const load: CatalogueDiagnostic = { ...stale, rule: 'load/schema' };
    const own: CatalogueDiagnostic = { ...stale, rule: 'exceptions/expired' };
    const byLoad = [...model.index.exceptions.values()].map((e) => ({ ...e, data: { ...e.data, rule: 'load/schema' } }));
    expect(applyExceptions([load], byLoad, new Set())).toEqual([load]);
    expect(applyExceptions([own], inForce, new Set())).toEqual([own]);
  });

  test('says nothing of an exception whose rule did not run in full', () => {
    expect(applyExceptions([], inForce, new Set())).toEqual([]);
    expect(applyExceptions([], inForce, new Set(['evidence/freshness'])).map((d) => d.rule)).toEqual(['exceptions/unused']);
  });
});

describe('exceptionStanding', () => {
  const standing = (fields: Parameters<typeof exception>[0], today = '2026-06-15', left?: string) => {
    const dir = contentWith({ 'exceptions/e.yaml': exception(fields), ...(left ? { 'people/people.yaml': leaver.replace('LEFT', left) } : {}) });
    const model = modelOf(dir);
    return exceptionStanding(model, model.index.exceptions.get('access-review-late')!, today);
  };
  test('is in force from its approval to its expiry, both days included', () => {
    expect(standing({ approved: '2026-06-15' })).toEqual({ state: 'in-force', daysLeft: 77, inForce: true });
    expect(standing({ expires: '2026-06-15' })).toEqual({ state: 'expiring', daysLeft: 0, inForce: true });
    expect(standing({ expires: '2026-06-14' })).toEqual({ state: 'expired', daysLeft: -1, inForce: false });
    expect(standing({ approved: '2026-06-16' })).toEqual({ state: 'pending', daysLeft: 77, inForce: false });
  });
  test('needs an approver who is known and here', () => {
    expect(standing({ approver: 'nobody' }).inForce).toBe(false);
    expect(standing({}, '2026-06-15', '2026-06-15')).toEqual({ state: 'in-force', daysLeft: 77, approverLeft: '2026-06-15', inForce: false });
    expect(standing({}, '2026-06-15', '2026-07-01').inForce).toBe(true);
  });
});

describe('exceptions/unknown-target', () => {
  test('names an unknown rule, a rule no exception can accept, an unknown collection and an unknown entity', () => {
    const dir = contentWith({
      'exceptions/a.yaml': exception({ id: 'a', rule: 'evidence/fresh' }),
      'exceptions/b.yaml': exception({ id: 'b', rule: 'load/schema' }),
      'exceptions/c.yaml': exception({ id: 'c', subject: '{ collection: evidences, id: access-review }' }),
      'exceptions/d.yaml': exception({ id: 'd', subject: '{ collection: evidence, id: acess-review }' }),
      'exceptions/e.yaml': exception({ id: 'e', rule: 'soa/missing-entry', subject: '{ collection: soa, id: A.5.1 }' }),
      'exceptions/f.yaml': exception({ id: 'f', rule: 'settings/security-txt', subject: '{ collection: settings, id: settings }' }),
    });
    expect(text(reportsOf(exceptionsUnknownTarget, dir), dir)).toMatchInlineSnapshot(`
      "
      exceptions/a.yaml:2:1 error exceptions/unknown-target [exception a] exceptions:a#rule
        Exception a accepts failures of \`evidence/fresh\`, which is not a check Trustbook has.
        Hint: Copy the rule id from the diagnostic the exception accepts; \`npm run check -- --list-rules\` lists them all.
      exceptions/b.yaml:2:1 error exceptions/unknown-target [exception b] exceptions:b#rule
        Exception b accepts failures of \`load/schema\`, which no exception can accept: only the rules that judge the content of the ISMS can.
        Hint: Fix the file: problems found while reading, building or running stop Trustbook from judging the content at all.
      exceptions/c.yaml:3:12 error exceptions/unknown-target [exception c] exceptions:c#subject.collection
        Exception c covers an entity of \`evidences\`, which is not a collection an exception can cover.
        Hint: Write one of people, certifications, documents, soa, policies, evidence, controls, risks, subprocessors, answers, updates or settings, as the diagnostic's subject names it.
      exceptions/d.yaml:3:34 error exceptions/unknown-target [exception d] exceptions:d#subject.id
        Exception d covers evidence item \`acess-review\`, which does not exist.
        Hint: Fix the id, or delete the exception if the evidence item is gone — known ids: access-review.
      "
    `);
  });
});

describe('exceptions/expired and exceptions/expiring', () => {
  test('an expired exception is an error, one within 30 days of expiry a warning', () => {
    const dir = contentWith({
      'exceptions/a.yaml': exception({ id: 'a', expires: '2026-06-14' }),
      'exceptions/b.yaml': exception({ id: 'b', expires: '2026-06-15' }),
      'exceptions/c.yaml': exception({ id: 'c', expires: '2026-07-15' }),
      'exceptions/d.yaml': exception({ id: 'd', expires: '2026-07-16' }),
    });
    expect(text([...reportsOf(exceptionsExpired, dir), ...reportsOf(exceptionsExpiring, dir)], dir)).toMatchInlineSnapshot(`
      "
      exceptions/a.yaml:7:1 error exceptions/expired [exception a] exceptions:a#expires
        Exception a expired on 2026-06-14 (1 day ago): failures of evidence/freshness by evidence access-review are errors again.
        Hint: Close the gap and delete the exception; or, if it is still accepted, have it approved again with a new \`approved:\` and \`expires:\`.
      exceptions/b.yaml:7:1 warning exceptions/expiring [exception b] exceptions:b#expires
        Exception b expires on 2026-06-15, today: after that, failures of evidence/freshness by evidence access-review are errors again.
        Hint: Close the gap before then, or have the exception approved again with a new \`expires:\`.
      exceptions/c.yaml:7:1 warning exceptions/expiring [exception c] exceptions:c#expires
        Exception c expires on 2026-07-15, in 30 days: after that, failures of evidence/freshness by evidence access-review are errors again.
        Hint: Close the gap before then, or have the exception approved again with a new \`expires:\`.
      "
    `);
  });
});

describe('exceptions/approver-left', () => {
  test('an approver who left voids the exception; one about to leave is a warning', () => {
    const left = contentWith({ 'exceptions/a.yaml': exception({ id: 'a' }), 'people/people.yaml': leaver.replace('LEFT', '2026-05-31') });
    const leaving = contentWith({ 'exceptions/a.yaml': exception({ id: 'a' }), 'people/people.yaml': leaver.replace('LEFT', '2026-07-01') });
    expect(text([...reportsOf(exceptionsApproverLeft, left), ...reportsOf(exceptionsApproverLeft, leaving)])).toMatchInlineSnapshot(`
      "
      exceptions/a.yaml:5:1 error exceptions/approver-left [exception a] exceptions:a#approver
        Alan Turing (alan-turing) approved exception a but left on 2026-05-31, so it accepts nothing: what it covers is reported as before.
        Hint: Have someone who is here approve it again: replace \`approver:\` and update \`approved:\`.
      exceptions/a.yaml:5:1 warning exceptions/approver-left [exception a] exceptions:a#approver
        Alan Turing (alan-turing) approved exception a and leaves on 2026-07-01; from then it accepts nothing.
        Hint: Have someone who stays approve it again before 2026-07-01: replace \`alan-turing\` and update \`approved:\`.
      "
    `);
  });
  test('is not reported again by people/owner-has-left, and an unknown approver is refs/unresolved', () => {
    const left = contentWith({ 'exceptions/a.yaml': exception({ id: 'a' }), 'people/people.yaml': leaver.replace('LEFT', '2026-05-31') });
    expect(reportsOf(peopleOwnerHasLeft, left).filter((d) => d.subject?.collection === 'exceptions')).toEqual([]);
    const unknown = contentWith({ 'exceptions/a.yaml': exception({ id: 'a', approver: 'nobody' }) });
    expect(reportsOf(refsUnresolved, unknown).map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['exceptions/a.yaml:5 refs/unresolved']);
  });
});

test('every exception rule runs in the default set', () => {
  for (const rule of [exceptionsUnknownTarget, exceptionsExpired, exceptionsExpiring, exceptionsApproverLeft, evidenceFreshness]) expect(rules).toContain(rule);
});
