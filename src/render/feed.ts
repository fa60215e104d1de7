/** The updates as an Atom feed (RFC 4287), written by the `feed` library from the public view. */
import { Feed } from 'feed';
import { toHtml } from 'hast-util-to-html';
import { updatePath } from '../view/urls.ts';
import type { PublicView } from '../view/view.ts';
import { renderMarkdown } from './markdown.ts';

/** Plain text as HTML, for the feed's titles: the library marks them `type="html"`, so `<` must be escaped. */
const asHtml = (text: string) => toHtml({ type: 'text', value: text });

export function atomFeed(site: PublicView, today: string): string {
  const base = site.organisation.publicUrl;
  const url = (path: string) => new URL(path, base).href;
  const updated = site.updates[0]?.date ?? today;
  const feed = new Feed({
    id: url('/updates/'),
    title: `${site.organisation.name} Trust Center updates`,
    link: url('/updates/'),
    updated: new Date(`${updated}T00:00:00Z`),
    generator: 'Trustbook',
    copyright: `© ${site.organisation.legalName}`,
    author: { name: site.organisation.legalName, email: site.organisation.contact.email },
    feedLinks: { atom: url('/updates/feed.xml') },
  });
  for (const u of site.updates) {
    feed.addItem({
      id: url(updatePath(u.id)),
      title: asHtml(u.title),
      link: url(updatePath(u.id)),
      date: new Date(`${u.date}T00:00:00Z`),
      content: renderMarkdown(u.body, { idPrefix: `${u.id}_` }).html,
      category: [{ term: u.kind }],
    });
  }
  return feed.atom1();
}
