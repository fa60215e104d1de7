/**
 * The primitive kinds of text a content file may hold. Content is written by many hands and
 * ends up in HTML, XML, SVG, security.txt, spreadsheets and the terminal of whoever runs the
 * checks, so every string field uses one of these schemas — never a bare `z.string()`:
 *
 * - a **line**: one line of text (names, titles, numbers). No control characters, no line breaks.
 * - **text**: free text that may span lines (descriptions, justifications, Markdown).
 * - an **https URL**, or a **contact URI** (https or mailto), parsed and written back in one form.
 *
 * All of them drop the bidirectional-override characters (U+202A–U+202E, U+2066–U+2069) that can
 * make a title read differently from what it says, and reject the C0 and C1 control characters
 * that could rewrite a terminal line or break a line-based file format.
 */
import { z } from 'astro/zod';

/** Embedding, override and isolate controls: invisible, and able to reorder what a reader sees. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Any C0 or C1 control, and the Unicode line and paragraph separators. */
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** Removes bidirectional-override and isolate characters. */
export const stripBidiControls = (s: string): string => s.replace(BIDI_CONTROLS, '');

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Where the first forbidden character is, in words: `a line break at character 12`. */
function describeControl(value: string, pattern: RegExp): string | null {
  const match = pattern.exec(value);
  if (!match) return null;
  const c = match[0];
  const what = c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' ? 'a line break' : c === '\t' ? 'a tab' : `the control character ${codePoint(c)}`;
  return `${what} at character ${match.index + 1}`;
}

/** A zod issue with a hint that the loader shows under the message. */
const issue = (message: string, hint: string) => ({ code: 'custom' as const, message, params: { hint } });

/** One line of text, trimmed; not empty. */
export const LineSchema = z
  .string()
  .transform((s) => stripBidiControls(s).trim())
  .superRefine((value, ctx) => {
    if (value === '') ctx.addIssue(issue('Expected text, found an empty string.', 'Write a value, or leave the field out if it is optional.'));
    const found = describeControl(value, CONTROL_IN_LINE);
    if (found) ctx.addIssue(issue(`It must be one line of text, but has ${found}.`, 'Write it on one line: quote it if it contains `: `, and do not use `|` or `>` block scalars for one-line fields.'));
  });

/** Free text that may span several lines; not empty. */
export const TextSchema = z
  .string()
  .transform((s) => stripBidiControls(s))
  .superRefine((value, ctx) => {
    if (value.trim() === '') ctx.addIssue(issue('Expected text, found an empty string.', 'Write a value, or leave the field out if it is optional.'));
    const found = describeControl(value, CONTROL_IN_TEXT);
    if (found) ctx.addIssue(issue(`The text has ${found}, which no page can show.`, 'Delete the invisible character (it often comes from pasting out of another program).'));
  });

/** Text in Markdown. Checked like text; what Markdown may contain is checked when the content is loaded. */
export const MarkdownSchema = TextSchema;

type UrlKind = 'https' | 'contact';

/**
 * Parses a URL written in content and returns it in the one form a browser would use
 * (`new URL(…).href`), so that no `<`, `"`, space or control character survives into any output.
 */
function urlSchema(kind: UrlKind) {
  const allowed = kind === 'https' ? ['https:'] : ['https:', 'mailto:'];
  const wanted = kind === 'https' ? 'an `https://` URL' : 'an `https://` or `mailto:` URL';
  return z
    .string()
    .transform((s) => stripBidiControls(s).trim())
    .transform((value, ctx) => {
      const found = describeControl(value, CONTROL_IN_LINE) ?? (/\s/.test(value) ? `a space at character ${value.search(/\s/) + 1}` : null);
      if (found) {
        ctx.addIssue(issue(`Expected ${wanted} on one line, but it has ${found}.`, 'Write the URL on one line, without spaces (encode a space as `%20`).'));
        return z.NEVER;
      }
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue(issue(`Expected ${wanted}, such as \`https://example.com/page\`; \`${value}\` is not a URL.`, 'Write the whole address, starting with `https://`.'));
        return z.NEVER;
      }
      if (!allowed.includes(url.protocol)) {
        ctx.addIssue(
          issue(
            `Expected ${wanted}, not a \`${url.protocol}\` URL.`,
            url.protocol === 'http:' ? 'Use `https://`: browsers warn about plain `http://` links, and RFC 9116 requires https.' : `Only ${allowed.map((p) => `\`${p}\``).join(' and ')} links are published; other schemes can run code or leak data.`,
          ),
        );
        return z.NEVER;
      }
      if (url.protocol === 'https:' && (url.username || url.password)) {
        ctx.addIssue(issue('The URL carries a user name or password, which would be published.', 'Remove the `user:password@` part.'));
        return z.NEVER;
      }
      if (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname))) {
        ctx.addIssue(issue(`\`${value}\` does not name an email address.`, 'Write it as `mailto:security@example.com`.'));
        return z.NEVER;
      }
      return url.href;
    });
}

/** An absolute `https://` URL, normalised. */
export const HttpsUrlSchema = urlSchema('https');

/**
 * Where a site is deployed: an https origin (`https://trust.example.com`), written back with its
 * trailing slash. The sites link to their pages from the root of their host, so a path, query or
 * fragment would break every link.
 */
export const SiteUrlSchema = HttpsUrlSchema.superRefine((href, ctx) => {
  const url = new URL(href);
  if (url.pathname !== '/' || url.search || url.hash) {
    ctx.addIssue(issue(`A site is served from the root of its host, so its address is \`${url.origin}\` alone, not \`${href}\`.`, `Write \`${url.origin}\`, and deploy the site at the root of that host (a host name of its own, such as \`trust.example.com\`).`));
  }
});

/** An absolute URL of a page of a site: `siteUrl(https://trust.example.com/, /controls/)`. */
export const siteUrl = (origin: string, path: string): string => new URL(path, origin).href;
/** Where to reach a person or team: an `https://` page or a `mailto:` address, normalised. */
export const ContactUriSchema = urlSchema('contact');

/** An email address on one line. */
export const EmailSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.email({ error: 'Expected an email address such as `security@example.com`.' }));

/** A path to a file inside the content folder, written relative to it with forward slashes. */
export const ContentPathSchema = LineSchema.superRefine((value, ctx) => {
  if (/^(?:[a-zA-Z]:)?[\\/]/.test(value)) ctx.addIssue(issue(`\`${value}\` is an absolute path.`, 'Give the path relative to the content folder, for example `certificates/iso27001.pdf`.'));
  else if (value.includes('\\')) ctx.addIssue(issue(`\`${value}\` uses backslashes.`, 'Separate folders with `/`, for example `certificates/iso27001.pdf`.'));
});
