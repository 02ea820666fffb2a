import type { APIRoute } from 'astro';
import { getSite } from '../../views/model/site.ts';
import { expectedModelsCsv } from '../../views/downloads/expected-files.ts';

export const GET: APIRoute = () => {
  const site = getSite();
  return new Response(expectedModelsCsv(site.config.indicators, site.snapshot, site.config.registry), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
