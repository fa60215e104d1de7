/** sitemap.xml (sitemaps.org 0.9), written with an XML builder so that every URL is escaped. */
import { create } from 'xmlbuilder2';

export function sitemapXml(base: string, paths: readonly string[]): string {
  const urlset = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.sitemaps.org/schemas/sitemap/0.9', 'urlset');
  for (const path of paths) urlset.ele('url').ele('loc').txt(new URL(path, base).href);
  return `${urlset.end({ prettyPrint: true })}\n`;
}
