import type { APIRoute } from 'astro';
import { getInternalView, getToday } from '../../lib/site.ts';
import { evidenceColumns, evidenceRows } from '../../render/evidence-rows.ts';
import { toCsv } from '../../render/csv.ts';

export const GET: APIRoute = () => {
  const rows = evidenceRows(getInternalView(), getToday());
  return new Response(toCsv(evidenceColumns.map((c) => c.header), rows.map((r) => evidenceColumns.map((c) => c.value(r)))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
