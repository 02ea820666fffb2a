/**
 * A förbund's chart PNG is rasterised early and waits on disk, not in memory, for its route: a
 * national build's PNGs held in memory were the largest thing left at its end.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { chartSvgFile, pngWaitingRoom, startChartPng, takeChartPng } from '../../src/views/downloads/chart-files.ts';
import { getSite } from '../../src/views/model/site.ts';

const site = getSite(join(import.meta.dirname, '../..'));
const forbundId = site.config.forbund[0]?.id as string;
const indicatorId = 'helarsekvivalenter';

describe('the chart PNG', () => {
  it('waits as a file once rasterised, and the file is gone once the route has taken it', async () => {
    startChartPng(site, forbundId, indicatorId);
    await vi.waitFor(() => expect(readdirSync(pngWaitingRoom())).toHaveLength(1), { timeout: 10_000 });
    const png = await takeChartPng(site, forbundId, indicatorId);
    expect(readdirSync(pngWaitingRoom())).toEqual([]);
    const direct = await sharp(Buffer.from(chartSvgFile(site, forbundId, indicatorId)), { density: 144 })
      .png({ compressionLevel: 6 })
      .toBuffer();
    expect(Buffer.from(png).equals(direct)).toBe(true);
    expect(png.byteLength).toBeGreaterThan(1000);
  });

  it('is made on demand when no embed page started it, and twice if asked twice', async () => {
    const first = await takeChartPng(site, forbundId, indicatorId);
    const second = await takeChartPng(site, forbundId, indicatorId);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(readdirSync(pngWaitingRoom())).toEqual([]);
  });
});
