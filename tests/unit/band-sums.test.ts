import { describe, expect, it } from 'vitest';
import { BandSums } from '../../src/pipeline/normalise-scb.ts';
import { SnapshotBuilder } from '../../src/pipeline/snapshot-builder.ts';
import type { ScbTable } from '../../src/schemas/sources.ts';
import { planTable } from '../../src/fetch/scb-selection.ts';
import { readJsonStat } from '../../src/formats/jsonstat.ts';
import { metadataDocument } from '../../src/example/scb-tables.ts';
import { RegionRegistry } from '../../src/config/regions.ts';

const table = {
  dataset: 'befolkning',
  table: 'TAB638',
  title: 'Folkmängd',
  status: 'final',
  geo: { variable: 'Region', levels: ['kommun'] },
  find: null,
  time: { variable: 'Tid', from: '2023', to: null },
  sex: { variable: 'Kon', codes: { men: '1', women: '2' } },
  contents: {
    variable: 'ContentsCode',
    items: [{ code: 'BE0101N1', label: 'Folkmängd', indicator: 'befolkning', breakdown: {}, zeroMayBeMissing: false }],
  },
  breakdowns: [],
  ageBands: { variable: 'Alder', name: 'age', bands: { '20-64': { from: 20, to: 64 }, '15-74': { from: 15, to: 74 } } },
  sumSexes: true,
  codesByLabel: false,
  queries: [{ name: 'alla', select: { Alder: ['19', '20', '64', '65', '100+'] } }],
} satisfies ScbTable;

describe('population from single years of age', () => {
  it('sums ages into bands and men and women into a total (hand-computed)', () => {
    const sums = new BandSums(table);
    const cells: [string, 'men' | 'women', number][] = [
      ['19', 'men', 10],
      ['20', 'men', 100],
      ['64', 'men', 50],
      ['65', 'men', 7],
      ['20', 'women', 90],
      ['64', 'women', 60],
      ['100+', 'women', 3],
    ];
    for (const [age, sex, value] of cells)
      sums.add({
        indicator: 'befolkning',
        defaultStatus: 'final',
        region: '2480',
        sex,
        breakdown: { age },
        period: '2023',
        value,
        status: 'final',
        sourceStatus: '',
        provenance: 'raw/scb/befolkning/alla-001.json',
      });
    const builder = new SnapshotBuilder();
    sums.flush(builder);
    const file = builder.build('befolkning');
    const value = (sex: string, age: string) =>
      file.series.find((series) => series.sex === sex && series.breakdown['age'] === age)?.values[0];
    expect(value('men', '20-64')).toBe(150);
    expect(value('women', '20-64')).toBe(150);
    expect(value('total', '20-64')).toBe(300);
    // 15–74 adds the 19- and 65-year-old men; 100+ is in neither band.
    expect(value('men', '15-74')).toBe(167);
    expect(value('total', '15-74')).toBe(317);
  });

  it('makes a band missing when one of its ages is missing, never a partial sum', () => {
    const sums = new BandSums(table);
    sums.add({
      indicator: 'befolkning',
      defaultStatus: 'final',
      region: '2480',
      sex: 'men',
      breakdown: { age: '20' },
      period: '2023',
      value: 100,
      status: 'final',
      sourceStatus: '',
      provenance: 'x',
    });
    sums.add({
      indicator: 'befolkning',
      defaultStatus: 'final',
      region: '2480',
      sex: 'men',
      breakdown: { age: '21' },
      period: '2023',
      value: null,
      status: 'missing',
      sourceStatus: '..',
      provenance: 'x',
    });
    const builder = new SnapshotBuilder();
    sums.flush(builder);
    const series = builder
      .build('befolkning')
      .series.find((entry) => entry.sex === 'men' && entry.breakdown['age'] === '20-64');
    expect(series?.values[0]).toBeNull();
  });

  it('leaves out a variable SCB can eliminate (Civilstånd) instead of asking for it', () => {
    const metadata = readJsonStat(
      (() => {
        const document = metadataDocument('TAB638', 'x', [
          { id: 'Region', label: 'region', codes: [['2480', 'Umeå']] },
          {
            id: 'Civilstand',
            label: 'civilstånd',
            codes: [
              ['OG', 'ogifta'],
              ['G', 'gifta'],
            ],
          },
          { id: 'Alder', label: 'ålder', codes: ['19', '20', '64', '65', '100+'].map((code) => [code, code]) },
          {
            id: 'Kon',
            label: 'kön',
            codes: [
              ['1', 'män'],
              ['2', 'kvinnor'],
            ],
          },
          { id: 'ContentsCode', label: 'innehåll', codes: [['BE0101N1', 'Folkmängd']] },
          { id: 'Tid', label: 'år', codes: [['2023', '2023']] },
        ]);
        ((document['dimension'] as Record<string, Record<string, unknown>>)['Civilstand'] as Record<string, unknown>)[
          'extension'
        ] = { elimination: true };
        return document;
      })(),
      { metadataOnly: true },
    );
    const plan = planTable(
      table,
      metadata,
      new RegionRegistry([{ code: '2480', name: 'Umeå', level: 'kommun', lan: '24', kommungrupp: null }]),
    );
    expect(Object.keys(plan.queries[0]!.selection)).toEqual(['Region', 'Alder', 'Kon', 'ContentsCode', 'Tid']);
  });
});
