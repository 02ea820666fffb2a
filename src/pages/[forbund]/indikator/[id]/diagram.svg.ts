import type { APIRoute } from 'astro';
import { forbundIndicators, getSite } from '../../../../lib/site.ts';
import { standaloneSvg } from '../../../../lib/views/downloads.ts';
import { buildIndicatorPage } from '../../../../lib/views/indicator-page.ts';

export function getStaticPaths() {
  const site = getSite();
  return site.config.forbund.flatMap((forbund) => forbundIndicators(forbund, site.config.indicators).map((indicator) => ({ params: { forbund: forbund.id, id: indicator.id } })));
}

export const GET: APIRoute = ({ params }) => {
  const site = getSite();
  const page = buildIndicatorPage(site.view(params.forbund as string, params.id as string), site.snapshot.meta);
  const chart = page.charts[0];
  return new Response(standaloneSvg(chart?.svg ?? '<svg></svg>', `${chart?.title ?? ''}. ${chart?.caption ?? ''}`), { headers: { 'content-type': 'image/svg+xml' } });
};
