import type { APIRoute } from 'astro';
import { getSite } from '../../lib/site.ts';
import { catalog } from '../../lib/views/catalog.ts';

export const GET: APIRoute = () => {
  const site = getSite();
  return new Response(`${JSON.stringify(catalog(site.config.indicators, site.snapshot), null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
};
