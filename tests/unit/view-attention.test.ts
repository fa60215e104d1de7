/** A diagnostic links to the page of what it is about: by its subject, else by its file; never by the words of `entity`. */
import { describe, expect, test } from 'vitest';
import { attention, entityLocator, subjectLink } from '../../src/view/attention.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { fixture, modelOf } from '../helpers/content.ts';
import { contentPath } from '../../src/load/paths.ts';

const model = modelOf(fixture('valid-minimal'));
/** Diagnostics reach the handbook with files named relative to the content folder. */
const fileOf = (collection: keyof typeof model.index, id: string) => contentPath(model.root, model.index[collection].get(id)!.absPath);
const diagnostic = (fields: Partial<Diagnostic>): Diagnostic => ({ rule: 'evidence/freshness', severity: 'warning', file: 'nowhere.yaml', line: 1, column: 1, entity: null, message: 'm', hint: 'h', subject: null, ...fields });
const about = (d: Diagnostic) => attention(model, [d]).items[0]!.about;

describe('by subject', () => {
  test.each([
    [{ collection: 'soa', id: 'A.8.24' }, { href: '/controls/a-8-24/', label: 'A.8.24 Use of cryptography' }],
    [{ collection: 'soa', id: 'A.99.1' }, { href: '/soa/', label: 'Statement of Applicability' }],
    [{ collection: 'evidence', id: 'access-review' }, { href: '/evidence/#access-review', label: 'Quarterly access review' }],
    [{ collection: 'policies', id: 'information-security' }, { href: '/policies/information-security/', label: 'Information Security Policy' }],
    [{ collection: 'certifications', id: 'iso27001', field: 'surveillanceAudits.1.planned' }, { href: '#certification', label: 'ISO/IEC 27001:2022' }],
    [{ collection: 'documents', id: 'dpa' }, { href: '/documents/#dpa', label: 'Document dpa' }],
    [{ collection: 'risks', id: 'r-1' }, { href: '/risks/#r-1', label: 'Account takeover' }],
    [{ collection: 'people', id: 'ada-lovelace' }, { href: '/people/ada-lovelace/', label: 'Ada Lovelace' }],
    [{ collection: 'controls', id: 'IAM-01' }, { href: '/controls/a-5-15/', label: 'IAM-01 (A.5.15)' }],
    [{ collection: 'answers', id: 'do-you-have-a-security-policy' }, { href: '/controls/a-5-1/', label: 'Answer do-you-have-a-security-policy (A.5.1)' }],
  ])('%o', (subject, link) => {
    expect(subjectLink(model, subject)).toEqual(link);
  });

  test('subjects without a handbook page get no link', () => {
    expect(subjectLink(model, { collection: 'subprocessors', id: 'cloud' })).toBeUndefined();
    expect(subjectLink(model, { collection: 'settings', id: 'settings', field: 'contact.email' })).toBeUndefined();
  });

  test('the subject decides, whatever `entity` and `file` say', () => {
    const d = diagnostic({ subject: { collection: 'people', id: 'alan-turing' }, entity: 'policy information-security', file: fileOf('evidence', 'access-review') });
    expect(about(d)).toEqual({ href: '/people/alan-turing/', label: 'Alan Turing' });
  });
});

describe('without a subject', () => {
  test('the entity its file holds', () => {
    expect(about(diagnostic({ file: fileOf('risks', 'r-1'), subject: null }))).toEqual({ href: '/risks/#r-1', label: 'Account takeover' });
    expect(about(diagnostic({ file: fileOf('policies', 'information-security') }))).toMatchObject({ href: '/policies/information-security/' });
  });

  test('in a file of several entities, the one that starts at or before the line', () => {
    const people = [...model.index.people.values()];
    expect(new Set(people.map((p) => p.file)).size).toBe(1);
    const locate = entityLocator(model);
    const second = people[1]!;
    const file = fileOf('people', second.id);
    expect(locate({ file, line: second.position.line + 1 })).toEqual({ collection: 'people', id: second.id });
    expect(locate({ file, line: second.position.line - 1 })).toEqual({ collection: 'people', id: people[0]!.id });
    expect(locate({ file, line: null })).toBeUndefined();
  });

  test('`entity` alone is never read', () => {
    expect(about(diagnostic({ entity: 'A.8.24' }))).toBeUndefined();
    expect(about(diagnostic({ entity: 'policy information-security' }))).toBeUndefined();
  });
});

test('each item carries what the dashboard prints', () => {
  const [item] = attention(model, [diagnostic({ severity: 'error', rule: 'soa/owner-required', file: 'content/soa/A.8.24.yaml', line: 3, message: 'No owner.', hint: 'Add `owners: [ben-li]`.', subject: { collection: 'soa', id: 'A.8.24' } })]).items;
  expect(item).toEqual({
    severity: 'error',
    severityLabel: 'Error',
    tone: 'bad',
    rule: 'soa/owner-required',
    message: 'No owner.',
    hint: 'Add `owners: [ben-li]`.',
    messageParts: [{ text: 'No owner.' }],
    hintParts: [{ text: 'Add ' }, { text: 'owners: [ben-li]', code: true }, { text: '.' }],
    location: 'content/soa/A.8.24.yaml:3',
    about: { href: '/controls/a-8-24/', label: 'A.8.24 Use of cryptography' },
  });
  expect(attention(model, [diagnostic({ line: null })]).items[0]!.location).toBe('nowhere.yaml');
});
