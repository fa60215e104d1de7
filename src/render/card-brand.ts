import type { CardBrand } from './og-image.ts';
import type { PublicView, PublishedFile } from '../view/view.ts';
import { logoPath } from '../view/urls.ts';
import { logoPng } from './logo.ts';

/** What every card shows of the organisation, from the public view and the files it publishes; the logo is inlined as a PNG data URL. */
export function cardBrand(site: PublicView, files: readonly PublishedFile[]): CardBrand {
  const org = site.organisation;
  const logo = files.find((f) => f.url === logoPath)?.source;
  return {
    name: org.name,
    host: new URL(org.publicUrl).host,
    accent: org.brand.accentColor,
    logo: logo ? `data:image/png;base64,${logoPng(logo).toString('base64')}` : undefined,
  };
}
