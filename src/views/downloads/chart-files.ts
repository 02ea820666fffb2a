/**
 * The indicator page's first chart as files: a standalone SVG, and a PNG rasterised by sharp. A PNG
 * takes tens of milliseconds in sharp's threads while the page code waits on one core; so the embed
 * page starts each PNG early (`startChartPng`), one at a time in the background, and the PNG route
 * collects it (`takeChartPng`) long after, the rasterising done on the other core meanwhile. The
 * finished PNG waits on disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * Where a finished PNG waits for its route. Held in memory, a national build's 1 300 PNGs of about
 * 100 KB each were the largest thing left at its end, when memory peaks; on disk they cost a write
 * and a read each. The folder is removed when the process exits, built or not.
 */
let waitingRoom: string | undefined;
export function pngWaitingRoom(): string {
  if (waitingRoom !== undefined) return waitingRoom;
  const created = mkdtempSync(join(tmpdir(), 'lagesbild-png-'));
  process.once('exit', () => rmSync(created, { recursive: true, force: true }));
  waitingRoom = created;
  return created;
}

const started = new Map<string, Promise<string>>();
let filesStarted = 0;
/**
 * One PNG at a time: sharp's jobs share libuv's four threads with the build's file writes, and a
 * queue of hundreds would make every write wait behind them.
 */
let queue: Promise<unknown> = Promise.resolve();

export function startChartPng(site: Site, forbundId: string, indicatorId: string): void {
  const key = `${forbundId}/${indicatorId}`;
  if (started.has(key)) return;
  const svg = chartSvgFile(site, forbundId, indicatorId);
  filesStarted += 1;
  const file = join(pngWaitingRoom(), `${filesStarted}.png`);
  const png = queue.then(async () => {
    await writeFile(file, await sharp(Buffer.from(svg), { density: 144 }).png({ compressionLevel: 6 }).toBuffer());
    return file;
  });
  queue = png.catch(() => undefined);
  started.set(key, png);
}

/** The PNG, started now if no embed page started it; forgotten once taken, as no other page needs it. */
export async function takeChartPng(
  site: Site,
  forbundId: string,
  indicatorId: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${forbundId}/${indicatorId}`;
  startChartPng(site, forbundId, indicatorId);
  const waiting = started.get(key) as Promise<string>;
  started.delete(key);
  const file = await waiting;
  const bytes = new Uint8Array(await readFile(file));
  await rm(file);
  return bytes;
}
