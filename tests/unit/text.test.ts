/** The kinds of text content may hold: what each accepts, refuses, and how it is written back. */
import { describe, expect, test } from 'vitest';
import { ContactUriSchema, HttpsUrlSchema, LineSchema, TextSchema } from '../../src/model/text.ts';
import { SettingsSchema } from '../../src/model/schemas.ts';

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? 'ok' : result.error!.issues.map((i) => i.message).join(' | '));

describe('a line of text', () => {
  test.each([
    ['a line break', 'Contact: a\nContact: b', 'It must be one line of text, but has a line break at character 11.'],
    ['a carriage return', 'a\rb', 'It must be one line of text, but has a line break at character 2.'],
    ['an escape sequence', 'Name \u001b[2J', 'It must be one line of text, but has the control character U+001B at character 6.'],
    ['a NUL', 'a\u0000', 'It must be one line of text, but has the control character U+0000 at character 2.'],
    ['a C1 control', 'a\u0085b', 'It must be one line of text, but has the control character U+0085 at character 2.'],
    ['a line separator', 'a\u2028b', 'It must be one line of text, but has a line break at character 2.'],
    ['nothing but spaces', '   ', 'Expected text, found an empty string.'],
  ])('refuses %s', (_, value, expected) => {
    expect(message(LineSchema.safeParse(value))).toBe(expected);
  });

  test('drops bidirectional overrides and isolates, and surrounding spaces', () => {
    expect(LineSchema.parse(' Access \u202Eyciloplortnoc\u202C Policy\u2066\u2069 ')).toBe('Access yciloplortnoc Policy');
    // Marks that only set direction (LRM, RLM) are kept: right-to-left text needs them.
    expect(LineSchema.parse('שלום\u200E Policy')).toBe('שלום\u200E Policy');
  });
});

describe('free text', () => {
  test('keeps line breaks and tabs, refuses other control characters', () => {
    expect(TextSchema.parse('First.\n\tSecond.\r\n')).toBe('First.\n\tSecond.\r\n');
    expect(message(TextSchema.safeParse('Bell \u0007'))).toBe('The text has the control character U+0007 at character 6, which no page can show.');
    expect(TextSchema.parse('a\u202Eb')).toBe('ab');
  });
});

describe('URLs', () => {
  test.each([
    ['javascript:alert(document.domain)', 'Expected an `https://` URL, not a `javascript:` URL.'],
    ['JavaScript:alert(1)', 'Expected an `https://` URL, not a `javascript:` URL.'],
    ['data:text/html,<script>alert(1)</script>', 'Expected an `https://` URL, not a `data:` URL.'],
    ['http://example.com', 'Expected an `https://` URL, not a `http:` URL.'],
    ['https://user:secret@example.com/', 'The URL carries a user name or password, which would be published.'],
    ['https://example.com/\nPolicy: javascript:alert(1)', 'Expected an `https://` URL on one line, but it has a line break at character 21.'],
    ['example.com', 'Expected an `https://` URL, such as `https://example.com/page`; `example.com` is not a URL.'],
  ])('an https URL refuses %j', (value, expected) => {
    expect(message(HttpsUrlSchema.safeParse(value))).toBe(expected);
  });

  test('is written back in the one form a browser uses, so no markup survives into any file', () => {
    expect(HttpsUrlSchema.parse('https://Trust.Example.com')).toBe('https://trust.example.com/');
    expect(HttpsUrlSchema.parse('https://example.com/a</loc>"b')).toBe('https://example.com/a%3C/loc%3E%22b');
    expect(HttpsUrlSchema.parse('https://example.com/?a=1&b=2')).toBe('https://example.com/?a=1&b=2');
  });

  test('a contact is an https page or a mailto address, nothing else', () => {
    expect(ContactUriSchema.parse('mailto:security@example.com')).toBe('mailto:security@example.com');
    expect(ContactUriSchema.parse('https://example.com/report')).toBe('https://example.com/report');
    expect(message(ContactUriSchema.safeParse('mailto:security@example.com\nContact: mailto:evil@example.com'))).toBe('Expected an `https://` or `mailto:` URL on one line, but it has a line break at character 28.');
    expect(message(ContactUriSchema.safeParse('tel:+441234'))).toBe('Expected an `https://` or `mailto:` URL, not a `tel:` URL.');
    expect(message(ContactUriSchema.safeParse('mailto:'))).toBe('`mailto:` does not name an email address.');
  });
});

test('every URL field of the settings refuses a script URL', () => {
  const valid = {
    organisation: { name: 'X', description: 'X.' },
    sites: { public: 'https://trust.x.example', internal: 'https://handbook.x.example' },
    contact: { email: 'trust@x.example', requestUrl: 'https://x.example/request' },
    security: { contact: 'mailto:security@x.example', disclosurePolicy: 'https://x.example/disclosure', encryption: 'https://x.example/key.asc' },
  };
  expect(SettingsSchema.safeParse(valid).success).toBe(true);
  const paths = [['sites', 'public'], ['sites', 'internal'], ['contact', 'requestUrl'], ['security', 'contact'], ['security', 'disclosurePolicy'], ['security', 'encryption']];
  for (const [group, field] of paths) {
    const hostile = structuredClone(valid) as Record<string, Record<string, string>>;
    hostile[group!]![field!] = 'javascript:alert(1)';
    const result = SettingsSchema.safeParse(hostile);
    expect(result.success, `${group}.${field}`).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual([`${group}.${field}`]);
  }
});
