import type { APIRoute } from 'astro';
import { getPublicView, getToday } from '../../../lib/site.ts';
import { securityTxt } from '../../../model/security-txt.ts';

export const GET: APIRoute = () => new Response(securityTxt(getPublicView().organisation, getToday()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
