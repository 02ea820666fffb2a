import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { checkShares, PublisherCheckError } from '../../src/pipeline/publisher-check.ts';
import type { SnapshotFile, SnapshotSeries } from '../../src/schemas/snapshot.ts';

const config = loadConfig(join(import.meta.dirname, '../..'));
const finalBas = config.indicators.filter((indicator) => indicator.id.startsWith('bas-slutlig-'));

function file(indicator: string, series: [string, Record<string, string>, (number | null)[]][]): SnapshotFile {
  return {
    indicator,
    defaultStatus: 'final',
    periods: ['2023', '2024'],
    provenance: ['scb/bas-slutlig/x.json'],
    series: series.map(([region, breakdown, values]): SnapshotSeries => ({
      region,
      sex: 'total',
      breakdown,
      values,
      status: {},
      sourceStatus: {},
      provenance: [[0, 0]],
    })),
  };
}

// Vännäs 20–64: 200 unemployed of 5 000 in the labour force (4,0 %), 4 800 employed of 6 000 (80,0 %).
const counts = file('bas-slutlig', [
  ['2460', { status: 'arbetslosa', age: '20-64' }, [200, 210]],
  ['2460', { status: 'arbetskraften', age: '20-64' }, [5000, 5000]],
  ['2460', { status: 'sysselsatta', age: '20-64' }, [4800, 4790]],
  ['2460', { status: 'totalt', age: '20-64' }, [6000, 6000]],
]);

function shares(unemployment: (number | null)[], employment: (number | null)[]) {
  return new Map([
    ['bas-slutlig', counts],
    [
      'bas-slutlig-andel',
      file('bas-slutlig-andel', [
        ['2460', { age: '20-64', share: 'arbetsloshet' }, unemployment],
        ['2460', { age: '20-64', share: 'sysselsattningsgrad' }, employment],
      ]),
    ],
  ]);
}

describe('the check against the publisher’s own shares', () => {
  it('accepts shares that round to SCB’s, missing ones included', () => {
    // 210 / 5 000 = 4,2 %; 4 790 / 6 000 = 79,833 … % ≈ 79,8 %.
    expect(checkShares(finalBas, shares([4.0, 4.2], [80.0, 79.8]))).toEqual({ compared: 4, mismatches: [] });
    expect(checkShares(finalBas, shares([4.0, null], [80.0, 79.8])).compared).toBe(3);
  });

  it('names every share that differs by more than the rounding, with ours and SCB’s', () => {
    const { mismatches } = checkShares(finalBas, shares([4.0, 4.3], [80.0, 79.8]));
    expect(mismatches).toEqual([
      {
        indicator: 'bas-slutlig-arbetsloshet',
        region: '2460',
        sex: 'total',
        breakdown: 'age=20-64 share=arbetsloshet',
        period: '2024',
        computed: expect.closeTo(4.2, 9),
        published: 4.3,
      },
    ]);
    expect(new PublisherCheckError(mismatches).message).toBe(
      '1 andelar skiljer sig från SCB:s egna mer än avrundningen (0.05):\n' +
        '  bas-slutlig-arbetsloshet 2460 total age=20-64 share=arbetsloshet 2024: beräknat 4.200, SCB 4.3',
    );
  });
});
