/**
 * The published trust.json and the check that what it listed is still served: the parser (good,
 * old and bad files), then `published/removed` on valid-minimal with one change planted at a time.
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_PUBLISHED_BYTES, readPublished, type PublishedEntity, type PublishedList } from '../../src/load/published.ts';
import { publishedRemoved } from '../../src/checks/rules/published-removed.ts';
import type { RuleContext } from '../../src/checks/rule.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { view } from '../../src/view/view.ts';
import { trustJson } from '../../src/render/trust-json.ts';
import { contentWith, fixture, modelOf } from '../helpers/content.ts';

const published = fixture('published');
const trustFile = path.join(published, 'trust.json');
const shownTrustFile = 'tests/fixtures/published/trust.json';

/** A file with `text` in a fresh folder whose name has a space in it. */
function fileWith(text: string | Buffer, name = 'trust.json'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustbook published '));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The diagnostic of a failed read, with the file shown relative to its folder. */
function problemOf(file: string) {
  const result = readPublished(file);
  if (result.ok) throw new Error(`${file} was read`);
  return { missing: result.missing, ...result.diagnostic, file: path.basename(result.diagnostic.file) };
}

const minimalTrustJson = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ controls: [], subprocessors: [], certifications: [], ...extra });

describe('reading a published trust.json', () => {
  test('lists every address it promised, origin stripped, each with its id and kind', () => {
    const result = readPublished(trustFile);
    expect(result).toEqual({
      ok: true,
      file: shownTrustFile,
      published: [
        { kind: 'control', id: 'A.5.1', path: '/controls/a-5-1/', url: 'https://trust.minimal.example/controls/a-5-1/' },
        { kind: 'control', id: 'A.8.24', path: '/controls/a-8-24/', url: 'https://trust.minimal.example/controls/a-8-24/' },
        { kind: 'policy', id: 'information-security', path: '/policies/information-security/', url: 'https://trust.minimal.example/policies/information-security/' },
        { kind: 'answer', id: 'do-you-have-a-security-policy', path: '/answers/do-you-have-a-security-policy/', url: 'https://trust.minimal.example/answers/do-you-have-a-security-policy/' },
        { kind: 'subprocessor', id: 'cloud', path: '/subprocessors/#cloud', url: 'https://trust.minimal.example/subprocessors/#cloud' },
      ],
    });
  });

  test('reads the trust.json the trust center publishes, with all 93 controls', () => {
    const model = modelOf(fixture('valid-minimal'));
    const result = readPublished(fileWith(JSON.stringify(trustJson(view(model, 'public'), '2026-06-15'))));
    if (!result.ok) throw new Error(result.diagnostic.message);
    const controls = result.published.filter((p) => p.kind === 'control');
    expect(controls).toHaveLength(93);
    expect(controls[0]).toEqual({ kind: 'control', id: 'A.5.1', path: '/controls/a-5-1/', url: 'https://trust.minimal.example/controls/a-5-1/' });
  });

  test('normalises paths: a page ends with /, a file keeps its name, repeated slashes collapse, an anchor stays', () => {
    const file = fileWith(
      minimalTrustJson({
        policies: [
          { id: 'access-control', url: 'https://trust.example.com/policies/access-control' },
          { id: 'cryptography', url: 'https://old-host.example//policies//cryptography/?from=mail' },
        ],
        subprocessors: [{ name: 'No id: not listed' }, { id: 'cloud', url: 'https://trust.example.com/subprocessors/#cloud' }],
        certifications: [{ id: 'iso27001', certificateUrl: 'https://trust.example.com/certificates/iso27001.pdf' }],
      }),
    );
    const result = readPublished(file);
    expect(result.ok && result.published.map((p) => `${p.kind} ${p.id} ${p.path}`)).toEqual([
      'policy access-control /policies/access-control/',
      'policy cryptography /policies/cryptography/',
      'subprocessor cloud /subprocessors/#cloud',
      'certification iso27001 /certificates/iso27001.pdf',
    ]);
  });

  test('lists an address once even when the file repeats it', () => {
    const page = { id: 'access-control', url: 'https://trust.example.com/policies/access-control/' };
    const result = readPublished(fileWith(minimalTrustJson({ policies: [page, page] })));
    expect(result.ok && result.published).toHaveLength(1);
  });

  test('a file that does not exist is missing, so a default location can be passed over', () => {
    const file = path.join(path.dirname(fileWith('{}')), 'nowhere.json');
    expect(problemOf(file)).toMatchObject({
      missing: true,
      rule: 'published/unreadable',
      severity: 'error',
      file: 'nowhere.json',
      line: null,
      entity: null,
      subject: null,
    });
    expect(problemOf(file).message).toMatch(/^The published trust\.json .*nowhere\.json does not exist\.$/);
    expect(problemOf(file).hint).toContain('curl -fsSL https://<trust center>/trust.json -o trust.json');
  });

  test('a folder is not a trust.json', () => {
    const dir = path.join(path.dirname(fileWith('{}')), 'trust.json folder');
    mkdirSync(dir);
    expect(problemOf(dir)).toMatchObject({ missing: false, rule: 'published/unreadable' });
    expect(problemOf(dir).message).toMatch(/is a folder, not a file\.$/);
  });

  test('a huge file is refused before it is read', () => {
    const file = fileWith('');
    truncateSync(file, MAX_PUBLISHED_BYTES + 1);
    const problem = problemOf(file);
    expect(problem).toMatchObject({ missing: false, rule: 'published/unreadable', line: null });
    expect(problem.message).toMatch(/is 8\.0 MiB, more than the 8\.0 MiB allowed\.$/);
    expect(problem.hint).toMatch(/^A trust\.json is a few hundred kilobytes at most/);
  });

  test('an HTML page saved by a failed download is not JSON, and the message does not quote it', () => {
    const problem = problemOf(fileWith('\n  <html><body>Not found: <script>x</script></body></html>'));
    expect(problem).toMatchObject({ missing: false, rule: 'published/invalid', line: 2, column: 3 });
    expect(problem.message).toMatch(/ is not a JSON object: it starts with `<`, like an HTML page\.$/);
    expect(problem.message).not.toContain('script');
    expect(problem.hint).toContain('A download that failed may have saved an error page instead.');
  });

  test('broken JSON is pointed at where the parser stopped', () => {
    expect(problemOf(fileWith('{\n  "controls": [],\n}\n'))).toMatchObject({ rule: 'published/invalid', line: 3, column: 1 });
    expect(problemOf(fileWith('{\n  "controls": [],\n}\n')).message).toMatch(/ is not valid JSON\.$/);
    expect(problemOf(fileWith('{ "controls": [')).message).toMatch(/ is not valid JSON: it ends before the document is complete\.$/);
    expect(problemOf(fileWith('  \n')).message).toMatch(/ is empty\.$/);
  });

  test('a file that is not UTF-8 is not a trust.json', () => {
    expect(problemOf(fileWith(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).message).toMatch(/ is not UTF-8 text, so it is not a trust\.json\.$/);
  });

  test('a byte order mark is allowed', () => {
    expect(readPublished(fileWith(`\uFEFF${minimalTrustJson()}`))).toMatchObject({ ok: true, published: [] });
  });

  test('JSON of the wrong shape names the fields that are wrong', () => {
    const problem = problemOf(fileWith(JSON.stringify({ name: 'package.json', controls: 'all of them' })));
    expect(problem).toMatchObject({ missing: false, rule: 'published/invalid', line: null });
    expect(problem.message).toBe(
      `The file given as the published trust.json is not a trust.json Trustbook can read: \`controls\`: Invalid input: expected array, received string; \`subprocessors\`: Invalid input: expected array, received undefined; \`certifications\`: Invalid input: expected array, received undefined.`,
    );
  });

  test('ids and addresses are checked: a listed page needs an id and an https address', () => {
    const problem = problemOf(
      fileWith(
        minimalTrustJson({
          policies: [{ id: 'Access Control', url: 'https://trust.example.com/policies/access-control/' }],
          answers: [{ id: 'mfa', url: 'javascript:alert(1)' }],
        }),
      ),
    );
    expect(problem.message).toContain('`policies.0.id`: Use lower-case letters, digits and dashes only (for example `access-control`)');
    expect(problem.message).toContain('`answers.0.url`: Expected an absolute https:// address');
  });

  test('a trust.json without policies and answers (as published before they were listed) is read', () => {
    expect(readPublished(fileWith(minimalTrustJson()))).toMatchObject({ ok: true, published: [] });
  });
});

// ---------------------------------------------------------------------------

/** What `published/removed` reports on a content folder against a published list, files relative to the folder. */
function removed(dir: string, list: PublishedList | PublishedEntity[]) {
  const context: RuleContext & { published: PublishedList } = {
    model: modelOf(dir),
    today: '2026-06-15',
    report: (d) => found.push(d),
    notChecked: () => {},
    published: Array.isArray(list) ? { file: shownTrustFile, published: list } : list,
  };
  const found: Diagnostic[] = [];
  publishedRemoved.check(context);
  return found.map((d) => ({ ...d, file: path.relative(dir, path.resolve(d.file)) }));
}

const brief = (found: ReturnType<typeof removed>) => found.map((d) => `${d.severity} ${d.file}:${d.line} ${d.entity} — ${d.message}`);

const lastPublished = (): PublishedList => {
  const result = readPublished(trustFile);
  if (!result.ok) throw new Error(result.diagnostic.message);
  return result;
};

const minimalPolicy = readFileSync(path.join(fixture('valid-minimal'), 'policies', 'information-security.mdx'), 'utf8');
const minimalAnswers = readFileSync(path.join(fixture('valid-minimal'), 'answers', 'general.yaml'), 'utf8');
/** valid-minimal's policy with its front matter changed. */
const policy = (change: (text: string) => string) => change(minimalPolicy);

const entity = (kind: PublishedEntity['kind'], id: string, path: string): PublishedEntity => ({ kind, id, path, url: `https://trust.minimal.example${path}` });

describe('published/removed', () => {
  test('an unchanged site serves everything it published', () => {
    expect(removed(fixture('valid-minimal'), lastPublished())).toEqual([]);
  });

  test('without a published list there is nothing to compare', () => {
    const found: Diagnostic[] = [];
    publishedRemoved.check({ model: modelOf(fixture('valid-minimal')), today: '2026-06-15', report: (d) => found.push(d), notChecked: () => {} });
    expect(found).toEqual([]);
  });

  test('a public policy made internal is reported at its visibility, with the entity as subject', () => {
    const dir = contentWith({ 'policies/information-security.mdx': policy((t) => t.replace('visibility: public', 'visibility: internal')) });
    const [d, ...rest] = removed(dir, lastPublished());
    expect(rest).toEqual([]);
    expect(d).toEqual({
      rule: 'published/removed',
      severity: 'error',
      file: 'policies/information-security.mdx',
      line: 11,
      column: 1,
      entity: 'policy information-security',
      message: `Policy \`information-security\` was public in the last published trust center (${shownTrustFile}) and is now internal: links to https://trust.minimal.example/policies/information-security/ in customers' security questionnaires will break.`,
      hint: "Make it public again (`visibility: public`), or, if another public policy now covers it, add `information-security` to that one's `aliases` so that the old address redirects there. If the removal is intended, build once with `--published` naming a trust.json that no longer lists it (docs/published-links.md).",
      subject: { collection: 'policies', id: 'information-security', field: 'visibility' },
    });
  });

  test('a policy made internal by dropping `visibility` is reported at the start of its front matter', () => {
    const dir = contentWith({ 'policies/information-security.mdx': policy((t) => t.replace('visibility: public\n', '')) });
    expect(brief(removed(dir, lastPublished()))).toEqual([
      `error policies/information-security.mdx:2 policy information-security — Policy \`information-security\` was public in the last published trust center (${shownTrustFile}) and is now internal: links to https://trust.minimal.example/policies/information-security/ in customers' security questionnaires will break.`,
    ]);
  });

  test('a removed policy is reported at the settings file, without a line or a subject', () => {
    const dir = contentWith({ 'policies/information-security.mdx': null });
    const [d, ...rest] = removed(dir, lastPublished());
    expect(rest).toEqual([]);
    expect(d).toEqual({
      rule: 'published/removed',
      severity: 'error',
      file: 'settings.yaml',
      line: null,
      column: null,
      entity: 'policy information-security',
      message: `Policy \`information-security\` was public in the last published trust center (${shownTrustFile}) and no longer exists: links to https://trust.minimal.example/policies/information-security/ in customers' security questionnaires will break.`,
      hint: 'If it was renamed, add `information-security` to the `aliases` of the policy it became, so that the old address redirects there; otherwise restore it. If the removal is intended, build once with `--published` naming a trust.json that no longer lists it (docs/published-links.md).',
      subject: null,
    });
  });

  test('a renamed policy that lists its old id in `aliases` keeps the old address working', () => {
    const dir = contentWith({
      'policies/information-security.mdx': null,
      'policies/security.mdx': policy((t) => t.replace('id: information-security', 'id: security').replace('visibility: public', 'aliases: [information-security]\nvisibility: public')),
    });
    expect(removed(dir, lastPublished())).toEqual([]);
  });

  test('a renamed policy without the alias breaks the old address', () => {
    const dir = contentWith({
      'policies/information-security.mdx': null,
      'policies/security.mdx': policy((t) => t.replace('id: information-security', 'id: security')),
    });
    expect(brief(removed(dir, lastPublished()))).toEqual([
      `error settings.yaml:null policy information-security — Policy \`information-security\` was public in the last published trust center (${shownTrustFile}) and no longer exists: links to https://trust.minimal.example/policies/information-security/ in customers' security questionnaires will break.`,
    ]);
  });

  test('an alias on an internal policy does not count: internal policies have no redirects', () => {
    const dir = contentWith({
      'policies/information-security.mdx': null,
      'policies/security.mdx': policy((t) => t.replace('id: information-security', 'id: security').replace('visibility: public', 'aliases: [information-security]\nvisibility: internal')),
    });
    expect(removed(dir, lastPublished()).map((d) => d.entity)).toEqual(['policy information-security']);
  });

  test('a policy that fails validation is not reported again; the hint says when one might hold the alias', () => {
    const broken = policy((t) => t.replace('version: "1.0"\n', ''));
    expect(removed(contentWith({ 'policies/information-security.mdx': broken }), lastPublished())).toEqual([]);
    const dir = contentWith({ 'policies/information-security.mdx': null, 'policies/security.mdx': broken.replace('id: information-security', 'id: security') });
    expect(removed(dir, lastPublished())[0]!.hint).toContain('One policy fails validation and is not counted here: fix it first if it lists the old id.');
  });

  test('a public answer made internal is reported at its visibility', () => {
    const dir = contentWith({ 'answers/general.yaml': minimalAnswers.replace('visibility: public', 'visibility: internal') });
    const [d, ...rest] = removed(dir, lastPublished());
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ file: 'answers/general.yaml', line: 7, column: 3, entity: 'answer do-you-have-a-security-policy', subject: { collection: 'answers', id: 'do-you-have-a-security-policy', field: 'visibility' } });
    expect(d!.message).toBe(
      `Questionnaire answer \`do-you-have-a-security-policy\` was public in the last published trust center (${shownTrustFile}) and is now internal: links to https://trust.minimal.example/answers/do-you-have-a-security-policy/ in customers' security questionnaires will break.`,
    );
  });

  test('a renamed answer with its old id in `aliases` keeps the old address working', () => {
    const dir = contentWith({ 'answers/general.yaml': minimalAnswers.replace('id: do-you-have-a-security-policy', 'id: security-policy\n  aliases: [do-you-have-a-security-policy]') });
    expect(removed(dir, lastPublished())).toEqual([]);
  });

  test('controls are always served: every 2022 control has a page and every 2013 ID redirects', () => {
    const dir = contentWith({ 'soa/controls.yaml': '[]\n' });
    expect(removed(dir, [entity('control', 'A.8.24', '/controls/a-8-24/'), entity('control', 'A.12.6.1', '/controls/a-12-6-1/'), entity('control', 'A.18.2.3', '/controls/a-18-2-3/')])).toEqual([]);
  });

  test('a control ID Trustbook does not know is reported', () => {
    expect(brief(removed(fixture('valid-minimal'), [entity('control', 'A.9.99', '/controls/a-9-99/')]))).toEqual([
      `error settings.yaml:null A.9.99 — Control \`A.9.99\` was public in the last published trust center (${shownTrustFile}) and no longer exists: links to https://trust.minimal.example/controls/a-9-99/ in customers' security questionnaires will break.`,
    ]);
  });

  test('a subprocessor that is gone leaves the subprocessors page in place: nothing breaks', () => {
    expect(removed(contentWith({ 'subprocessors/cloud.yaml': null }), lastPublished())).toEqual([]);
  });

  test('a certificate stops being served when its certification goes internal or stops naming it', () => {
    const certificate = [entity('certification', 'iso27001', '/certificates/iso27001.pdf')];
    const minimalCertification = readFileSync(path.join(fixture('valid-minimal'), 'certifications', 'iso27001.yaml'), 'utf8');
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const withFile = contentWith({ 'certificates/iso27001.pdf': pdf, 'certifications/iso27001.yaml': `${minimalCertification}certificateFile: certificates/iso27001.pdf\n` });
    expect(removed(withFile, certificate)).toEqual([]);

    expect(removed(fixture('valid-minimal'), certificate)).toMatchObject([{ file: 'certifications/iso27001.yaml', line: 1, subject: { collection: 'certifications', id: 'iso27001', field: 'certificateFile' } }]);
    expect(removed(fixture('valid-minimal'), certificate)[0]!.message).toBe(
      `The certificate of certification \`iso27001\` was public in the last published trust center (${shownTrustFile}) and is no longer named in \`certificateFile\`: links to https://trust.minimal.example/certificates/iso27001.pdf in customers' security questionnaires will break.`,
    );

    const internal = contentWith({ 'certificates/iso27001.pdf': pdf, 'certifications/iso27001.yaml': `${minimalCertification.replace('visibility: public', 'visibility: internal')}certificateFile: certificates/iso27001.pdf\n` });
    expect(brief(removed(internal, certificate))).toEqual([
      `error certifications/iso27001.yaml:13 certification iso27001 — Certification \`iso27001\` was public in the last published trust center (${shownTrustFile}) and is now internal: links to https://trust.minimal.example/certificates/iso27001.pdf in customers' security questionnaires will break.`,
    ]);
    expect(brief(removed(contentWith({ 'certifications/iso27001.yaml': null }), certificate))).toEqual([
      `error settings.yaml:null certification iso27001 — Certification \`iso27001\` was public in the last published trust center (${shownTrustFile}) and no longer exists: links to https://trust.minimal.example/certificates/iso27001.pdf in customers' security questionnaires will break.`,
    ]);
  });
});

