import type { APIRoute } from 'astro';
import schema from '../../render/trust.schema.json' with { type: 'json' };

export const GET: APIRoute = () => new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
