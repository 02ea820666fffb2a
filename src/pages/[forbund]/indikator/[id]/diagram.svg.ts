import type { APIRoute } from 'astro';
import { getSite, indicatorPagePaths } from '../../../../views/model/site.ts';
import { chartSvgFile } from '../../../../views/downloads/chart-files.ts';

export const getStaticPaths = indicatorPagePaths;

export const GET: APIRoute = ({ params }) =>
  new Response(chartSvgFile(getSite(), params.forbund as string, params.id as string), {
    headers: { 'content-type': 'image/svg+xml' },
  });
