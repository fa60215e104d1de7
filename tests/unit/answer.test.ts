import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { answerCommand, withPhrasings } from '../../src/cli/answer.ts';
import { CONFIDENT, Matcher, type LibraryAnswer } from '../../src/questionnaire/match.ts';
import { canonical } from '../../src/questionnaire/thesaurus.ts';
import { loadContent } from '../../src/load/loader.ts';
import { exampleContent } from '../helpers/content.ts';

const answer = (id: string, question: string, text: string, references: LibraryAnswer['references'] = []): LibraryAnswer => ({
  id,
  question,
  text,
  topic: 'Security',
  phrasings: [],
  controls: [],
  controlTitles: [],
  references,
  public: true,
  url: `https://trust.example.com/answers/${id}/`,
});

const library = [
  answer('mfa', 'Is multi-factor authentication enforced for workforce access?', 'Yes. Every employee signs in with phishing-resistant MFA.', [{ questionnaire: 'caiq-v4', id: 'IAM-14' }]),
  answer('at-rest', 'Is customer data encrypted at rest?', 'Yes, with AES-256 and keys in AWS KMS.', [{ questionnaire: 'caiq-v4', id: 'CEK-03' }]),
  answer('pentest', 'Do you perform independent penetration tests?', 'Yes, a CREST-accredited firm tests the platform once a year.'),
  answer('backups', 'How are backups performed and tested?', 'Daily encrypted backups to a second region, restored every quarter.'),
];

describe('matching', () => {
  const matcher = new Matcher(library);
  test('the thesaurus reads the ways customers write one thing as one term', () => {
    expect(canonical('Do you require 2FA or two-factor authentication?').match(/\bmfa\b/g)).toHaveLength(2);
    expect(canonical('Annual pen-tests by a third party')).toContain('pentest');
  });
  test('a paraphrase finds its answer, confidently', () => {
    const m = matcher.match('Is 2FA mandatory for all staff logging in?');
    expect(m).toMatchObject({ matchedBy: 'text', answer: { id: 'mfa' } });
    expect(m.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(matcher.match('Are pen-tests carried out by an independent firm?').answer?.id).toBe('pentest');
  });
  test('a standard ID an answer references is matched exactly, whatever the words', () => {
    expect(matcher.match('Backups?', 'IAM-14')).toMatchObject({ matchedBy: 'reference', confidence: 1, answer: { id: 'mfa' } });
    expect(matcher.match('', 'cek 3')).toMatchObject({ matchedBy: 'reference', answer: { id: 'at-rest' } });
    // An ID no answer references is no match by reference.
    expect(matcher.match('Is customer data encrypted at rest?', 'CEK-99')).toMatchObject({ matchedBy: 'text', answer: { id: 'at-rest' } });
  });
  test('a question the library does not treat is left blank', () => {
    expect(matcher.match('Does your office have a cafeteria with vegetarian food?')).toMatchObject({ matchedBy: 'none', answer: null });
    expect(matcher.match('What is the annual revenue of your company?').answer).toBeNull();
  });
});

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } } as const;

