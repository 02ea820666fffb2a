import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cell } from '../helpers/cells.ts';
import { loadConfig } from '../../src/config/load.ts';
import { yearlySeries, type Area } from '../../src/measures/series.ts';
import { Snapshot } from '../../src/pipeline/snapshot-reader.ts';
import { buildSnapshot, ExportValidationError } from '../../src/pipeline/build-snapshot.ts';
import { sha256 } from '../../src/formats/files.ts';
import { SnapshotBuilder } from '../../src/pipeline/snapshot-builder.ts';
import { periodRange } from '../../src/formats/period.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
const quiet = { log: () => {}, today: new Date('2026-11-22T12:00:00Z') };

function writeSnapshot(builder: SnapshotBuilder): Snapshot {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
  const files = builder.indicatorIds().map((indicator) => {
    const file = builder.build(indicator);
    mkdirSync(join(dir, 'observations'), { recursive: true });
    writeFileSync(join(dir, `observations/${indicator}.json`), JSON.stringify(file));
    return {
      indicator,
      file: `observations/${indicator}.json`,
      observations: file.series.length * file.periods.length,
    };
  });
  writeFileSync(
    join(dir, 'meta.json'),
    JSON.stringify({
      example: true,
      retrievedAt: '2026-11-20T00:00:00Z',
      files,
      provenance: [],
      contentCodes: {},
      suppressionThreshold: 5,
      inputsSha256: 'x',
    }),
  );
  return new Snapshot(dir);
}

describe('aggregates are ratios of sums', () => {
  // Kommun A: 100 helårsekvivalenter of 1 000 (10 %); kommun B: 30 of 100 (30 %).
  // Together: 130 / 1 100 = 11,818… %, not the mean of the shares (20 %).
  const builder = new SnapshotBuilder();
  for (const period of periodRange('2024M01', '2024M12')) {
    for (const [region, count, population] of [
      ['2480', 100, 1000],
      ['2403', 30, 100],
    ] as const) {
      builder.add(
        cell({
          indicator: 'he',
          region,
          breakdown: { benefit: 'summa' },
          period,
          value: count,
        }),
      );
      builder.add(
        cell({
          indicator: 'he-befolkning',
          region,
          period,
          value: population,
        }),
      );
    }
  }
  const snapshot = writeSnapshot(builder);
  const indicator = config.indicators.find((candidate) => candidate.id === 'helarsekvivalenter')!;
  const group: Area = { id: 'f', name: 'F', kind: 'forbund', regionCode: null, kommuner: ['2480', '2403'] };

  it('gives each kommun its own share', () => {
    expect(
      yearlySeries(snapshot, {
        indicator,
        area: { id: '2403', name: 'Bjurholm', kind: 'kommun', regionCode: '2403', kommuner: ['2403'] },
        sex: 'total',
        selection: { benefit: 'summa' },
      })?.[0]?.value,
    ).toBeCloseTo(30, 10);
  });

  it('gives the group the sum of counts over the sum of populations', () => {
    const [point] =
      yearlySeries(snapshot, { indicator, area: group, sex: 'total', selection: { benefit: 'summa' } }) ?? [];
    expect(point?.numerator).toBe(130);
    expect(point?.denominator).toBe(1100);
    expect(point?.value).toBeCloseTo((130 / 1100) * 100, 10);
  });

  it('gives no group value for a share from a source that publishes only shares', () => {
    const shares = new SnapshotBuilder();
    shares.add(
      cell({
        indicator: 'ej-behoriga-gymnasiet',
        region: '2480',
        period: '2024',
        value: 12,
        provenance: 'x',
      }),
    );
    shares.add(
      cell({
        indicator: 'ej-behoriga-gymnasiet',
        region: '2403',
        period: '2024',
        value: 20,
        provenance: 'x',
      }),
    );
    const shareIndicator = config.indicators.find((candidate) => candidate.id === 'ej-behoriga-gymnasiet')!;
    expect(
      yearlySeries(writeSnapshot(shares), { indicator: shareIndicator, area: group, sex: 'total', selection: {} }),
    ).toBeNull();
  });

  it('withholds a group count when any member is suppressed, so it cannot be differenced', () => {
    const counts = new SnapshotBuilder();
    counts.add(
      cell({
        indicator: 'kaa-utan-sysselsattning',
        region: '2480',
        period: '2024',
        value: 40,
        provenance: 'x',
      }),
    );
    counts.add(
      cell({
        indicator: 'kaa-utan-sysselsattning',
        region: '2403',
        period: '2024',
        value: null,
        status: 'suppressed',
        sourceStatus: '<5',
        provenance: 'x',
      }),
    );
    const countIndicator = config.indicators.find((candidate) => candidate.id === 'kaa-utan-sysselsattning')!;
    // Withheld (×), not suppressed (<5): a sum of 40 and a hidden count is not a count from 1 to 4.
    expect(
      yearlySeries(writeSnapshot(counts), { indicator: countIndicator, area: group, sex: 'total', selection: {} })?.[0],
    ).toMatchObject({
      value: null,
      status: 'withheld',
    });
  });
});

