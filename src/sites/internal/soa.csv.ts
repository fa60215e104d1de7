import type { APIRoute } from 'astro';
import { getInternalView, getToday } from '../../lib/site.ts';
import { soaColumns, soaRows } from '../../render/soa-rows.ts';
import { toCsv } from '../../render/csv.ts';

export const GET: APIRoute = () => {
  const rows = soaRows(getInternalView(), getToday());
  return new Response(toCsv(soaColumns.map((c) => c.header), rows.map((r) => soaColumns.map((c) => c.value(r)))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
