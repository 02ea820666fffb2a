import { comparisonDataPaths } from '../../../views/web/routes.ts';
import type { APIRoute } from 'astro';
import { getSite } from '../../../views/model/site.ts';
import { comparisonCsv } from '../../../views/downloads/downloads.ts';

export const getStaticPaths = comparisonDataPaths;

export const GET: APIRoute = ({ params }) => {
  const site = getSite();
  return new Response(comparisonCsv(site.indicator(params.id as string), site.snapshot, site.config.registry), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
