/**
 * security.txt (RFC 9116), made from the settings and validated by the same code that
 * the `settings/security-txt` check and the tests use. Each line is written by `field()`,
 * which refuses a value that could start a line of its own.
 */
import { addDays } from './dates.ts';
import type { Settings } from '../model/schemas.ts';

/** security.txt expires this many days after the build: RFC 9116 advises less than a year. */
export const SECURITY_TXT_LIFETIME_DAYS = 364;

/** One `Name: value` line. The schema admits no line breaks in these values; this makes sure of it. */
function field(name: string, value: string): string {
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(value)) throw new Error(`security.txt: the value of ${name} spans more than one line`);
  return `${name}: ${value}`;
}

export function securityTxt({ publicUrl, security }: { publicUrl: string; security: Settings['security'] }, today: string): string {
  const lines = [
    field('Contact', security.contact),
    field('Expires', `${addDays(today, SECURITY_TXT_LIFETIME_DAYS)}T00:00:00.000Z`),
    ...(security.encryption ? [field('Encryption', security.encryption)] : []),
    field('Preferred-Languages', security.preferredLanguages.join(', ')),
    field('Canonical', new URL('/.well-known/security.txt', publicUrl).href),
    field('Policy', security.disclosurePolicy),
  ];
  return `${lines.join('\n')}\n`;
}

export interface SecurityTxtProblem {
  field: string;
  message: string;
}

/** The URI schemes RFC 9116 allows in each field that holds a URI. */
const URI_SCHEMES: Record<string, readonly string[]> = {
  Contact: ['https:', 'mailto:', 'tel:'],
  Encryption: ['https:', 'dns:', 'openpgp4fpr:'],
  Canonical: ['https:'],
  Policy: ['https:'],
  Acknowledgments: ['https:'],
  Hiring: ['https:'],
  CSAF: ['https:'],
};

/** Checks a security.txt against the rules of RFC 9116 section 2.5 that a file can break. */
export function validateSecurityTxt(text: string, today: string): SecurityTxtProblem[] {
  const problems: SecurityTxtProblem[] = [];
  const fields: [string, string][] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z0-9-]+): (.+)$/.exec(line);
    if (!match) problems.push({ field: line, message: 'is not a `Field: value` line.' });
    else fields.push([match[1]!, match[2]!]);
  }
  const values = (name: string) => fields.filter(([f]) => f.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

  if (values('Contact').length === 0) problems.push({ field: 'Contact', message: 'must appear at least once.' });
  const expires = values('Expires');
  if (expires.length !== 1) problems.push({ field: 'Expires', message: 'must appear exactly once.' });
  else {
    const time = Date.parse(expires[0]!);
    const now = Date.parse(`${today}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(expires[0]!) || Number.isNaN(time)) problems.push({ field: 'Expires', message: 'must be an RFC 3339 date-time.' });
    else if (time <= now) problems.push({ field: 'Expires', message: 'is in the past.' });
    else if (time - now > 366 * 86_400_000) problems.push({ field: 'Expires', message: 'is more than a year away.' });
  }
  for (const name of ['Preferred-Languages', 'Expires']) if (values(name).length > 1) problems.push({ field: name, message: 'must not appear more than once.' });
  for (const [name, value] of fields) {
    const schemes = URI_SCHEMES[name];
    if (!schemes) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push({ field: name, message: `is not a URI: ${value}` });
      continue;
    }
    if (url.protocol === 'http:') problems.push({ field: name, message: `must use https, not http: ${value}` });
    else if (!schemes.includes(url.protocol)) problems.push({ field: name, message: `must be ${schemes.map((s) => `a \`${s}\``).join(' or ')} URI, not \`${url.protocol}\`: ${value}` });
  }
  for (const canonical of values('Canonical')) if (!canonical.endsWith('/.well-known/security.txt')) problems.push({ field: 'Canonical', message: 'must point at /.well-known/security.txt.' });
  return problems;
}
