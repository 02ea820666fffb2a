import type { APIRoute } from 'astro';
import { getSite, indicatorPagePaths } from '../../../../views/model/site.ts';
import { standaloneSvg } from '../../../../views/downloads/downloads.ts';
import { buildIndicatorPage } from '../../../../views/web/indicator-page.ts';
import { sourceText } from '../../../../views/text/labels.ts';

export const getStaticPaths = indicatorPagePaths;

export const GET: APIRoute = ({ params }) => {
  const site = getSite();
  const page = buildIndicatorPage(site.view(params.forbund as string, params.id as string), site.snapshot.meta);
  const chart = page.charts[0];
  const file = standaloneSvg(
    chart ?? { svg: '<svg></svg>', title: '', caption: '' },
    sourceText(page.indicator).text,
    site.snapshot.meta.example,
  );
  return new Response(file, {
    headers: { 'content-type': 'image/svg+xml' },
  });
};
