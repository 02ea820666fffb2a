import type { APIRoute } from 'astro';
import { getSite } from '../../views/model/site.ts';

/** The latest data:build's change log as recorded, for anyone who follows the site by machine. */
export const GET: APIRoute = () => {
  const { snapshot } = getSite();
  const body = { example: snapshot.meta.example, changes: snapshot.changes() };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
};