/** A customer's workbook: a cover sheet, a merged title, a styled header, a section row and questions. */
async function customerWorkbook(dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Cover').getCell('A1').value = 'Acme Bank vendor security assessment — confidential';
  const sheet = workbook.addWorksheet('Security');
  sheet.addRow(['Acme Bank — Vendor Security Questionnaire']);
  sheet.mergeCells('A1:D1');
  const header = sheet.addRow(['Ref', 'Control question', 'Vendor response', 'Acme notes']);
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  });
  sheet.getColumn(2).width = 70;
  sheet.addRow(['', 'Identity and access']);
  sheet.addRow(['1.1', 'Do you enforce two-factor authentication for all employees?', '', 'must be yes']);
  sheet.addRow(['IAM-14', 'Multi-factor authentication', '', '']);
  sheet.addRow(['1.2', 'Is customer data encrypted at rest? Which algorithm?', '', '']);
  sheet.addRow(['1.3', 'Does your cafeteria serve vegetarian food?', '', '']);
  sheet.addRow(['1.4', 'Do you have a formal incident response plan that is tested?', '', '']);
  const file = path.join(dir, 'Acme questionnaire.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('adding phrasings to an answers file', () => {
  test('to a block list, a flow list, a single answer and an answer without any, keeping the rest byte for byte', () => {
    const text = [
      '# Answers.',
      '- id: a',
      '  question: Q?',
      '  answer: >-',
      '    Folded',
      '    text.',
      '  topic: T',
      '  phrasings:',
      '    - Old one',
      '',
      '- id: b # no list yet',
      '  question: R?',
      '  answer: Yes.',
      '  topic: T',
      '  phrasings: []',
      '',
      '- id: c',
      '  question: S?',
      '  answer: "Quoted: yes."',
      '  topic: T',
      '',
    ].join('\n');
    const out = withPhrasings(text, new Map([['a', ['New: one', 'Two "quoted"']], ['b', ['Three']], ['c', ['Four?']]]));
    expect(out).toBe(
      text
        .replace('    - Old one\n', '    - Old one\n    - "New: one"\n    - "Two \\"quoted\\""\n')
        .replace('  phrasings: []', '  phrasings: ["Three"]')
        .replace('  topic: T\n', '  topic: T\n')
        .replace(/( {2}answer: "Quoted: yes\."\n {2}topic: T)\n$/, '$1\n  phrasings:\n    - "Four?"\n'),
    );
    const single = 'id: only\nquestion: Q?\nanswer: A.\ntopic: T\n';
    expect(withPhrasings(single, new Map([['only', ['Other?']]]))).toBe(`${single}phrasings:\n  - "Other?"\n`);
  });
});