describe('documents in the published list', () => {
  const doc = (fields: string) => `id: dpa\ntitle: DPA\nkind: dpa\nupdated: 2026-01-01\n${fields}`;
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const downloads = [entity('document', 'dpa', '/documents/dpa.pdf')];

  test('a public document\'s file on the trust center is listed; a download elsewhere is not the site\'s to keep', () => {
    const file = fileWith(minimalTrustJson({
      documents: [
        { id: 'dpa', downloadUrl: 'https://trust.example.com/documents/dpa.pdf' },
        { id: 'architecture', downloadUrl: 'https://example.com/architecture.pdf' },
        { id: 'soc2-report', downloadUrl: null },
      ],
    }));
    const result = readPublished(file);
    if (!result.ok) throw new Error(result.diagnostic.message);
    expect(result.published.map((e) => `${e.kind} ${e.id} ${e.path}`)).toEqual(['document dpa /documents/dpa.pdf']);
  });

  test('is reported when it goes on request, loses its file, or is gone', () => {
    expect(removed(contentWith({ 'documents/dpa.yaml': doc('access: public\nfile: dpa.pdf\n'), 'dpa.pdf': pdf }), downloads)).toEqual([]);
    expect(brief(removed(contentWith({ 'documents/dpa.yaml': doc('access: nda\nfile: dpa.pdf\n'), 'dpa.pdf': pdf }), downloads))).toEqual([
      `error documents/dpa.yaml:5 document dpa — Document \`dpa\` was public in the last published trust center (${shownTrustFile}) and is now shared under NDA only: links to https://trust.minimal.example/documents/dpa.pdf in customers' security questionnaires will break.`,
    ]);
    expect(brief(removed(contentWith({ 'documents/dpa.yaml': doc('access: public\nurl: https://example.com/dpa.pdf\n') }), downloads))).toEqual([
      `error documents/dpa.yaml:5 document dpa — The file of document \`dpa\` was public in the last published trust center (${shownTrustFile}) and is no longer named in \`file\`: links to https://trust.minimal.example/documents/dpa.pdf in customers' security questionnaires will break.`,
    ]);
    expect(brief(removed(fixture('valid-minimal'), downloads))).toEqual([
      `error settings.yaml:null document dpa — Document \`dpa\` was public in the last published trust center (${shownTrustFile}) and no longer exists: links to https://trust.minimal.example/documents/dpa.pdf in customers' security questionnaires will break.`,
    ]);
  });
});
