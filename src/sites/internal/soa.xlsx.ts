import type { APIRoute } from 'astro';
import { getInternalView, getToday } from '../../lib/site.ts';
import { soaRows } from '../../view/soa-rows.ts';
import { soaColumns } from '../../render/soa-columns.ts';
import { toXlsx } from '../../render/xlsx.ts';

export const GET: APIRoute = async () =>
  new Response(await toXlsx('Statement of Applicability', soaColumns, soaRows(getInternalView(), getToday()), getToday()), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
