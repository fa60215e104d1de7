import { describe, expect, test } from 'vitest';
import { EvidenceSchema, IsoDateSchema, PersonSchema, SettingsSchema, SoaEntrySchema } from '../../src/model/schemas.ts';

describe('schemas', () => {
  test('visibility defaults to internal', () => {
    expect(PersonSchema.parse({ id: 'a', name: 'A', role: 'R', email: 'a@x.example' }).visibility).toBe('internal');
  });
  test('unknown keys are errors', () => {
    const result = SoaEntrySchema.safeParse({ id: 'A.5.1', applicable: true, ownr: ['a'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
  });
  test('dates must be real calendar dates; Date objects from other YAML parsers are normalised', () => {
    expect(IsoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDateSchema.safeParse('2025-02-29').success).toBe(false);
    expect(IsoDateSchema.safeParse('29/02/2024').success).toBe(false);
    expect(IsoDateSchema.parse(new Date('2026-03-04T00:00:00Z'))).toBe('2026-03-04');
  });
  test('evidence kinds are a closed list', () => {
    const base = { id: 'e', title: 'E', location: 'x', collected: '2026-01-01', maxAgeDays: 30, owner: 'a' };
    expect(EvidenceSchema.safeParse({ ...base, kind: 'automated-check' }).success).toBe(true);
    expect(EvidenceSchema.safeParse({ ...base, kind: 'vibes' }).success).toBe(false);
  });
  test('settings fill safe defaults for brand and security languages', () => {
    const settings = SettingsSchema.parse({
      organisation: { name: 'O', description: 'D' },
      sites: { public: 'https://t.example', internal: 'https://h.example' },
      contact: { email: 't@o.example' },
      security: { contact: 'mailto:s@o.example', disclosurePolicy: 'https://o.example/d' },
    });
    expect(settings.brand.accentColor).toBe('#2457d6');
    expect(settings.security.preferredLanguages).toEqual(['en']);
    expect(settings.listInternalPolicies).toBe(false);
  });
});
