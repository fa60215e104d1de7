import type { APIRoute } from 'astro';
import { getPublicView, getToday } from '../../lib/site.ts';
import { trustJson } from '../../render/trust-json.ts';
import { publishedJson } from '../../render/json.ts';

export const GET: APIRoute = () => new Response(publishedJson(trustJson(getPublicView(), getToday())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
