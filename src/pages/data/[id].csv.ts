import { openDataPaths } from '../../views/web/routes.ts';
import type { APIRoute } from 'astro';
import { getSite } from '../../views/model/site.ts';
import { openDataCsv } from '../../views/downloads/downloads.ts';

export const getStaticPaths = openDataPaths;

export const GET: APIRoute = ({ params }) => {
  const site = getSite();
  return new Response(openDataCsv(site.indicator(params.id as string), site.snapshot, site.config.registry), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
