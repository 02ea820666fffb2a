import type { APIRoute } from 'astro';
import { getSite } from '../../views/model/site.ts';
import { expectedValuesCsv } from '../../views/downloads/expected-files.ts';

export const GET: APIRoute = () => {
  const site = getSite();
  return new Response(expectedValuesCsv(site.config.indicators, site.snapshot, site.config.registry), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
