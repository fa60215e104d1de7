import { describe, expect, test } from 'vitest';
import { format } from '../../src/diagnostics/format.ts';
import type { Diagnostic, Summary } from '../../src/diagnostics/diagnostic.ts';

const diagnostics: Diagnostic[] = [
  { rule: 'soa/owner-required', severity: 'error', file: 'content/soa/A.8.24.yaml', line: 3, column: 1, entity: 'A.8.24', message: 'A.8.24 "Use of cryptography" is applicable but has no owner.', hint: 'Add `owners: [<person id>]`.' },
  { rule: 'evidence/freshness', severity: 'warning', file: 'content/evidence/scan.yaml', line: 5, column: 1, entity: 'evidence scan', message: 'Evidence "Scan, weekly" goes stale on 2026-07-01: 50% done.', hint: 'Collect it again.' },
  { rule: 'soa/missing-entry', severity: 'error', file: 'content/soa/A.5.7.yaml', line: null, column: null, entity: 'A.5.7', message: 'No entry.', hint: 'Create it.' },
];
const summary: Summary = { errors: 2, warnings: 1, checked: { people: 1, soa: 92 }, files: 94, today: '2026-06-15' };

describe('formatters', () => {
  test('pretty groups by file and closes with a summary', () => {
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

      Checked 94 files as of 2026-06-15: 1 person, 92 SoA entries.
      2 errors, 1 warning.
      "
    `);
  });
  test('pretty uses colour only when asked', () => {
    expect(format('pretty', diagnostics, summary, true)).toContain('\u001b[31merror');
    expect(format('pretty', diagnostics, summary, false)).not.toContain('\u001b[');
  });
  test('json has the documented shape and field names', () => {
    const parsed = JSON.parse(format('json', diagnostics, summary));
    expect(Object.keys(parsed)).toEqual(['diagnostics', 'summary']);
    expect(Object.keys(parsed.diagnostics[0]).sort()).toEqual(['column', 'entity', 'file', 'hint', 'line', 'message', 'rule', 'severity']);
    expect(parsed.summary).toEqual(summary);
  });
  test('github prints escaped workflow annotations', () => {
    const lines = format('github', diagnostics, summary).trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=content/soa/A.8.24.yaml,line=3,col=1,title=soa/owner-required::A.8.24 "Use of cryptography" is applicable but has no owner.%0AHint: Add `owners: [<person id>]`.');
    expect(lines[1]).toBe('::warning file=content/evidence/scan.yaml,line=5,col=1,title=evidence/freshness::Evidence "Scan, weekly" goes stale on 2026-07-01: 50%25 done.%0AHint: Collect it again.');
    expect(lines[2]).toMatch(/^::error file=content\/soa\/A\.5\.7\.yaml,title=soa\/missing-entry::/);
  });
});