describe('secondary suppression', () => {
  // Bjurholm: 3 women (<5, suppressed), 10 men, 13 in all. Umeå: 20 women, 25 men, 45 in all.
  const counts = new SnapshotBuilder();
  const add = (region: string, sex: 'total' | 'women' | 'men', value: number | null) =>
    counts.add(
      cell({
        indicator: 'aktivitetsersattning-kartlaggning',
        region,
        sex,
        period: '2024',
        value,
        status: value === null ? 'suppressed' : 'final',
        sourceStatus: value === null ? '<5' : '',
        provenance: 'x',
      }),
    );
  add('2403', 'women', null);
  add('2403', 'men', 10);
  add('2403', 'total', 13);
  add('2480', 'women', 20);
  add('2480', 'men', 25);
  add('2480', 'total', 45);
  const snapshot = writeSnapshot(counts);
  const indicator = config.indicators.find((candidate) => candidate.id === 'aktivitetsersattning-kartlaggning')!;
  const at = (area: Area, sex: 'total' | 'women' | 'men') =>
    yearlySeries(snapshot, { indicator, area, sex, selection: {} })?.[0];
  const bjurholm: Area = { id: '2403', name: 'Bjurholm', kind: 'kommun', regionCode: '2403', kommuner: ['2403'] };
  const group: Area = { id: 'f', name: 'F', kind: 'forbund', regionCode: null, kommuner: ['2480', '2403'] };

  it('withholds the other sex where one sex is suppressed, and keeps the total', () => {
    expect(at(bjurholm, 'women')).toMatchObject({ value: null, status: 'suppressed' });
    expect(at(bjurholm, 'men')).toMatchObject({ value: null, status: 'withheld' });
    expect(at(bjurholm, 'total')).toMatchObject({ value: 13, status: 'final' });
  });

  it('withholds every sum with a protected part, withheld parts too', () => {
    expect(at(group, 'women')).toMatchObject({ value: null, status: 'withheld' });
    expect(at(group, 'men')).toMatchObject({ value: null, status: 'withheld' });
    expect(at(group, 'total')).toMatchObject({ value: 58, status: 'final' });
  });
});

describe('the snapshot reader', () => {
  it('checks each file against the schema and names the file it refuses', () => {
    const builder = new SnapshotBuilder();
    builder.add(
      cell({
        indicator: 'he',
        region: '2403',
        period: '2024M01',
        value: 30,
      }),
    );
    builder.add(
      cell({
        indicator: 'he',
        region: '2403',
        period: '2024M02',
        value: 31,
      }),
    );
    const snapshot = writeSnapshot(builder);
    expect(snapshot.file('he')?.series('2403', 'total', {})?.values).toEqual([30, 31]);

    const broken = writeSnapshot(builder);
    const path = join(broken.directory, 'observations/he.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.series[0].values.pop();
    writeFileSync(path, JSON.stringify(file));
    expect(() => broken.file('he')).toThrow(/observations\/he\.json: series\.0\.values: 1 värden men 2 perioder/);
    file.series[0].values = [30, 'x'];
    writeFileSync(path, JSON.stringify(file));
    expect(() => new Snapshot(broken.directory).file('he')).toThrow(/series\.0\.values\.1: väntade ett tal eller null/);
  });
});

describe('data:build', () => {
  let work: string;
  const snapshotHash = () =>
    readdirSync(join(work, 'data/snapshot'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => `${path.replace(work, '')}:${sha256(readFileSync(path))}`)
      .join('\n');

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'build-'));
    mkdirSync(join(work, 'data'));
    for (const name of ['config', 'reference', 'raw']) symlinkSync(join(root, 'data', name), join(work, 'data', name));
    cpSync(join(root, 'data/exports'), join(work, 'data/exports'), { recursive: true });
  });

  it('gives a byte-identical snapshot from the same inputs', async () => {
    await buildSnapshot(loadConfig(work), quiet);
    const first = snapshotHash();
    await buildSnapshot(loadConfig(work), quiet);
    expect(snapshotHash()).toBe(first);
    expect(first).toContain('/data/snapshot/observations/he.json');
  });

  it('leaves the previous snapshot untouched when an export is bad, listing every problem', async () => {
    const before = snapshotHash();
    writeFileSync(join(work, 'data/exports/trasig.csv'), 'Kommunkod;År;Antal\n2480;2023;tolv\n9999;2023;4\n');
    writeFileSync(
      join(work, 'data/exports/trasig.manifest.json'),
      JSON.stringify({
        indicator: 'kaa-utan-sysselsattning',
        unit: 'count',
        delivered: '2026-01-01',
        columns: { region: 'Kommunkod', period: 'År', value: 'Antal' },
      }),
    );
    const error = await buildSnapshot(loadConfig(work), quiet).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExportValidationError);
    expect((error as Error).message).toMatch(
      /trasig\.csv:2:11: väntade ett tal.*\n.*trasig\.csv:3:1: okänd kommunkod "9999"/,
    );
    expect(snapshotHash()).toBe(before);
    expect(readdirSync(join(work, 'data')).sort()).toEqual(['config', 'exports', 'raw', 'reference', 'snapshot']);
  });

  it('refuses a raw file claiming more cells than a file may hold, naming it, before walking them', async () => {
    const before = snapshotHash();
    const config = loadConfig(work);
    const capped = { ...config, sources: { ...config.sources, scb: { ...config.sources.scb, maxCellsPerFile: 1000 } } };
    const error = await buildSnapshot(capped, quiet).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(
      /^data\/raw\/scb\/[a-z-]+\/[a-z0-9-]+\.json: Ogiltig JSON-stat2:\n {2}- size ger [\d\s]+ celler, fler än de högst 1\s000 ett svar får ha/,
    );
    expect(snapshotHash()).toBe(before);
  });

  it('never stores a small count from an export', () => {
    const file = JSON.parse(
      readFileSync(join(root, 'data/snapshot/observations/aktivitetsersattning-kartlaggning.json'), 'utf8'),
    ) as { series: { values: (number | null)[] }[] };
    const values = file.series.flatMap((series) => series.values).filter((value): value is number => value !== null);
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((value) => value > 0 && value < 5)).toEqual([]);
  });
});
