import type { APIRoute } from 'astro';
import { getPublicView, getToday } from '../../lib/site.ts';
import { trustJson } from '../../render/trust-json.ts';

export const GET: APIRoute = () => Response.json(trustJson(getPublicView(), getToday()));
