import type { CardBrand } from './og-image.ts';
import { publishedFiles, type PublicView } from '../view/view.ts';
import { logoPath } from '../view/urls.ts';
import { logoPng } from './logo.ts';

/** What every card shows of the organisation, from the public view; the logo is inlined as a PNG data URL. */
export function cardBrand(site: PublicView): CardBrand {
  const org = site.organisation;
  const logo = publishedFiles(site).find((f) => f.url === logoPath)?.source;
  return {
    name: org.name,
    host: new URL(org.publicUrl).host,
    accent: org.brand.accentColor,
    logo: logo ? `data:image/png;base64,${logoPng(logo).toString('base64')}` : undefined,
  };
}
