import type { APIRoute } from 'astro';
import { getSite, indicatorPagePaths } from '../../../../views/model/site.ts';
import { takeChartPng } from '../../../../views/downloads/chart-files.ts';

export const getStaticPaths = indicatorPagePaths;

export const GET: APIRoute = async ({ params }) => {
  const png = await takeChartPng(getSite(), params.forbund as string, params.id as string);
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
