/**
 * Pages as their readers hold them: a board member's 1366×768 laptop must show every column of
 * the tables people came for, and a 390 px phone must show each row as a card with nothing
 * scrolling sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from '../helpers/browser.ts';

const INDICATOR_PAGES = [
  '/umearegionen/indikator/helarsekvivalenter/',
  '/umearegionen/indikator/kaa-utan-sysselsattning/',
  '/uppsala-lan/indikator/bas-arbetskraftsdeltagande/',
  '/uppsala-lan/indikator/befolkning-20-64/',
];
const TABLE_PAGES = [
  ...INDICATOR_PAGES,
  '/umearegionen/',
  '/uppsala-lan/',
  '/kommun/2460/',
  '/kommun/0380/',
  '/data/',
  '/umearegionen/initiativ/',
  '/umearegionen/initiativ/01/',
];

const session = browserSession();

async function open(path: string, width: number, height: number): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width, height } });
  await page.goto(`${session.origin}${path}`);
  return page;
}

describe('at 1366×768', () => {
  it.each(INDICATOR_PAGES)('%s shows the change and verdict columns without scrolling sideways', async (path) => {
    const page = await open(path, 1366, 768);
    const edges = await page.$$eval('main table thead th', (cells) =>
      cells
        .filter((cell) => /^(Förändring|Bedömning)/.test(cell.textContent ?? ''))
        .map((cell) => cell.getBoundingClientRect().right),
    );
    await page.close();
    expect(edges).toHaveLength(2);
    for (const right of edges) expect(right).toBeLessThanOrEqual(1366);
  });

  it.each(TABLE_PAGES)('%s fits every table in its column', async (path) => {
    const page = await open(path, 1366, 768);
    const overflowing = await page.$$eval('.table-scroll', (boxes) =>
      boxes
        .filter((box) => box.scrollWidth > box.clientWidth + 1)
        .map((box) => `${box.getAttribute('aria-label')}: ${box.scrollWidth} > ${box.clientWidth}`),
    );
    await page.close();
    expect(overflowing).toEqual([]);
  });
});

describe('on a 390×844 phone', () => {
  it.each(TABLE_PAGES)('%s shows each table row as a card, with nothing wider than the screen', async (path) => {
    const page = await open(path, 390, 844);
    const { pageWidth, rowDisplays, labelled } = await page.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      rowDisplays: [
        ...new Set([...document.querySelectorAll('main tbody tr')].map((row) => getComputedStyle(row).display)),
      ],
      // Every value cell says which column it belongs to, since the headings row is hidden.
      labelled: [...document.querySelectorAll('main tbody td')].every((cell) => cell.hasAttribute('data-label')),
    }));
    await page.close();
    expect(pageWidth).toBeLessThanOrEqual(390);
    expect(rowDisplays).toEqual(['block']);
    expect(labelled).toBe(true);
  });

  it('offers a deck’s reader the profile, since the slide is made for a large screen', async () => {
    for (const [width, height, shown] of [
      [390, 844, true],
      [1366, 768, false],
    ] as const) {
      const page = await open('/dialog/2460/', width, height);
      const link = page.getByRole('link', { name: 'Till kommunprofilen för Vännäs' });
      expect(await page.locator('.deck-phone-note').isVisible(), `${width}`).toBe(shown);
      // On a large screen the link waits above the window until a keyboard reaches it.
      const box = (await link.boundingBox())!;
      expect(box.y >= 0 && box.y + box.height <= height, `${width}`).toBe(shown);
      await page.close();
    }
  });

  it('keeps the example banner to its title and link, about two lines', async () => {
    const page = await open('/umearegionen/', 390, 844);
    const banner = await page.locator('.example-banner').evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      text: (element as HTMLElement).innerText,
    }));
    await page.close();
    expect(banner.text).toContain('Vad betyder det?');
    expect(banner.text).not.toContain('TAB3200');
    expect(banner.height).toBeLessThanOrEqual(90);
  });

  it.each([...INDICATOR_PAGES, '/kommun/2460/', '/umearegionen/initiativ/01/'])(
    '%s sets no chart text below 12 CSS px',
    async (path) => {
      const page = await open(path, 390, 844);
      const sizes = await page.$$eval('main svg.chart', (charts) =>
        charts
          .filter((chart) => chart.getBoundingClientRect().width > 0)
          .flatMap((chart) => {
            const svg = chart as SVGSVGElement;
            // Text is set in the SVG's own units; on screen it scales with the picture.
            const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal?.width || svg.width.baseVal.value);
            return [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
          }),
      );
      await page.close();
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    },
  );
});