describe('trustbook answer', () => {
  test('writes a copy with the answers and its columns, keeping the customer\'s sheets and formatting', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook answer '));
    const input = await customerWorkbook(dir);
    const before = hash(input);
    const output = path.join(dir, 'answered.xlsx');
    expect(await answerCommand([input, '--content', exampleContent, '--out', output]), err).toBe(0);
    expect(hash(input)).toBe(before);
    expect(out).toMatch(/Acme questionnaire\.xlsx, sheet "Security": 5 questions from row 3\./);
    expect(out).toContain('1 answered by reference, 3 answered confidently, 0 need review, 1 unanswered.');
    expect(out).toMatch(/Unanswered \(left blank\):\n {2}row 7 {2}Does your cafeteria serve vegetarian food\?/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Cover', 'Security']);
    expect(workbook.getWorksheet('Cover')!.getCell('A1').value).toBe('Acme Bank vendor security assessment — confidential');
    const sheet = workbook.getWorksheet('Security')!;
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getColumn(2).width).toBe(70);
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual(['Ref', 'Control question', 'Vendor response', 'Acme notes', 'Trustbook answer', 'Trustbook link', 'Trustbook controls', 'Trustbook confidence', 'Trustbook matched by', 'Trustbook review']);
    // The added headers look like the customer's.
    expect(sheet.getCell('E2').fill).toEqual(HEADER_FILL);
    expect(sheet.getCell('D4').value).toBe('must be yes');
    const row = (n: number) => ({ answer: String(sheet.getCell(`C${n}`).value ?? ''), id: sheet.getCell(`E${n}`).value, link: sheet.getCell(`F${n}`).value, by: sheet.getCell(`I${n}`).value, review: sheet.getCell(`J${n}`).value });
    expect(row(4)).toMatchObject({ id: 'access-mfa-workforce', by: 'text', link: { text: 'https://trust.larkspur.example/answers/access-mfa-workforce/', hyperlink: 'https://trust.larkspur.example/answers/access-mfa-workforce/' } });
    expect(row(4).answer).toMatch(/^Yes\. Every employee and contractor signs in through Okta/);
    expect(row(5)).toMatchObject({ id: 'access-mfa-workforce', by: 'reference' });
    expect(row(6).id).toBe('encryption-at-rest');
    expect(row(7)).toMatchObject({ answer: '', id: null, by: 'none', review: 'unanswered: no answer in the library matches' });
    expect(row(8).id).toBe('incident-response-plan');
    // The section row is not a question.
    expect(sheet.getCell('I3').value).toBeNull();
  });

  test('--format json prints the rows and the summary with the documented fields', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook answer '));
    const input = path.join(dir, 'q.csv');
    writeFileSync(input, 'Question,Answer,ID\nIs customer data encrypted at rest?,,\nMFA,,IAM-14\nWhat is your favourite colour?,,\n');
    expect(await answerCommand([input, '--content', exampleContent, '--out', path.join(dir, 'a.csv'), '--format', 'json'])).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['rows', 'summary']);
    expect(report.summary).toEqual({ questions: 3, byReference: 1, confident: 1, needsReview: 0, unanswered: 1 });
    expect(Object.keys(report.rows[0])).toEqual(['row', 'ref', 'question', 'answer', 'confidence', 'matchedBy', 'alternatives']);
    expect(report.rows[0]).toMatchObject({ row: 2, ref: null, answer: { id: 'encryption-at-rest', url: 'https://trust.larkspur.example/answers/encryption-at-rest/', public: true }, matchedBy: 'text' });
    expect(report.rows[1]).toMatchObject({ row: 3, ref: 'IAM-14', confidence: 1, matchedBy: 'reference' });
    expect(report.rows[2]).toMatchObject({ answer: null, matchedBy: 'none' });
    const written = readFileSync(path.join(dir, 'a.csv'), 'utf8');
    expect(written.split('\n')[0]).toBe('Question,Answer,ID,Trustbook answer,Trustbook link,Trustbook controls,Trustbook confidence,Trustbook matched by,Trustbook review');
  });

  test('a sheet with Description and Comments columns gets its answers in Comments', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook answer '));
    const input = path.join(dir, 'q.csv');
    writeFileSync(input, 'No.,Description,Comments\n1,Is customer data encrypted at rest?,\n');
    expect(await answerCommand([input, '--content', exampleContent, '--out', path.join(dir, 'a.csv')])).toBe(0);
    const [header, row] = readFileSync(path.join(dir, 'a.csv'), 'utf8').split('\n');
    expect(header).toBe('No.,Description,Comments,Trustbook answer,Trustbook link,Trustbook controls,Trustbook confidence,Trustbook matched by,Trustbook review');
    expect(row).toMatch(/^1,Is customer data encrypted at rest\?,"?Yes\. All customer data is encrypted at rest/);
  });

  test('--learn adds the wordings a reviewer accepted to the answers, keeping the file\'s comments', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'trustbook learn '));
    cpSync(exampleContent, content, { recursive: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook answer '));
    const input = path.join(dir, 'q.csv');
    writeFileSync(input, 'Question,Answer\nDo you enforce two-factor authentication for all employees?,\nIs there a cafeteria?,\nHow long do you keep our logs after we leave?,\nDo engineers have standing admin rights in production?,\n');
    const filled = path.join(dir, 'filled.csv');
    expect(await answerCommand([input, '--content', content, '--out', filled])).toBe(0);
    // The reviewer accepts row 2, answers row 4 by hand with the right answer, leaves row 3 blank, and has not yet
    // looked at row 5 (still marked for review).
    expect(readFileSync(filled, 'utf8')).toMatch(/^Do engineers have standing admin rights in production\?,.*needs review: low confidence/m);
    const reviewed = readFileSync(filled, 'utf8').replace(/^(How long do you keep our logs after we leave\?,"?)[^\n]*$/m, 'How long do you keep our logs after we leave?,See our log retention answer.,logging-what-is-logged,,,,,');
    writeFileSync(filled, reviewed);
    out = '';
    expect(await answerCommand(['--learn', filled, '--content', content]), err).toBe(0);
    expect(out).toContain('access-mfa-workforce: "Do you enforce two-factor authentication for all employees?"');
    expect(out).toContain('logging-what-is-logged: "How long do you keep our logs after we leave?"');
    expect(out).toContain('Added 2 phrasings to 2 answers in answers/access-control.yaml, answers/logging-and-monitoring.yaml.');
    expect(out).toContain('1 row still marked "needs review" was not learnt');
    expect(out).not.toContain('standing admin rights');
    const yaml = readFileSync(path.join(content, 'answers/access-control.yaml'), 'utf8');
    expect(yaml).toContain('# Questionnaire answers on access control.');
    expect(yaml).toMatch(/ {2}visibility: public\n {2}phrasings:\n {4}- "Do you enforce two-factor authentication for all employees\?"\n/);
    // Only lines were added: every line of the file as it was is still there, in order.
    const original = readFileSync(path.join(exampleContent, 'answers/access-control.yaml'), 'utf8').split('\n');
    const now = yaml.split('\n');
    let at = 0;
    for (const line of now) if (line === original[at]) at++;
    expect(at).toBe(original.length);
    expect(now.length - original.length).toBe(2);
    const loaded = loadContent(content);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.entries.answers.find((a) => a.id === 'access-mfa-workforce')!.data.phrasings).toEqual(['Do you enforce two-factor authentication for all employees?']);
    // A second time, nothing is new.
    out = '';
    expect(await answerCommand(['--learn', filled, '--content', content])).toBe(0);
    expect(out).toContain('Added 0 phrasings to 0 answers.');
  });

  test('the customer\'s own text is never overwritten: a filled answer cell, a merged one, the CSV as written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook answer '));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Q');
    sheet.addRow(['Question', 'Response']);
    sheet.addRow(['Is customer data encrypted at rest?', 'Yes, see our whitepaper (answered by the customer team).']);
    sheet.addRow(['Do you have an incident response plan?', '']);
    sheet.mergeCells('A3:B3');
    sheet.addRow(['Do you perform penetration tests?', '']);
    const input = path.join(dir, 'q.xlsx');
    await workbook.xlsx.writeFile(input);
    expect(await answerCommand([input, '--content', exampleContent, '--out', path.join(dir, 'a.xlsx')])).toBe(0);
    expect(out).toMatch(/Answer cell left as it was .*\n {2}row 2, row 3\n/);
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(path.join(dir, 'a.xlsx'));
    const q = read.getWorksheet('Q')!;
    expect(q.getCell('B2').value).toBe('Yes, see our whitepaper (answered by the customer team).');
    expect(q.getCell('A3').value).toBe('Do you have an incident response plan?');
    expect(q.getCell('C3').value).toBe('incident-response-plan');
    expect(String(q.getCell('H3').value)).toContain('answer not written: the answer cell is merged with another cell');
    expect(String(q.getCell('B4').value)).toMatch(/CREST/);

    const csv = path.join(dir, 'semi.csv');
    writeFileSync(csv, 'Question;Response;Notes\nIs customer data encrypted at rest?;;-1 means no\n  What is your RTO?  ;;\n');
    expect(await answerCommand([csv, '--content', exampleContent, '--out', path.join(dir, 'semi-out.csv')])).toBe(0);
    const lines = readFileSync(path.join(dir, 'semi-out.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe('Question;Response;Notes;Trustbook answer;Trustbook link;Trustbook controls;Trustbook confidence;Trustbook matched by;Trustbook review');
    expect(lines[1]).toMatch(/^Is customer data encrypted at rest\?;Yes\. All customer data.*;-1 means no;encryption-at-rest;/);
    expect(lines[2]).toMatch(/^ {2}What is your RTO\? {2};/);
  });

  test('an internal answer matched by reference is marked for a check before sharing; two answers with one id stop the command', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'trustbook answer content '));
    cpSync(exampleContent, content, { recursive: true });
    const file = path.join(content, 'answers/access-control.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(id: access-mfa-workforce[\s\S]*?visibility: )public/, '$1internal'));
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook answer '));
    writeFileSync(path.join(dir, 'q.csv'), 'ID,Question,Answer\nIAM-14,MFA,\n');
    expect(await answerCommand([path.join(dir, 'q.csv'), '--content', content, '--out', path.join(dir, 'a.csv')]), err).toBe(0);
    expect(readFileSync(path.join(dir, 'a.csv'), 'utf8')).toContain('access-mfa-workforce,internal — not for sharing as a link,"A.5.16, A.5.17, A.8.5",1,reference,internal answer: check before sharing');
    writeFileSync(path.join(content, 'answers/copy.yaml'), '- id: access-reviews\n  question: Copy?\n  answer: Copy.\n  topic: Access control\n');
    err = '';
    expect(await answerCommand([path.join(dir, 'q.csv'), '--content', content, '--out', path.join(dir, 'a.csv')])).toBe(1);
    expect(err).toMatch(/answers\/copy\.yaml:1: the answer id "access-reviews" is used already at .*answers\/access-control\.yaml:\d+/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  test('--learn reads a question typed over several lines as one line', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'trustbook learn '));
    cpSync(exampleContent, content, { recursive: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook answer '));
    writeFileSync(path.join(dir, 'q.csv'), 'Question,Answer\n"Do you enforce\ntwo-factor\tauthentication for employees?",\n');
    expect(await answerCommand([path.join(dir, 'q.csv'), '--content', content, '--out', path.join(dir, 'a.csv')])).toBe(0);
    expect(await answerCommand(['--learn', path.join(dir, 'a.csv'), '--content', content])).toBe(0);
    expect(loadContent(content).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loadContent(content).entries.answers.find((a) => a.id === 'access-mfa-workforce')!.data.phrasings).toEqual(['Do you enforce two-factor authentication for employees?']);
  });

  test('bad input: a clear message, and the questionnaire is never changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook answer '));
    const input = await customerWorkbook(dir);
    const before = hash(input);
    expect(await answerCommand([input, '--content', exampleContent])).toBe(2);
    expect(err).toContain('Name where to write the filled copy with --out');
    expect(await answerCommand([input, '--content', exampleContent, '--out', input])).toBe(2);
    expect(err).toContain('--out names the questionnaire itself');
    expect(await answerCommand([input, '--content', exampleContent, '--out', path.join(dir, 'a.csv')])).toBe(2);
    err = '';
    expect(await answerCommand([input, '--content', exampleContent, '--out', path.join(dir, 'a.xlsx'), '--sheet', 'Privacy'])).toBe(1);
    expect(err).toMatch(/Acme questionnaire\.xlsx has no sheet "Privacy"\.\nHint: Its sheets: "Cover", "Security"\./);
    err = '';
    expect(await answerCommand([input, '--content', exampleContent, '--out', path.join(dir, 'a.xlsx'), '--sheet', 'Cover'])).toBe(1);
    expect(err).toMatch(/No question column found in the first 50 rows of .*, sheet "Cover"\.\nHint: Name it with --question-column/);
    const locked = path.join(dir, 'locked.xlsx');
    writeFileSync(locked, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    err = '';
    expect(await answerCommand([locked, '--content', exampleContent, '--out', path.join(dir, 'a.xlsx')])).toBe(1);
    expect(err).toMatch(/locked\.xlsx is an old Excel 97–2003 workbook \(\.xls\) or protected with a password/);
    expect(err).not.toMatch(/\n\s+at /);
    err = '';
    expect(await answerCommand([input, '--content', exampleContent, '--out', path.join(dir, 'no such folder', 'a.xlsx')])).toBe(2);
    expect(err).toMatch(/--out: the folder .*no such folder does not exist/);
    expect(hash(input)).toBe(before);
  });
});
