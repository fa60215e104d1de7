import type { APIRoute } from 'astro';
import { getPublicView, getToday } from '../../lib/site.ts';
import { badgeSvg } from '../../render/badge.ts';

export const GET: APIRoute = () => new Response(badgeSvg(getPublicView().certifications[0], getToday()), { headers: { 'Content-Type': 'image/svg+xml' } });
