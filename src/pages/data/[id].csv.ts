import type { APIRoute } from 'astro';
import { getSite } from '../../views/model/site.ts';
import { openDataCsv } from '../../views/downloads/downloads.ts';

export function getStaticPaths() {
  return getSite().config.indicators.map((indicator) => ({ params: { id: indicator.id } }));
}

export const GET: APIRoute = ({ params }) => {
  const site = getSite();
  return new Response(openDataCsv(site.indicator(params.id as string), site.snapshot, site.config.registry), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
