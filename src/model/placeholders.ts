/**
 * Values that `trustbook init` and `trustbook import` write where the content format needs a value
 * that nobody has given yet. Each is chosen to load, to be impossible to mistake for a real value, and
 * to be found again: the `placeholder/*` checks report every one still in the content, so that a
 * placeholder is a to-do, never a published fact.
 */

/** The date written into an evidence item whose collection date the source does not give. */
export const PLACEHOLDER_COLLECTED = '1970-01-01';

/** Domain of the email of a person an import created from a name: `.invalid` never delivers mail (RFC 2606). */
export const PLACEHOLDER_EMAIL_DOMAIN = 'unconfirmed.invalid';

/**
 * Top-level domain of the addresses `trustbook init` writes into the settings. RFC 2606 reserves
 * `.invalid` for names that can never resolve: unlike `.example`, which fictional organisations (the
 * example among them) use for addresses that are meant, it says "replace me".
 */
export const PLACEHOLDER_TLD = 'invalid';

/** Whether an email address is one an import made up. */
export const isPlaceholderEmail = (email: string): boolean => email.toLowerCase().endsWith(`@${PLACEHOLDER_EMAIL_DOMAIN}`);

/** Whether an address (`https://trust.acme.invalid/…`, `mailto:security@acme.invalid`, `trust@acme.invalid`) is on the placeholder domain. */
export function isPlaceholderAddress(address: string): boolean {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(address)?.[1] ?? /@([^@/?#>\s]+)$/.exec(address.replace(/^mailto:/i, '').split('?')[0]!)?.[1];
  if (!host) return false;
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === PLACEHOLDER_TLD || name.endsWith(`.${PLACEHOLDER_TLD}`);
}

/** How `trustbook init` starts the organisation's description, which both sites publish. */
export const PLACEHOLDER_DESCRIPTION_START = 'Replace this:';

/** Whether a description is the one `init` wrote. */
export const isPlaceholderDescription = (text: string): boolean => text.trim().startsWith(PLACEHOLDER_DESCRIPTION_START);
