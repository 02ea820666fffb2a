/**
 * A count is never compared or ranked across kommuner of different size; its rate per 1 000 of the
 * age group is, beside it. The catalogue ties the two, and the count's page shows the rate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndicatorCatalogueSchema } from '../../src/schemas/indicator.ts';
import { buildIndicatorView } from '../../src/views/model/indicator-view.ts';
import { getSite } from '../../src/views/model/site.ts';
import { buildIndicatorPage } from '../../src/views/web/indicator-page.ts';
import { keyMessages } from '../../src/views/web/key-messages.ts';

const root = join(import.meta.dirname, '../..');
const catalogue = JSON.parse(readFileSync(join(root, 'data/config/indicators.json'), 'utf8')) as Record<
  string,
  unknown
>[];
const site = getSite(root);

describe('a count and its rate per 1 000', () => {
  it('are tied in the catalogue only where the rate divides that very count', () => {
    expect(IndicatorCatalogueSchema.safeParse(catalogue).success).toBe(true);
    const withRate = (id: string, rate: string) =>
      catalogue.map((entry) => (entry.id === id ? { ...entry, rate } : entry));
    const wrong = [
      withRate('kaa-utan-sysselsattning', 'finns-inte'),
      // A rate of another count.
      withRate('kaa-utan-sysselsattning', 'aktivitetsersattning-kartlaggning-per-1000'),
      // A share is no count.
      withRate('ohalsotal', 'kaa-utan-sysselsattning-per-1000'),
    ];
    for (const entries of wrong) {
      const result = IndicatorCatalogueSchema.safeParse(entries);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/ingen kvot med antalet/);
    }
  });

  it('shows the rate beside the count in the table, and ranks by it in the comparison chart', () => {
    const view = site.view('uppsala-lan', 'kaa-utan-sysselsattning');
    const rate = site.view('uppsala-lan', 'kaa-utan-sysselsattning-per-1000');
    expect(view.rate).toBe(rate);
    const page = buildIndicatorPage(view, site.snapshot.meta);
    const [table] = page.tables;
    const rateColumn = table!.columns.findIndex((heading) => heading.startsWith('Per 1\u00a0000'));
    expect(rateColumn).toBeGreaterThan(0);
    const rankColumn = table!.columns.findIndex((heading) => heading.startsWith('Placering'));
    let checked = 0;
    for (const row of table!.rows) {
      const summary = rate.summaries.find((entry) => row.header.text === entry.area.name);
      if (!summary?.latest?.value) continue;
      expect(row.cells[rateColumn - 1]?.text).toBe(summary.latest.value.toFixed(1).replace('.', ','));
      // The count's rank is its rate's: Uppsala's members all report 5 or more.
      expect(row.cells[rankColumn - 1]?.text).toBe(`${summary.rank} av ${rate.rankedMembers}`);
      checked++;
    }
    expect(checked).toBe(view.areas.members.length);
    const comparison = page.charts.find((chart) => chart.id === 'jamforelse');
    expect(comparison?.title).toContain('per 1\u00a0000');
    expect(comparison?.caption).toMatch(/^(Bäst|Lägst)/);
    expect(page.facts.find((fact) => fact.term === 'Jämför kommunerna')?.url).toBe(
      '/uppsala-lan/indikator/kaa-utan-sysselsattning-per-1000/',
    );
  });

  it('leaves a count without a rate unranked', () => {
    const page = buildIndicatorPage(site.view('uppsala-lan', 'befolkning-20-64'), site.snapshot.meta);
    const [table] = page.tables;
    expect(table!.columns.some((heading) => heading.startsWith('Per 1\u00a0000'))).toBe(false);
    const rankColumn = table!.columns.findIndex((heading) => heading.startsWith('Placering'));
    expect(table!.rows.every((row) => row.cells[rankColumn - 1]?.text === '')).toBe(true);
  });

  it('sets the members side by side by the rate in the förbund page’s glance, where the förbund has no figure', () => {
    const { messages } = keyMessages(site, site.forbund('umearegionen'));
    const kaa = messages.find((message) => message.href.endsWith('/kaa-utan-sysselsattning/'));
    expect(kaa?.chart.caption).toMatch(/^Unga i KAA utan sysselsättning per 1\u00a0000 unga: medlemmarnas värden/);
    // Only members whose count is shown have a rate bar: Umeå and Vännäs.
    expect(kaa?.chart.svg.match(/<text[^>]*>(Umeå|Vännäs)<\/text>/g)).toHaveLength(2);
    expect(kaa?.chart.svg).not.toMatch(/>Vindeln</);
  });

  it('draws the page of a förbund whose members deliver no export, without a rate column', () => {
    // Jönköping's kommuner are in no export: the count has no year at all (found by the national bench).
    const forbund = {
      ...site.forbund('umearegionen'),
      id: 'utan-export',
      members: [
        { code: '0604', role: 'huvudort' as const },
        { code: '0617', role: 'kranskommun' as const },
      ],
      comparisons: { lan: ['06'], riket: true, kommungrupper: false },
    };
    const build = (id: string) =>
      buildIndicatorView(site.snapshot, site.config.registry, forbund, site.indicator(id), {
        breaks: site.config.breaks,
        sources: site.config.sources,
      });
    const view = build('aktivitetsersattning-kartlaggning');
    view.rate = build('aktivitetsersattning-kartlaggning-per-1000');
    expect(view.latestPeriod).toBeNull();
    const page = buildIndicatorPage(view, site.snapshot.meta, '0604');
    expect(page.tables[0]!.columns.some((heading) => heading.startsWith('Per 1\u00a0000'))).toBe(false);
  });
});
