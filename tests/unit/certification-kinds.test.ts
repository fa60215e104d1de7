/**
 * Certifications and attestations of every kind: what the schema accepts and refuses, with the line
 * of each problem; the checks on their dates (a stale SOC 2 report, an expired attestation); and
 * documents past their valid-until date. Each failure names its file and line.
 */
import { describe, expect, test } from 'vitest';
import { certificationValidity } from '../../src/checks/rules/certification-validity.ts';
import { certificationReportStale } from '../../src/checks/rules/certification-report-stale.ts';
import { documentsValidity } from '../../src/checks/rules/documents-validity.ts';
import { documentsDownloadMissing } from '../../src/checks/rules/documents-download-missing.ts';
import { loadContent } from '../../src/load/loader.ts';
import { certificationName, socReport } from '../../src/model/certification-kinds.ts';
import { CertificationSchema } from '../../src/model/schemas.ts';
import { certificationState, certificationStatusText } from '../../src/view/status.ts';
import { contentWith, modelOf, reportsOf } from '../helpers/content.ts';

const brief = (reports: ReturnType<typeof reportsOf>) => reports.map((d) => `${d.severity} ${d.file}:${d.line} ${d.message}`);

const soc2 = (extra = '', period = 'period:\n  from: 2024-04-01\n  to: 2025-03-31\n') =>
  `id: soc2\nkind: soc2\ntype: type-2\n${period}auditor: { name: Halden & Pierce LLP }\nissued: 2025-05-09\ncriteria: [security, availability]\n${extra}visibility: public\n`;

const every: Record<string, string> = {
  iso: 'id: a\nstandard: ISO/IEC 27701\nedition: "2019"\ncertificateNumber: PI 1\ncertificationBody: { name: B }\naccreditationBody: { name: UKAS }\nscope: S\nissued: 2025-01-01\nexpires: 2028-01-01\n',
  soc2: soc2(),
  soc1: 'id: a\nkind: soc1\ntype: type-1\nasOf: 2026-01-31\nauditor: { name: A }\nissued: 2026-03-01\n',
  'pci-dss': 'id: a\nkind: pci-dss\nversion: 4.0.1\nlevel: 1\naocDate: 2026-02-01\nqsa: { name: Q }\n',
  'csa-star': 'id: a\nkind: csa-star\nlevel: 2\nauditor: { name: A }\nissued: 2025-09-01\nexpires: 2028-09-01\nregistryUrl: https://cloudsecurityalliance.example/star/a\n',
  hipaa: 'id: a\nkind: hipaa\nassessor: { name: A }\nissued: 2026-01-15\n',
  hitrust: 'id: a\nkind: hitrust\nassessment: r2\nassessor: { name: A }\nissued: 2025-06-01\nexpires: 2027-06-01\n',
  'cyber-essentials': 'id: a\nkind: cyber-essentials\nplus: true\ncertificateNumber: CE 1\ncertificationBody: { name: IASME }\nissued: 2025-11-20\nexpires: 2026-11-19\n',
  tisax: 'id: a\nkind: tisax\nassessmentLevel: AL3\nlabels: [Strictly confidential, Data protection]\nscopeId: S12345\nauditProvider: { name: A }\nissued: 2025-02-01\nexpires: 2028-02-01\n',
  other: 'id: a\nkind: other\nname: C5 Type 2\nissuer: { name: BSI auditor }\nissued: 2026-01-01\nurl: https://example.com/c5\n',
};

describe('the certification schema', () => {
  test('a file written before kinds existed is an ISO certificate', async () => {
    const { parse } = await import('yaml');
    const parsed = CertificationSchema.parse(parse(every.iso!));
    expect(parsed.kind).toBe('iso');
  });

  test.each(Object.entries(every))('accepts a %s entry, with its name', async (kind, yaml) => {
    const dir = contentWith({ 'certifications/iso27001.yaml': yaml });
    const loaded = loadContent(dir);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([]);
    const cert = loaded.entries.certifications[0]!.data;
    expect(cert.kind).toBe(kind);
    expect(certificationName(cert)).toBe({ iso: 'ISO/IEC 27701:2019', soc2: 'SOC 2 Type II', soc1: 'SOC 1 Type I', 'pci-dss': 'PCI DSS 4.0.1', 'csa-star': 'CSA STAR Level 2', hipaa: 'HIPAA', hitrust: 'HITRUST r2', 'cyber-essentials': 'Cyber Essentials Plus', tisax: 'TISAX AL3', other: 'C5 Type 2' }[kind]);
  });

  test('an unknown kind, a field of another kind, and a Type II without a period each name their line', () => {
    const dir = contentWith({
      'certifications/iso27001.yaml': null,
      'certifications/a.yaml': 'id: a\nkind: soc3\nissued: 2026-01-01\n',
      'certifications/b.yaml': `${every['pci-dss']}criteria: [security]\n`.replace('id: a', 'id: b'),
      'certifications/c.yaml': soc2('', '').replace('id: soc2', 'id: c'),
    });
    const found = loadContent(dir).diagnostics.map((d) => `${d.rule} ${d.file.split('/').pop()}:${d.line} ${d.message}`);
    expect(found).toEqual([
      expect.stringMatching(/^load\/schema a\.yaml:2 .*`kind`: Unknown kind: write one of `iso`, `soc2`, `soc1`, `pci-dss`/),
      'load/unknown-field b.yaml:7 Unknown field `criteria` in certification "b".',
      expect.stringMatching(/^load\/schema c\.yaml:1 .*A Type II report covers a period, and `period` is missing\./),
    ]);
  });
});

