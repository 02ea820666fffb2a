/**
 * The indicator page's first chart as files: a standalone SVG, and a PNG rasterised by sharp. A PNG
 * takes tens of milliseconds in sharp's threads while the page code waits on one core; so the embed
 * page starts each PNG early (`startChartPng`), one at a time in the background, and the PNG route
 * collects it (`takeChartPng`) long after, the rasterising done on the other core meanwhile.
 */
import sharp from 'sharp';
import type { Site } from '../model/site.ts';
import { sourceText } from '../text/labels.ts';
import { buildIndicatorPage } from '../web/indicator-page.ts';
import { standaloneSvg } from './downloads.ts';

export function chartSvgFile(site: Site, forbundId: string, indicatorId: string): string {
  const page = buildIndicatorPage(site.view(forbundId, indicatorId), site.snapshot.meta);
  return standaloneSvg(
    page.charts[0] ?? { svg: '<svg></svg>', title: '', caption: '' },
    sourceText(page.indicator).text,
    site.snapshot.meta.example,
  );
}

const started = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
/**
 * One PNG at a time: sharp's jobs share libuv's four threads with the build's file writes, and a
 * queue of hundreds would make every write wait behind them.
 */
let queue: Promise<unknown> = Promise.resolve();

export function startChartPng(site: Site, forbundId: string, indicatorId: string): void {
  const key = `${forbundId}/${indicatorId}`;
  if (started.has(key)) return;
  const svg = chartSvgFile(site, forbundId, indicatorId);
  const png = queue.then(async () => {
    const buffer = await sharp(Buffer.from(svg), { density: 144 }).png({ compressionLevel: 6 }).toBuffer();
    return new Uint8Array(buffer);
  });
  queue = png.catch(() => undefined);
  started.set(key, png);
}

/** The PNG, started now if no embed page started it; forgotten once taken, as no other page needs it. */
export function takeChartPng(site: Site, forbundId: string, indicatorId: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${forbundId}/${indicatorId}`;
  startChartPng(site, forbundId, indicatorId);
  const png = started.get(key) as Promise<Uint8Array<ArrayBuffer>>;
  started.delete(key);
  return png;
}
