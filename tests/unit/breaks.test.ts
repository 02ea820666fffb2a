import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { Snapshot } from '../../src/pipeline/snapshot-reader.ts';
import { buildIndicatorPage } from '../../src/views/web/indicator-page.ts';
import { buildIndicatorView } from '../../src/views/model/indicator-view.ts';
import { catalog } from '../../src/views/downloads/catalog.ts';
import type { SeriesBreak } from '../../src/schemas/series-break.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
const snapshot = new Snapshot(join(root, 'data/snapshot'));
const forbund = config.forbund.find((entry) => entry.id === 'umearegionen')!;
const indicator = config.indicators.find((entry) => entry.id === 'bas-slutlig-arbetsloshet')!;

function page(breaks: SeriesBreak[]) {
  const view = buildIndicatorView(snapshot, config.registry, forbund, indicator, { breaks });
  return { view, page: buildIndicatorPage(view, snapshot.meta) };
}

const newRegister: SeriesBreak = {
  indicators: ['bas-slutlig-arbetsloshet'],
  period: '2024',
  label: 'Nytt register',
  description: 'Från 2024 räknas arbetslösheten ur ett nytt register.',
};

describe('breaks in series', () => {
  it('judge a change across a break only while saying so, in the sentence and the table', () => {
    const { view, page: across } = page([newRegister]);
    expect(view.latestPeriod).toBe('2024');
    expect(across.sentence).toContain('Jämförelsen går över ett brott i serien (Nytt register)');
    const verdicts = across.tables[0]!.rows.map((row) => row.cells[1]!.text);
    expect(verdicts.every((text) => text.endsWith('(brott i serien)'))).toBe(true);
    expect(across.caveats.at(-1)).toBe(
      'Brott i serien 2024 (Nytt register): Från 2024 räknas arbetslösheten ur ett nytt register.',
    );
    expect(across.charts[0]!.svg).toContain('>Nytt register</text>');

    const { page: before } = page([{ ...newRegister, period: '2022' }]);
    expect(before.sentence).not.toContain('brott i serien');
    expect(before.tables[0]!.rows.some((row) => row.cells[1]!.text.includes('brott'))).toBe(false);
    expect(before.charts[0]!.svg).toContain('>Nytt register</text>');
  });

  it('concern only the areas a regional break names', () => {
    const { view } = page([{ ...newRegister, regions: ['2460'] }]);
    const across = view.summaries.filter((summary) => summary.acrossBreak).map((summary) => summary.area.id);
    // Vännäs itself, and every area that holds it.
    expect(across).toEqual(expect.arrayContaining(['2460', 'umearegionen']));
    expect(across).not.toContain('2480');
  });

  it('are carried into the catalogue', () => {
    const entries = catalog(config.indicators, snapshot, config.registry, config.breaks).indicators;
    expect(entries.find((entry) => entry.id === 'befolkning-20-64')?.breaks).toEqual([
      expect.objectContaining({ period: '2025', label: 'Cell Key-metoden', regions: null }),
    ]);
    expect(entries.find((entry) => entry.id === 'helarsekvivalenter')?.breaks).toEqual([]);
  });
});
