import type { APIRoute } from 'astro';
import { forbundIndicators, getSite } from '../../../../lib/site.ts';
import { pageCsv } from '../../../../lib/views/downloads.ts';

export function getStaticPaths() {
  const site = getSite();
  return site.config.forbund.flatMap((forbund) => forbundIndicators(forbund, site.config.indicators).map((indicator) => ({ params: { forbund: forbund.id, id: indicator.id } })));
}

export const GET: APIRoute = ({ params }) => {
  const site = getSite();
  return new Response(pageCsv(site.view(params.forbund as string, params.id as string), site.snapshot, 'excel'), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
