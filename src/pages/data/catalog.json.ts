import type { APIRoute } from 'astro';
import { getSite } from '../../views/model/site.ts';
import { catalog } from '../../views/downloads/catalog.ts';

export const GET: APIRoute = () => {
  const site = getSite();
  return new Response(`${JSON.stringify(catalog(site.config.indicators, site.snapshot, site.config.registry, site.config.breaks), null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
};
