/** The updates as an Atom feed (RFC 4287) that customers can subscribe to. */
import type { APIRoute } from 'astro';
import { marked } from 'marked';
import { getPublicView, getToday } from '../../../lib/site.ts';
import { updatePath } from '../../../view/urls.ts';

const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export const GET: APIRoute = async () => {
  const site = getPublicView();
  const base = site.organisation.publicUrl.replace(/\/$/, '');
  const updated = site.updates[0]?.date ?? getToday();
  const entries = await Promise.all(
    site.updates.map(
      async (u) => `  <entry>
    <id>${escape(`${base}${updatePath(u.id)}`)}</id>
    <title>${escape(u.title)}</title>
    <updated>${u.date}T00:00:00Z</updated>
    <link rel="alternate" type="text/html" href="${escape(`${base}${updatePath(u.id)}`)}"/>
    <category term="${u.kind}"/>
    <content type="html">${escape(await marked.parse(u.body))}</content>
  </entry>`,
    ),
  );
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(`${base}/updates/`)}</id>
  <title>${escape(`${site.organisation.name} Trust Center updates`)}</title>
  <updated>${updated}T00:00:00Z</updated>
  <author><name>${escape(site.organisation.legalName)}</name><email>${escape(site.organisation.contact.email)}</email></author>
  <link rel="self" type="application/atom+xml" href="${escape(`${base}/updates/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${escape(`${base}/updates/`)}"/>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
