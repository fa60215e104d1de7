/**
 * JSON as published files: `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026`, and the line
 * separators U+2028/U+2029 escaped, so that a value from content stays inert even where a host or
 * a browser mistakes the file for HTML or script.
 */
export const publishedJson = (value: unknown): string =>
  `${JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
