import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist, page as parse, requireDist } from '../helpers/dist.ts';
import { headersFor, launchChromium, serveDist } from '../helpers/browser.ts';

const EMBED = '/inbaddning/umearegionen/helarsekvivalenter/';
const PAGE = '/umearegionen/indikator/helarsekvivalenter/';

let browser: Browser;
let site: Server;
let siteOrigin = '';
let framer: Server;
let framerOrigin = '';
let stranger: Server;
let strangerOrigin = '';

/** A website that frames an embed and an ordinary page of the site. */
async function framingSite(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
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
  it('are a chart, its title, source and example mark, and a link to the full page, with no script', () => {
    const embed = parse(EMBED);
    expect(embed.querySelector('h1')?.textContent).toMatch(/över tid/);
    expect(embed.querySelectorAll('figure svg').length).toBeGreaterThan(0);
    expect(embed.querySelector('.embed-source')?.textContent).toContain('Källa: SCB');
    expect(embed.querySelector('.embed-mark')?.textContent).toMatch(/Exempeldata/);
    expect(embed.querySelector(`a[href="${PAGE}"]`)?.getAttribute('target')).toBe('_top');
    expect(embed.querySelectorAll('script').length).toBe(0);
  });

  it('are offered on the indicator page as code to paste', () => {
    const codes = [...parse(PAGE).querySelectorAll('.embed-code')].map((code) => code.textContent ?? '');
    expect(codes[0]).toContain(`<iframe src="${EMBED}"`);
    expect(codes.slice(1).map((code) => /src="([^"]*)"/.exec(code)?.[1])).toEqual([
      `${EMBED}#jamforelse`,
      `${EMBED}#uppdelning-benefit`,
      `${EMBED}#kon`,
    ]);
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
