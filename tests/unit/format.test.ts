/** The formatters, on their real output: the readable report, the JSON document and GitHub's workflow commands. */
import { describe, expect, test } from 'vitest';
import { format, formatDiagnostics } from '../../src/diagnostics/format.ts';
import type { Diagnostic, Summary } from '../../src/diagnostics/diagnostic.ts';

const diagnostics: Diagnostic[] = [
  {
    rule: 'soa/owner-required',
    severity: 'error',
    file: 'content/soa/A.8.24.yaml',
    line: 3,
    column: 1,
    entity: 'A.8.24',
    message: 'A.8.24 "Use of cryptography" is applicable but has no owner.',
    hint: 'Add `owners: [<person id>]`.',
    subject: { collection: 'soa', id: 'A.8.24', field: 'owners' },
  },
  {
    rule: 'evidence/freshness',
    severity: 'warning',
    file: 'content/evidence/scan.yaml',
    line: 5,
    column: 1,
    entity: 'evidence scan',
    message: 'Evidence "Scan, weekly" goes stale on 2026-07-01: 50% done.',
    hint: 'Collect it again.',
    subject: { collection: 'evidence', id: 'scan', field: 'collected' },
  },
  { rule: 'soa/missing-entry', severity: 'error', file: 'content/soa/A.5.7.yaml', line: null, column: null, entity: 'A.5.7', message: 'No entry.', hint: 'Create it.', subject: { collection: 'soa', id: 'A.5.7' } },
  // The build's own problems are about no entity.
  { rule: 'build/astro', severity: 'error', file: 'dist/public/', line: null, column: null, entity: null, message: 'Astro could not build the public site.', hint: 'Report it.', subject: null },
];
const summary: Summary = {
  errors: 3,
  warnings: 1,
  notChecked: [{ rule: 'refs/unresolved', what: '2 references to people', why: 'content/people/priya-raman.yaml could not be read', files: ['content/people/priya-raman.yaml'] }],
  checked: { people: 1, soa: 92 },
  files: 94,
  today: '2026-06-15',
};
const clean: Summary = { errors: 0, warnings: 0, notChecked: [], checked: { people: 1 }, files: 2, today: '2026-06-15' };

describe('pretty', () => {
  test('groups by file, lists what was not checked, and closes with the totals', () => {
    expect(format('pretty', diagnostics, summary)).toMatchInlineSnapshot(`
      "content/soa/A.8.24.yaml
        3:1     error  soa/owner-required  A.8.24
          A.8.24 "Use of cryptography" is applicable but has no owner.
          Hint: Add \`owners: [<person id>]\`.

      content/evidence/scan.yaml
        5:1     warning  evidence/freshness  evidence scan
          Evidence "Scan, weekly" goes stale on 2026-07-01: 50% done.
          Hint: Collect it again.

      content/soa/A.5.7.yaml
                error  soa/missing-entry  A.5.7
          No entry.
          Hint: Create it.

      dist/public/
                error  build/astro
          Astro could not build the public site.
          Hint: Report it.

      Not checked:
        2 references to people (refs/unresolved) — content/people/priya-raman.yaml could not be read.

      Checked 94 files as of 2026-06-15: 1 person, 92 SoA entries.
      3 errors, 1 warning.
      "
    `);
  });
  test('a clean run is two lines', () => {
    expect(format('pretty', [], clean)).toMatchInlineSnapshot(`
      "Checked 2 files as of 2026-06-15: 1 person.
      No problems.
      "
    `);
  });
  test('uses colour only when asked', () => {
    expect(format('pretty', diagnostics, summary, true)).toContain('\u001b[31merror');
    expect(format('pretty', diagnostics, summary, false)).not.toContain('\u001b[');
    expect(formatDiagnostics(diagnostics, false)).not.toContain('\u001b[');
  });
});

