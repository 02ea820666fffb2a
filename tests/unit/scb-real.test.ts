/**
 * Real SCB PxWebApi 2.0 responses, recorded by public projects (data/reference/scb-real/README.md),
 * through the real code: the JSON-stat reader, the selection planner with `sources.json` as it is,
 * the label resolver and the normaliser. Expected figures were read off the files by hand.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { planTable } from '../../src/fetch/scb-selection.ts';
import { ScbConfigSchema } from '../../src/schemas/api.ts';
import { resolveContentCodes } from '../../src/formats/content-codes.ts';
import { forEachCell, readJsonStat, type JsonStatDimension } from '../../src/formats/jsonstat.ts';
import { BandSums, normaliseScbCube } from '../../src/pipeline/normalise-scb.ts';
import { SnapshotBuilder } from '../../src/pipeline/snapshot-builder.ts';
import type { ScbTable } from '../../src/schemas/sources.ts';
import { educationMetadata } from '../../src/example/education.ts';

const FIXTURES = join(import.meta.dirname, '../../data/reference/scb-real');
const config = loadConfig(join(import.meta.dirname, '../..'));
const table = (dataset: string) => config.sources.scb.tables.find((entry) => entry.dataset === dataset) as ScbTable;

/** The API's own response: atlas290's recordings wrap it in `{kind, table, …, response}`. */
function response(path: string): unknown {
  const json = JSON.parse(readFileSync(join(FIXTURES, path), 'utf8'));
  return json.response ?? json;
}

function dimensionsOf(path: string): Record<string, unknown> {
  return (response(path) as { dimension: Record<string, unknown> }).dimension;
}

function cube(path: string) {
  return readJsonStat(response(path), { metadataOnly: path.includes('metadata') });
}

/** Every cell of a data response as `codes joined by |` → value. */
function cells(path: string): Map<string, number | null> {
  const out = new Map<string, number | null>();
  forEachCell(cube(path), (codes, value) => out.set(codes.join('|'), value));
  return out;
}

