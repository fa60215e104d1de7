import type { APIRoute } from 'astro';
import { getInternalView, getToday } from '../../lib/site.ts';
import { soaRows } from '../../view/soa-rows.ts';
import { soaColumns } from '../../render/soa-columns.ts';
import { toCsv } from '../../render/csv.ts';

export const GET: APIRoute = () => {
  const rows = soaRows(getInternalView(), getToday());
  return new Response(toCsv(soaColumns.map((c) => c.header), rows.map((r) => soaColumns.map((c) => c.value(r)))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