describe('text from the content in a terminal', () => {
  test('control characters in a file name, an entity or a message are shown escaped, never sent to the terminal', () => {
    const hostile: Diagnostic = {
      rule: 'load/yaml-syntax',
      severity: 'error',
      file: 'content/people/\u001b[2J\u001b]8;;https://evil.example\u0007x.yaml',
      line: 1,
      column: 1,
      entity: 'person \u001b[8mhidden',
      message: 'Bad value \u009b31m here.\nSecond line.',
      hint: 'Fix \u0000 it.',
      subject: null,
    };
    const out = formatDiagnostics([hostile], false);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('content/people/\\x1b[2J\\x1b]8;;https://evil.example\\x07x.yaml');
    expect(out).toContain('Bad value \\x9b31m here.\nSecond line.');
    const github = format('github', [hostile], { errors: 1, warnings: 0, notChecked: [], checked: {}, files: 1, today: '2026-06-15' } as unknown as Summary);
    expect(github).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('json', () => {
  test('has the documented shape: every diagnostic with its subject, what was not checked, and the totals', () => {
    expect(JSON.parse(format('json', diagnostics.slice(2), summary))).toEqual({
      diagnostics: [
        { rule: 'soa/missing-entry', severity: 'error', file: 'content/soa/A.5.7.yaml', line: null, column: null, entity: 'A.5.7', message: 'No entry.', hint: 'Create it.', subject: { collection: 'soa', id: 'A.5.7' } },
        { rule: 'build/astro', severity: 'error', file: 'dist/public/', line: null, column: null, entity: null, message: 'Astro could not build the public site.', hint: 'Report it.', subject: null },
      ],
      notChecked: [{ rule: 'refs/unresolved', what: '2 references to people', why: 'content/people/priya-raman.yaml could not be read', files: ['content/people/priya-raman.yaml'] }],
      summary: { errors: 3, warnings: 1, checked: { people: 1, soa: 92 }, files: 94, today: '2026-06-15' },
    });
  });
  test('keys come in a fixed order, indented by two spaces', () => {
    expect(format('json', diagnostics.slice(0, 1), clean)).toMatchInlineSnapshot(`
      "{
        "diagnostics": [
          {
            "rule": "soa/owner-required",
            "severity": "error",
            "file": "content/soa/A.8.24.yaml",
            "line": 3,
            "column": 1,
            "entity": "A.8.24",
            "message": "A.8.24 \\"Use of cryptography\\" is applicable but has no owner.",
            "hint": "Add \`owners: [<person id>]\`.",
            "subject": {
              "collection": "soa",
              "id": "A.8.24",
              "field": "owners"
            }
          }
        ],
        "notChecked": [],
        "summary": {
          "errors": 0,
          "warnings": 0,
          "checked": {
            "people": 1
          },
          "files": 2,
          "today": "2026-06-15"
        }
      }
      "
    `);
  });
});

describe('github', () => {
  test('prints one annotation per problem, a notice per thing not checked, and the totals', () => {
    expect(format('github', diagnostics, summary)).toMatchInlineSnapshot(`
      "::error file=content/soa/A.8.24.yaml,line=3,col=1,title=soa/owner-required::A.8.24 "Use of cryptography" is applicable but has no owner.%0AHint: Add \`owners: [<person id>]\`.
      ::warning file=content/evidence/scan.yaml,line=5,col=1,title=evidence/freshness::Evidence "Scan, weekly" goes stale on 2026-07-01: 50%25 done.%0AHint: Collect it again.
      ::error file=content/soa/A.5.7.yaml,title=soa/missing-entry::No entry.%0AHint: Create it.
      ::error file=dist/public/,title=build/astro::Astro could not build the public site.%0AHint: Report it.
      ::notice file=content/people/priya-raman.yaml,title=Not checked (refs/unresolved)::Not checked: 2 references to people — content/people/priya-raman.yaml could not be read.
      Trustbook: 3 error(s), 1 warning(s) in 94 files as of 2026-06-15.
      "
    `);
  });
  test('escapes %, CR and LF in messages, and : and , as well in properties, as GitHub reads them', () => {
    const hostile: Diagnostic = {
      rule: 'load/schema',
      severity: 'error',
      file: 'content/risks/a:b,c%.yaml',
      line: 2,
      column: 7,
      entity: null,
      message: '100% broken:\r\nsecond line, with a comma',
      hint: 'Fix: it',
      subject: null,
    };
    const [line] = format('github', [hostile], clean).split('\n');
    expect(line).toBe('::error file=content/risks/a%3Ab%2Cc%25.yaml,line=2,col=7,title=load/schema::100%25 broken:%0D%0Asecond line, with a comma%0AHint: Fix: it');
    // Whatever a message holds, an annotation stays one line: no workflow command can be smuggled in.
    const injected = format('github', [{ ...hostile, message: 'x\n::error file=evil::owned' }], clean);
    expect(injected.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
  });
});