describe('real SCB responses through the real code', () => {
  it('reads every recorded response: JSON-stat2 documents and /config', () => {
    const read: string[] = [];
    for (const folder of readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name)).isDirectory()))
      for (const name of readdirSync(join(FIXTURES, folder))) {
        const path = `${folder}/${name}`;
        if (folder === 'config') expect(ScbConfigSchema.parse(response(path)).maxDataCells).toBe(150000);
        // An excerpt leaves Region out: it is read with the registry's regions (example/education.ts).
        else if (name.includes('excerpt')) expect(Object.keys(dimensionsOf(path)).length, path).toBeGreaterThan(3);
        else expect(cube(path).dimensions.length, path).toBeGreaterThan(3);
        read.push(path);
      }
    expect(read).toHaveLength(15);
  });

  it('places values by category index, not by key order (atlas290 re-serialised its files)', () => {
    const total = cells('TAB5557/data-kommuner-2025-total.json');
    expect(total.get('0180|SC|TotSA|TotSa|000007ME|2025')).toBe(999239);
    expect(total.get('2480|SC|TotSA|TotSa|000007ME|2025')).toBe(135273);
    expect(cells('TAB638/data-pxweb-riket-1cell.json').get('00|OG|0|1|BE0101N1|2024')).toBe(50937);
    const unemployment = cells('TAB3200/data-kommuner-20-64-arbetsloshet-2020-2024.json');
    expect(unemployment.get('2480|1+2|20-64|tot|000002NN|2024')).toBe(3);
    expect(unemployment.get('2480|1+2|20-64|tot|000002NN|2020')).toBe(4.8);
  });

  it('plans TAB5557 as sources.json says: Civilstånd SC (not eliminable), TotSa, five-year groups', () => {
    const plan = planTable(table('befolkning-ckm'), cube('TAB5557/metadata.sv.json'), config.registry);
    const [query] = plan.queries;
    expect(query?.selection['Civilstand']).toEqual(['SC']);
    expect(query?.selection['Kon']).toEqual(['TotSa', '1', '2']);
    expect(query?.selection['Alder']).toHaveLength(12);
    expect(query?.selection['ContentsCode']).toEqual(['000007ME']);
    expect(query?.selection['Tid']).toEqual(['2025']);
    expect(query?.selection['Region']).toHaveLength(312);
  });

  it('plans TAB3200 (final BAS) with its verified codes and leaves out födelseregion', () => {
    const plan = planTable(table('bas-slutlig'), cube('TAB3200/metadata.sv.json'), config.registry);
    // Four counts and SCB's own two shares, which data:build checks the counts against.
    expect(plan.contentCodes).toEqual(['000002NT', '000002NM', '000002NL', '000002NU', '000002NN', '000002NS']);
    const [query] = plan.queries;
    expect(query?.selection['Alder']).toEqual(['20-64', '15-74']);
    expect(query?.selection['Kon']).toEqual(['1+2', '1', '2']);
    expect(query?.selection).not.toHaveProperty('Fodelseregion');
  });

  it('plans the population 20–64 born abroad on TAB3200: its one count by födelseregion tot and ut', () => {
    const plan = planTable(table('bas-fodelse'), cube('TAB3200/metadata.sv.json'), config.registry);
    expect(plan.contentCodes).toEqual(['000002NU']);
    const [query] = plan.queries;
    expect(query?.selection['Fodelseregion']).toEqual(['tot', 'ut']);
    expect(query?.selection['Alder']).toEqual(['20-64']);
    expect(query?.selection['Kon']).toEqual(['1+2', '1', '2']);
  });

  it('plans TAB3981 (education) on its recorded metadata: ages 25–64, every level, both sexes, no total', () => {
    const plan = planTable(
      table('utbildning'),
      readJsonStat(educationMetadata(config), { metadataOnly: true }),
      config.registry,
    );
    const [query] = plan.queries;
    expect(query?.selection['Alder']).toEqual(Array.from({ length: 40 }, (_, index) => String(25 + index)));
    expect(query?.selection['UtbildningsNiva']).toEqual(['1', '2', '3', '4', '5', '6', '7', 'US']);
    expect(query?.selection['Kon']).toEqual(['1', '2']);
    expect(query?.selection['ContentsCode']).toEqual(['UF0506A1']);
    expect(query?.selection['Tid']).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    // The excerpt is the recording but for Region, which the example takes from the registry.
    expect(Object.keys(dimensionsOf('TAB3981/metadata-excerpt.sv.json'))).toEqual([
      'Alder',
      'UtbildningsNiva',
      'Kon',
      'ContentsCode',
      'Tid',
    ]);
  });

  it('plans TAB6260 (preliminary BAS, monthly) against its real metadata, in English as recorded', () => {
    const metadata = cube('TAB6260/metadata.en.json');
    const plan = planTable(table('bas'), metadata, config.registry);
    expect(plan.contentCodes).toEqual([
      '000006HI',
      '000004YH',
      '000006IU',
      '000006I8',
      '000006II',
      '000006IJ',
      '000006IK',
    ]);
    const [byKon, byAge] = plan.queries;
    expect(byKon?.selection['Kon']).toEqual(['1+2', '1', '2']);
    expect(byKon?.selection['Fodelseregion']).toEqual(['tot']);
    // SCB's code for 60–64 years is "060-64"; a config saying "60-64" would have stopped here.
    expect(byAge?.selection['Alder']).toContain('060-64');
    expect(byAge?.selection['Alder']).toHaveLength(12);
    expect(byAge?.selection['Region']).toHaveLength(312);
    const months = byAge?.selection['Tid'] ?? [];
    expect(months[0]).toBe('2020M01');
    expect(months.at(-1)).toBe(metadata.dimensions.find((dimension) => dimension.id === 'Tid')?.codes.at(-1));
  });

  it('resolves labels as SCB writes them, and stops on a label that is not, listing the candidates', () => {
    const contents = cube('TAB3200/metadata.sv.json').dimensions.find(
      (dimension) => dimension.id === 'ContentsCode',
    ) as JsonStatDimension;
    expect(resolveContentCodes('TAB3200', contents, [{ code: null, label: 'antal totalt' }])).toEqual(['000002NU']);
    expect(() => resolveContentCodes('TAB3200', contents, [{ code: null, label: 'totalt antal' }])).toThrow(
      /hittar inget innehåll som heter "totalt antal".*000002NU "antal totalt"/,
    );
  });

  it('matches TAB1386 by SCB labels, typo included (its metadata is not recorded; labels from public code)', () => {
    const labels = [
      'Sjukpenning',
      'Sjuk- och aktivitetsersersättning',
      'Arbetslöshetsersättning',
      'Arbetsmarknadsåtgärder',
      'Ekonomiskt bistånd',
      'Etableringsersättning',
      'Summa helårsekvivalenter',
      'Folkmängd',
      'Andel av befolkningen',
    ];
    const dimension: JsonStatDimension = {
      id: 'ContentsCode',
      label: 'tabellinnehåll',
      codes: labels.map((_, index) => `C${index}`),
      labels: new Map(labels.map((label, index) => [`C${index}`, label])),
      units: new Map(),
      eliminable: false,
    };
    const codes = resolveContentCodes('TAB1386', dimension, table('he').contents.items);
    expect(codes).toEqual(['C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
    expect(() =>
      resolveContentCodes('TAB1386', dimension, [{ code: null, label: 'Sjuk- och aktivitetsersättning' }]),
    ).toThrow(/C1 "Sjuk- och aktivitetsersersättning"/);
  });

  it('sums TAB5557 five-year groups into 20–64 and 15–74 for every kommun', () => {
    const builder = new SnapshotBuilder();
    const ckm = table('befolkning-ckm');
    const sums = new BandSums(ckm);
    const data = cube('TAB5557/data-kommuner-2025-5arsgrupper.json');
    normaliseScbCube(data, ckm, ['000007ME'], 'raw/tab5557', sums);
    sums.flush(builder);
    const file = builder.build('befolkning');
    const value = (region: string, age: string) =>
      file.series.find((series) => series.region === region && series.breakdown['age'] === age)?.values[0];
    expect(value('2480', '20-64')).toBe(82071);
    expect(value('2480', '15-74')).toBe(101382);
    expect(value('2403', '20-64')).toBe(1128);
    expect(value('0180', '20-64')).toBe(625141);
    expect(file.series.filter((series) => series.breakdown['age'] === '20-64')).toHaveLength(290);
  });
});
