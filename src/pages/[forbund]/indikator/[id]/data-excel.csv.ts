import type { APIRoute } from 'astro';
import { getSite, indicatorPagePaths } from '../../../../views/model/site.ts';
import { pageCsv } from '../../../../views/downloads/downloads.ts';

export const getStaticPaths = indicatorPagePaths;

export const GET: APIRoute = ({ params }) => {
  const site = getSite();
  return new Response(pageCsv(site.view(params.forbund as string, params.id as string), site.snapshot, 'excel'), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
};
