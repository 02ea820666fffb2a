import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LineValues } from '../../src/charts/line-chart.ts';
import { browserSession } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/gates.ts';

const PAGE = '/umearegionen/indikator/ohalsotal/';
const CHART = '#tidsserie .chart-wide';

const session = browserSession();

async function open(width = 1366, height = 768): Promise<{ page: Page; values: LineValues }> {
  const page = await session.browser.newPage({ viewport: { width, height } });
  await page.goto(`${session.origin}${PAGE}`);
  await page.waitForSelector(`${CHART}.has-values`);
  const values = JSON.parse((await page.getAttribute(`${CHART} svg`, 'data-values')) ?? '') as LineValues;
  return { page, values };
}

const said = (page: Page) => page.locator(`${CHART} [aria-live]`).textContent();
const tip = (page: Page) => page.locator(`${CHART} .chart-tip`);

/** "Vännäs 2024: 23,4": a line's name, its year and its value as the table prints it. */
function reading(values: LineValues, line: number, year: number): string {
  const entry = values.lines[line]!;
  return `${entry.name} ${values.years[year]}: ${entry.text[year]}`;
}

describe('a time-series chart tells the value under focus and pointer', () => {
  it('walks years and lines by keyboard, and says each value aloud', async () => {
    const { page, values } = await open();
    expect(values.lines.length).toBeGreaterThan(3);
    const last = values.lines[0]!.y.findLastIndex((y) => y !== null);
    await page.focus(CHART);
    // Focus lands on the subject's latest value.
    expect(await said(page)).toBe(reading(values, 0, last));
    await expect.poll(() => tip(page).isVisible()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    const before = values.lines[0]!.y.slice(0, last).findLastIndex((y) => y !== null);
    expect(await said(page)).toBe(reading(values, 0, before));
    // Down moves to the line drawn nearest below at the same year.
    await page.keyboard.press('ArrowDown');
    const here = values.lines[0]!.y[before]!;
    const below = values.lines
      .map((line, index) => ({ index, y: line.y[before] }))
      .filter((entry) => entry.index !== 0 && entry.y != null && entry.y >= here)
      .sort((a, b) => a.y! - here - (b.y! - here))[0];
    if (below) expect(await said(page)).toBe(reading(values, below.index, before));
    await page.keyboard.press('Escape');
    expect(await tip(page).isVisible()).toBe(false);
    await page.close();
  });

  it('shows the nearest line and year under the pointer, and hides when it leaves', async () => {
    const { page, values } = await open();
    await page.locator(`${CHART} svg`).scrollIntoViewIfNeeded();
    expect(await tip(page).isVisible()).toBe(false);
    const box = (await page.locator(`${CHART} svg`).boundingBox())!;
    const width = Number((await page.getAttribute(`${CHART} svg`, 'viewBox'))?.split(' ')[2]);
    const scale = box.width / width;
    const line = values.lines.length - 1;
    const year = values.lines[line]!.y.findIndex((y) => y !== null);
    await page.mouse.move(box.x + values.x[year]! * scale, box.y + values.lines[line]!.y[year]! * scale);
    await expect.poll(() => tip(page).textContent()).toBe(reading(values, line, year));
    // The tip stays inside the chart's box, readable.
    const shown = (await tip(page).boundingBox())!;
    expect(shown.x).toBeGreaterThanOrEqual(box.x - 1);
    expect(shown.x + shown.width).toBeLessThanOrEqual(box.x + box.width + 1);
    await page.mouse.move(0, 0);
    await expect.poll(() => tip(page).isVisible()).toBe(false);
    await page.close();
  });

  it('passes axe while a value is shown', async () => {
    const focused = async (page: Page) => {
      await page.waitForSelector('.has-values');
      await page.focus('.has-values:visible');
    };
    expect(await axeViolations(session.browser, `${session.origin}${PAGE}`, focused)).toEqual([]);
  });
});
