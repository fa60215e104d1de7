import type { APIRoute } from 'astro';

/** The handbook is for staff and auditors only: no crawler may index any of it. */
export const GET: APIRoute = () => new Response('User-agent: *\nDisallow: /\n');
