/**
 * Old addresses that must keep working: every ISO/IEC 27001:2013 control ID lands on the
 * 2022 control that replaced it, and every alias of a renamed policy or answer on its page.
 */
import { controls2013 } from '../model/catalog.ts';
import { answerPath, controlPath, policyPath } from './urls.ts';
import type { PublicView } from './view.ts';

export function publicRedirects(site: PublicView): Record<string, string> {
  const redirects: Record<string, string> = {};
  // A.18.2.3 split into A.5.36 and A.8.8: the first successor is where it lands; both pages name it.
  for (const [old, successors] of Object.entries(controls2013)) redirects[controlPath(old)] = controlPath(successors[0]!);
  for (const p of site.policies) for (const alias of p.aliases) redirects[policyPath(alias)] = policyPath(p.id);
  for (const a of site.answers) for (const alias of a.aliases) redirects[answerPath(alias)] = answerPath(a.id);
  return redirects;
}

/** The redirects in the `_redirects` format that Netlify, Cloudflare Pages and others read. */
export const redirectsFile = (redirects: Record<string, string>): string =>
  Object.entries(redirects)
    .map(([from, to]) => `${from} ${to} 301`)
    .join('\n')
    .concat('\n');