describe('certification/report-stale', () => {
  const dir = (extra = '') => contentWith({ 'certifications/soc2.yaml': soc2(extra) });
  test('a SOC 2 Type II report is current for 9 months after its period, then ageing, then stale past 12 months', () => {
    expect(reportsOf(certificationReportStale, dir(), '2025-12-31')).toEqual([]);
    expect(brief(reportsOf(certificationReportStale, dir(), '2026-01-01'))).toEqual([
      'warning certifications/soc2.yaml:6 The SOC 2 Type II report whose period ended on 2025-03-31 is more than 9 months old; from 2026-03-31 it is stale.',
    ]);
    expect(brief(reportsOf(certificationReportStale, dir(), '2026-06-15'))).toEqual([
      'error certifications/soc2.yaml:6 The SOC 2 Type II report whose period ended on 2025-03-31 is more than 12 months old and no bridge letter covers today (2026-06-15).',
    ]);
  });

  test('a bridge letter that covers today keeps it in use, with a warning past 12 months; a lapsed one does not', () => {
    const bridged = dir('bridgeLetter: { issued: 2026-04-02, through: 2026-06-30 }\n');
    expect(brief(reportsOf(certificationReportStale, bridged, '2026-01-15'))).toEqual([]);
    expect(brief(reportsOf(certificationReportStale, bridged))).toEqual([
      'warning certifications/soc2.yaml:10 The SOC 2 Type II report whose period ended on 2025-03-31 is more than 12 months old; only its bridge letter, up to 2026-06-30, keeps it in use.',
    ]);
    expect(brief(reportsOf(certificationReportStale, bridged, '2026-07-01'))).toEqual([
      'error certifications/soc2.yaml:10 The SOC 2 Type II report whose period ended on 2025-03-31 is more than 12 months old and no bridge letter covers today (2026-07-01). Its bridge letter covered only up to 2026-06-30.',
    ]);
  });

  test('the trust center says the same in words', () => {
    const model = modelOf(dir());
    const cert = model.index.certifications.get('soc2')!.data;
    expect(certificationState(cert, '2025-12-01')).toBe('current');
    expect(certificationState(cert, '2026-02-01')).toBe('ageing');
    expect(certificationState(cert, '2026-06-15')).toBe('stale');
    expect(certificationStatusText(cert, '2026-06-15')).toBe('Report for 1 April 2024 to 31 March 2025, more than 12 months ago; no newer report is published.');
    expect(socReport(cert as never, '2026-06-15')).toMatchObject({ ageingFrom: '2025-12-31', staleFrom: '2026-03-31' });
  });
});

describe('certification/validity for attestations', () => {
  test('an expired Cyber Essentials certificate fails at its expiry line; a PCI DSS AoC lapses a year after its date', () => {
    const expired = contentWith({ 'certifications/ce.yaml': every['cyber-essentials']!.replace('expires: 2026-11-19', 'expires: 2026-06-01').replace('id: a', 'id: ce') });
    expect(brief(reportsOf(certificationValidity, expired))).toEqual(['error certifications/ce.yaml:7 The Cyber Essentials Plus certificate CE 1 expired on 2026-06-01.']);
    const pci = contentWith({ 'certifications/pci.yaml': every['pci-dss']!.replace('aocDate: 2026-02-01', 'aocDate: 2025-06-01').replace('id: a', 'id: pci') });
    expect(brief(reportsOf(certificationValidity, pci))).toEqual(['error certifications/pci.yaml:5 The PCI DSS 4.0.1 attestation of compliance expired on 2026-06-01.']);
    expect(reportsOf(certificationValidity, contentWith({ 'certifications/hipaa.yaml': every.hipaa!.replace('id: a', 'id: hipaa') }))).toEqual([]);
  });
});

describe('documents', () => {
  const doc = (fields: string) => contentWith({ 'documents/insurance.yaml': `id: insurance\ntitle: Cyber insurance certificate\nkind: insurance\naccess: on-request\nupdated: 2025-06-02\n${fields}` });
  test('a document past its valid-until fails with its file and line; in its last 30 days it is a warning', () => {
    expect(brief(reportsOf(documentsValidity, doc('validUntil: 2026-05-31\n')))).toEqual(['error documents/insurance.yaml:6 The document "Cyber insurance certificate" was valid until 2026-05-31.']);
    expect(brief(reportsOf(documentsValidity, doc('validUntil: 2026-07-15\n')))).toEqual(['warning documents/insurance.yaml:6 The document "Cyber insurance certificate" is valid until 2026-07-15, in 30 days.']);
    expect(reportsOf(documentsValidity, doc('validUntil: 2026-07-16\n'))).toEqual([]);
  });

  test('a public document needs a file or a URL, and not both', () => {
    const publicDoc = contentWith({ 'documents/dpa.yaml': 'id: dpa\ntitle: DPA\nkind: dpa\naccess: public\nupdated: 2026-01-01\n' });
    expect(brief(reportsOf(documentsDownloadMissing, publicDoc))).toEqual(['error documents/dpa.yaml:4 The public document "DPA" has neither a `file` nor a `url` to download.']);
    const both = contentWith({ 'documents/dpa.yaml': 'id: dpa\ntitle: DPA\nkind: dpa\naccess: public\nurl: https://example.com/dpa.pdf\nfile: dpa.pdf\nupdated: 2026-01-01\n' });
    expect(loadContent(both).diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual([expect.stringMatching(/^5 .*A document is either a file or a URL, not both\.$/)]);
  });

  test('a document names a certification that exists', async () => {
    const { refsUnresolved } = await import('../../src/checks/rules/refs-unresolved.ts');
    expect(brief(reportsOf(refsUnresolved, doc('certification: soc9\n')))).toEqual([expect.stringMatching(/^error documents\/insurance\.yaml:6 .*soc9/)]);
  });
});
