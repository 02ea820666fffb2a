/**
 * Any kommun added to an indicator page's trend chart and table by the reader, from the page's own
 * open data: by keyboard, under the site's CSP, passing axe, and with the values the CSV holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { dist } from '../helpers/dist.ts';
import { browserSession } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/gates.ts';
import type { LineValues } from '../../src/client/chart-values.ts';

const session = browserSession();
const PAGE = '/umearegionen/indikator/bas-arbetsloshet/';

/** Lycksele's yearly total for 20–64 from the open-data CSV, read here without the page's script. */
function lyckseleFromCsv(): Map<string, string> {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(dist, 'data/bas-arbetsloshet.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return new Map(
    rows
      .filter((row) => row['region_code'] === '2481' && row['sex'] === 'total' && row['age'] === '20-64')
      .map((row) => [row['period']!, row['value']!]),
  );
}

async function addByKeyboard(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.locator('form.compare-kommun').isVisible()).toBe(true);
  await page.getByLabel('Jämför med en annan kommun').focus();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('form.compare-kommun [role="status"]').textContent()).toMatch(/är tillagd/);
}

describe('comparing with any kommun', () => {
  it('adds Lycksele to every size of the trend chart and to the table by keyboard, and takes it away again', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    const asked: string[] = [];
    page.on('request', (request) => request.url().includes('.csv') && asked.push(new URL(request.url()).pathname));
    await page.goto(`${session.origin}${PAGE}`);
    const form = page.locator('form.compare-kommun');
    await addByKeyboard(page, 'lycksele');
    // Both the wide and the narrow chart get the line, labelled at its end.
    expect(await page.locator('#tidsserie g.compared-kommun').count()).toBe(2);
    expect(await page.locator('#tidsserie g.compared-kommun text').first().textContent()).toBe('Lycksele');
    const d = await page.locator('#tidsserie .chart-wide g.compared-kommun path').getAttribute('d');
    expect(d?.match(/[ML]/g)?.length).toBeGreaterThan(3);
    // The row holds the CSV's values, written as the table writes them.
    const row = page.locator('main table.data-table tr.compared-kommun');
    const headings = await page.locator('main table.data-table thead th').allTextContents();
    const cells = await row.locator('td').allTextContents();
    const csv = lyckseleFromCsv();
    let checked = 0;
    headings.slice(1).forEach((heading, index) => {
      const value = csv.get(heading.trim());
      if (value === undefined || value === '') return;
      expect(cells[index]).toMatch(new RegExp(`^${Number(value).toFixed(1).replace('.', ',')}\u00a0%\\*?$`));
      checked++;
    });
    expect(checked).toBeGreaterThan(3);
    expect(
      await axeViolations(session.browser, `${session.origin}${PAGE}`, (ready) => addByKeyboard(ready, 'Lycksele')),
    ).toEqual([]);
    await row.getByRole('button', { name: 'Ta bort Lycksele' }).press('Enter');
    expect(await page.locator('[data-compared]').count()).toBe(0);
    expect(await form.locator('[role="status"]').textContent()).toBe('Lycksele är borttagen.');
    expect(errors).toEqual([]);
    // One small file of every kommun's headline series, asked once, not the full open data.
    expect(asked).toEqual(['/data/jamforelse/bas-arbetsloshet.csv']);
    await page.close();
  });

  it('names an added kommun and its value under the pointer, as for the lines drawn at build, until removed', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${session.origin}${PAGE}`);
    await addByKeyboard(page, 'Lycksele');
    const chart = '#tidsserie .chart-wide';
    const read = async () => JSON.parse((await page.getAttribute(`${chart} svg`, 'data-values')) ?? '') as LineValues;
    const values = await read();
    const index = values.lines.findIndex((line) => line.compared === '2481');
    const lycksele = values.lines[index]!;
    expect(lycksele.name).toBe('Lycksele');
    // Its text is the CSV's value with the chart's decimals, sv-SE, as the other lines write theirs.
    const csv = lyckseleFromCsv();
    values.years.forEach((year, at) => {
      const value = csv.get(String(year));
      expect(lycksele.text[at]).toBe(value ? Number(value).toFixed(values.decimals).replace('.', ',') : null);
    });
    // The year where Lycksele stands furthest from every other line: the pointer cannot mean another.
    const apart = (at: number) =>
      Math.min(
        ...values.lines
          .filter((_, other) => other !== index)
          .map((line) => Math.abs((line.y[at] ?? 1e9) - lycksele.y[at]!)),
      );
    const year = values.years
      .map((_, at) => at)
      .filter((at) => lycksele.y[at] !== null)
      .sort((a, b) => apart(b) - apart(a))[0]!;
    await page.locator(`${chart} svg`).scrollIntoViewIfNeeded();
    const box = (await page.locator(`${chart} svg`).boundingBox())!;
    const scale = box.width / Number((await page.getAttribute(`${chart} svg`, 'viewBox'))?.split(' ')[2]);
    await page.mouse.move(box.x + values.x[year]! * scale, box.y + lycksele.y[year]! * scale);
    await expect
      .poll(() => page.locator(`${chart} .chart-tip`).textContent())
      .toBe(`Lycksele ${values.years[year]}: ${lycksele.text[year]}`);
    await page.locator('main table.data-table tr.compared-kommun').getByRole('button').click();
    expect((await read()).lines.some((line) => line.compared !== undefined)).toBe(false);
    expect((await read()).lines).toHaveLength(values.lines.length - 1);
    // The same spot now names a line of the chart's own.
    await page.locator(`${chart} svg`).scrollIntoViewIfNeeded();
    const moved = (await page.locator(`${chart} svg`).boundingBox())!;
    await page.mouse.move(moved.x + values.x[year]! * scale, moved.y + lycksele.y[year]! * scale);
    await expect.poll(() => page.locator(`${chart} .chart-tip`).isVisible()).toBe(true);
    expect(await page.locator(`${chart} .chart-tip`).textContent()).not.toContain('Lycksele');
    await page.close();
  });

  it('says so when no kommun has the name, and offers nothing for a count', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${session.origin}${PAGE}`);
    await page.getByLabel('Jämför med en annan kommun').fill('Atlantis');
    await page.getByRole('button', { name: 'Lägg till' }).click();
    await expect
      .poll(() => page.locator('form.compare-kommun [role="status"]').textContent())
      .toBe('Hittar ingen kommun som heter ”Atlantis”.');
    expect(await page.locator('[data-compared]').count()).toBe(0);
    await page.goto(`${session.origin}/umearegionen/indikator/aktivitetsersattning-kartlaggning/`);
    expect(await page.locator('form.compare-kommun').count()).toBe(0);
    await page.close();
  });
});
