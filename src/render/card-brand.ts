import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CardBrand } from './og-image.ts';
import type { PublicView } from '../view/view.ts';

/** What every card shows of the organisation, from the public view; the logo is inlined as a data URL. */
export function cardBrand(site: PublicView, contentDir: string): CardBrand {
  const org = site.organisation;
  const logo = org.brand.logo;
  const mime = logo?.endsWith('.svg') ? 'image/svg+xml' : 'image/png';
  return {
    name: org.name,
    host: new URL(org.publicUrl).host,
    accent: org.brand.accentColor,
    logo: logo ? `data:${mime};base64,${readFileSync(path.join(contentDir, logo)).toString('base64')}` : undefined,
  };
}
