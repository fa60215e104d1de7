/** The updates as an Atom feed (RFC 4287) that customers can subscribe to. */
import type { APIRoute } from 'astro';
import { getPublicView, getToday } from '../../../lib/site.ts';
import { atomFeed } from '../../../render/feed.ts';

export const GET: APIRoute = () => new Response(atomFeed(getPublicView(), getToday()), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
