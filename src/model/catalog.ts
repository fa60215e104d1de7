/**
 * ISO/IEC 27001:2022 reference data that ships with Trustbook: Annex A (IDs, short
 * titles, themes), clauses 4–10 and the 2013 → 2022 control map. Only IDs and short
 * titles: the text of the standard is ISO's copyrighted work.
 */
import annexA from '../reference/annexa-2022.json' with { type: 'json' };
import clauses from '../reference/clauses.json' with { type: 'json' };
import map2013 from '../reference/map-2013-2022.json' with { type: 'json' };
import frameworkCatalog from '../reference/frameworks.json' with { type: 'json' };

export type Theme = 'organizational' | 'people' | 'physical' | 'technological';

export interface AnnexAControl {
  id: string;
  title: string;
  theme: Theme;
}

export interface Clause {
  id: string;
  title: string;
  level: number;
  parent: string | null;
  leaf: boolean;
}

export const themes: readonly { id: Theme; title: string; prefix: string }[] = [
  { id: 'organizational', title: 'Organizational controls', prefix: 'A.5' },
  { id: 'people', title: 'People controls', prefix: 'A.6' },
  { id: 'physical', title: 'Physical controls', prefix: 'A.7' },
  { id: 'technological', title: 'Technological controls', prefix: 'A.8' },
];

export const annexAControls: readonly AnnexAControl[] = annexA as AnnexAControl[];
export const annexAById: ReadonlyMap<string, AnnexAControl> = new Map(annexAControls.map((c) => [c.id, c]));
export const clauseList: readonly Clause[] = clauses as Clause[];
export const clauseById: ReadonlyMap<string, Clause> = new Map(clauseList.map((c) => [c.id, c]));
/** A lookup table keyed by what content writes: no prototype, so `constructor` or `__proto__` finds nothing. */
const table = <T>(entries: Record<string, T>): Readonly<Record<string, T>> => Object.assign(Object.create(null) as Record<string, T>, entries);

/** ISO/IEC 27001:2013 control ID → the 2022 control(s) that replaced it. */
export const controls2013 = table<readonly string[]>(map2013);

/**
 * Frameworks whose IDs Trustbook knows (IDs only): SOC 2 Trust Services Criteria and NIST CSF 2.0
 * subcategories. Mappings to them are checked, and the handbook shows which IDs no control covers.
 * Mappings to any other framework key are accepted as written.
 */
export const knownFrameworks = table<{ title: string; ids: readonly string[] }>(frameworkCatalog);

/** Frameworks Trustbook can name but whose IDs it does not ship. */
const namedFrameworks = table({ gdpr: 'GDPR', hipaa: 'HIPAA Security Rule', 'pci-dss-4': 'PCI DSS 4.0' });

/** How a framework key of `mappings` is named on the pages; an unknown key is shown as written. */
export const frameworkTitle = (key: string): string =>
  knownFrameworks[key]?.title ?? namedFrameworks[key] ?? key;

/** `A.8.24` → `a-8-24`, the stable URL segment of a control. */
export const controlSlug = (id: string): string => id.toLowerCase().replaceAll('.', '-');

/** Sorts Annex A IDs numerically (A.5.2 before A.5.10). */
export const compareControlIds = (a: string, b: string): number => {
  const pa = a.slice(2).split('.').map(Number);
  const pb = b.slice(2).split('.').map(Number);
  return pa[0]! - pb[0]! || pa[1]! - pb[1]!;
};
