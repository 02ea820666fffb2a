import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist, page as parse, requireDist, root } from '../helpers/dist.ts';
import { headersFor, launchChromium, serveDist } from '../helpers/browser.ts';
import { getSite } from '../../src/views/model/site.ts';
import { buildIndicatorPage, type ChartBlock } from '../../src/views/web/indicator-page.ts';
import { embedHeight, embedOffer } from '../../src/views/web/embed.ts';

const EMBED = '/inbaddning/umearegionen/helarsekvivalenter/';
const PAGE = '/umearegionen/indikator/helarsekvivalenter/';

let browser: Browser;
const built = getSite(root);
/** The charts of the page the embed shows, as the site built them. */
const charts: ChartBlock[] = buildIndicatorPage(
  built.view('umearegionen', 'helarsekvivalenter'),
  built.snapshot.meta,
).charts;
let site: Server;
let siteOrigin = '';
let framer: Server;
let framerOrigin = '';
let stranger: Server;
let strangerOrigin = '';

/** A website that frames an embed and an ordinary page of the site. */
async function framingSite(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // The code a web editor pastes, with the optional script that fits the frame to its chart.
    if (request.url === '/storlek') {
      response.end(
        `<!doctype html><title>Förbundets webbplats</title>` +
          `<iframe name="storlek" src="${siteOrigin}${EMBED}" title="Diagram" width="100%" ` +
          `height="${embedHeight(charts[0]!)}" style="border:0" data-lagesbild></iframe>` +
          `<script src="${siteOrigin}/inbaddning/storlek.js" async></script>`,
      );
      return;
    }
    response.end(
      `<!doctype html><title>Förbundets webbplats</title>` +
        `<iframe name="inbaddning" src="${siteOrigin}${EMBED}" width="800" height="600"></iframe>` +
        `<iframe name="sida" src="${siteOrigin}${PAGE}" width="800" height="600"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

beforeAll(async () => {
  requireDist();
  ({ server: framer, origin: framerOrigin } = await framingSite());
  ({ server: stranger, origin: strangerOrigin } = await framingSite());
  // The built rules, with the förbund's website (here the first framing server) as the one allowed.
  const rules = readFileSync(join(dist, '_headers'), 'utf8').replace(
    /(\/inbaddning\/\*[\s\S]*frame-ancestors )'none'/,
    `$1${framerOrigin}`,
  );
  ({ server: site, origin: siteOrigin } = await serveDist(dist, rules));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const server of [site, framer, stranger]) server?.close();
});

/** What each frame of a framing page shows: the embed's chart, or nothing (refused). */
async function framed(origin: string): Promise<Record<string, boolean>> {
  const page = await browser.newPage();
  await page.goto(origin);
  await page.waitForLoadState('load');
  const shown: Record<string, boolean> = {};
  for (const name of ['inbaddning', 'sida']) {
    const frame = page.frame({ name });
    shown[name] = frame ? (await frame.locator('figure svg, main h1').count()) > 0 : false;
  }
  await page.close();
  return shown;
}

describe('embeddable charts', () => {
  it('are a chart, its title, source and example mark, and a link to the full page', () => {
    const embed = parse(EMBED);
    expect(embed.querySelector('h1')?.textContent).toMatch(/över tid/);
    expect(embed.querySelectorAll('figure svg').length).toBeGreaterThan(0);
    expect(embed.querySelector('.embed-source')?.textContent).toContain('Källa: SCB');
    expect(embed.querySelector('.embed-mark')?.textContent).toMatch(/Exempeldata/);
    expect(embed.querySelector(`a[href="${PAGE}"]`)?.getAttribute('target')).toBe('_top');
    // One script of the site's own, which only tells the page around it the chart's height.
    expect([...embed.querySelectorAll('script')].every((script) => script.getAttribute('src')?.startsWith('/'))).toBe(
      true,
    );
  });

  it('are offered as code only where it works as pasted: else the page says who must allow the website', () => {
    const section = parse(PAGE).querySelector('.embed-offer');
    expect(section?.querySelector('.embed-code')).toBeNull();
    expect(section?.textContent).toMatch(
      /under embedOrigins och Lägesbilds egen adress under url i filen data\/config\/site\.json/,
    );
    const configured = { url: 'https://lagesbild.exempel.se/', embedOrigins: ['https://www.forbundet.se'] };
    const offer = embedOffer(configured, EMBED, charts);
    if (offer.kind !== 'code') throw new Error('ingen kod');
    // Absolute addresses, one per chart that exists, the trend without a fragment.
    expect(offer.items.map((item) => /src="([^"]*)"/.exec(item.code)?.[1])).toEqual([
      `https://lagesbild.exempel.se${EMBED}`,
      `https://lagesbild.exempel.se${EMBED}#jamforelse`,
      `https://lagesbild.exempel.se${EMBED}#riket`,
      `https://lagesbild.exempel.se${EMBED}#uppdelning-benefit`,
      `https://lagesbild.exempel.se${EMBED}#kon`,
    ]);
    expect(offer.items[0]?.code).toContain('<script src="https://lagesbild.exempel.se/inbaddning/storlek.js" async>');
    const empty = { ...charts[3]!, svg: '' };
    const offered = embedOffer(configured, EMBED, [...charts.slice(0, 3), empty]);
    expect(offered.kind === 'code' && offered.items.length).toBe(3);
  });

  it('suggest a height that holds each chart in a phone-wide frame, and the optional script fits it exactly', async () => {
    const heights = charts.map((chart) => embedHeight(chart));
    for (const width of [320, 400, 800]) {
      const page = await browser.newPage({ viewport: { width, height: 400 } });
      for (const [index, chart] of charts.entries()) {
        await page.goto(`${siteOrigin}${EMBED}${index === 0 ? '' : `#${chart.id}`}`);
        const needed = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(needed, `${chart.id} vid ${width} px`).toBeLessThanOrEqual(heights[index]!);
      }
      await page.close();
    }
    const host = await browser.newPage({ viewport: { width: 400, height: 800 } });
    await host.goto(`${framerOrigin}/storlek`);
    const frame = host.locator('iframe[data-lagesbild]');
    await expect
      .poll(async () => Number((await frame.evaluate((element) => getComputedStyle(element).height)).replace('px', '')))
      .toBeLessThan(heights[0]!);
    const inner = host.frame({ name: 'storlek' });
    const content = await inner!.evaluate(() => document.documentElement.scrollHeight);
    const shown = await frame.evaluate((element) => element.getBoundingClientRect().height);
    expect(Math.abs(shown - content)).toBeLessThanOrEqual(2);
    await host.close();
  });

  it('may be framed by the configured website only, and no other page may be framed at all', async () => {
    expect(await framed(framerOrigin)).toEqual({ inbaddning: true, sida: false });
    expect(await framed(strangerOrigin)).toEqual({ inbaddning: false, sida: false });
    const shipped = readFileSync(join(dist, '_headers'), 'utf8');
    // The shipped configuration names no website yet: nobody may frame anything.
    expect(headersFor(shipped, EMBED)['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headersFor(shipped, PAGE)['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('show one chart each: the trend by default, any other of the page by its fragment', async () => {
    const page = await browser.newPage();
    const visible = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('figure')]
          .filter((figure) => figure.offsetHeight > 0)
          .map((figure) => figure.id),
      );
    await page.goto(`${siteOrigin}${EMBED}`);
    expect(await visible()).toEqual(['tidsserie']);
    await page.goto(`${siteOrigin}${EMBED}#jamforelse`);
    expect(await visible()).toEqual(['jamforelse']);
    await page.close();
  });

  it('fit a phone-wide frame without overflow', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(`${siteOrigin}${EMBED}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
