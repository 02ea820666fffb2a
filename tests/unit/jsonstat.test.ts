import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forEachCell, JsonStatError, readJsonStat } from '../../src/formats/jsonstat.ts';
import { inspectJson } from '../../src/formats/inspect.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/scb/${name}`, import.meta.url), 'utf8'));

function cells(json: unknown) {
  const out: [string, number | null, string][] = [];
  forEachCell(readJsonStat(json), (codes, value, status) => out.push([codes.join('|'), value, status]));
  return out;
}

const tiny = {
  version: '2.0',
  class: 'dataset',
  id: ['Region', 'Tid'],
  size: [2, 3],
  dimension: {
    Region: { category: { index: ['0180', '2480'] } },
    Tid: { category: { index: { '2021': 0, '2022': 1, '2023': 2 } } },
  },
  value: [1, 2, 3, 4, 5, 6],
};

describe('JSON-stat2 reader', () => {
  it('reads a recorded SCB response row-major in id order', () => {
    expect(cells(fixture('TAB5974-data-example.json'))).toEqual([
      ['83|0|1|000005NO|2026', 50080, ''],
      ['83|0|2|000005NO|2026', 47361, ''],
    ]);
    expect(cells(fixture('TAB638-data-example.json'))).toHaveLength(1);
  });

  it('accepts index as array or object, with the last dimension varying fastest', () => {
    expect(cells(tiny).map(([codes, value]) => `${codes}=${value}`)).toEqual([
      '0180|2021=1',
      '0180|2022=2',
      '0180|2023=3',
      '2480|2021=4',
      '2480|2022=5',
      '2480|2023=6',
    ]);
  });

  it('reads sparse values and statuses, and never turns null into zero', () => {
    const sparse = { ...tiny, value: { '0': 1.5, '4': 0 }, status: { '1': '..', '4': '-' } };
    expect(cells(sparse)).toEqual([
      ['0180|2021', 1.5, ''],
      ['0180|2022', null, '..'],
      ['0180|2023', null, ''],
      ['2480|2021', null, ''],
      ['2480|2022', 0, '-'],
      ['2480|2023', null, ''],
    ]);
  });

  it('applies a status given as one string to every cell', () => {
    expect(cells({ ...tiny, status: 'p' }).every(([, , status]) => status === 'p')).toBe(true);
  });

  it('applies a status array of one element to every cell', () => {
    expect(cells({ ...tiny, status: ['p'] }).map(([, , status]) => status)).toEqual(['p', 'p', 'p', 'p', 'p', 'p']);
  });

  it('reads numbers written as strings and names every other string by position, never "Invalid input"', () => {
    expect(cells({ ...tiny, value: ['1.5', 2, null, '0', 5, 6] }).map(([, value]) => value)).toEqual([
      1.5,
      2,
      null,
      0,
      5,
      6,
    ]);
    expect(() => readJsonStat({ ...tiny, value: { '0': '..', '3': '12,5', '4': 7 } })).toThrow(
      '2 värden är inte tal: value[0] = "..", value[3] = "12,5" (väntade tal eller null)',
    );
  });

  it('reads a status array aligned with values', () => {
    expect(cells({ ...tiny, value: [1, null, 3, 4, 5, 6], status: [null, '...', null, null, null, null] })[1]).toEqual([
      '0180|2022',
      null,
      '...',
    ]);
  });

  it('rejects inconsistent id, size and value lengths with every problem named', () => {
    expect(() => readJsonStat({ ...tiny, size: [2] })).toThrow(/id har 2 dimensioner men size har 1/);
    expect(() => readJsonStat({ ...tiny, value: [1, 2, 3] })).toThrow(/value har 3 celler men size ger 6/);
    expect(() => readJsonStat({ ...tiny, size: [2, 4] })).toThrow(/Tid har 3 kategorier men size säger 4/);
    expect(() => readJsonStat({ ...tiny, id: ['Region', 'Saknas'] })).toThrow(/dimension.Saknas saknas/);
  });

  it('rejects bad index positions', () => {
    const bad = {
      ...tiny,
      dimension: { ...tiny.dimension, Tid: { category: { index: { '2021': 0, '2022': 5, '2023': 2 } } } },
    };
    expect(() => readJsonStat(bad)).toThrow(/ligger utanför 0–2/);
    const clash = {
      ...tiny,
      dimension: { ...tiny.dimension, Tid: { category: { index: { '2021': 0, '2022': 0, '2023': 2 } } } },
    };
    expect(() => readJsonStat(clash)).toThrow(/position 0 används av både/);
    expect(() => readJsonStat({ ...tiny, value: { '6': 1 } })).toThrow(/value\["6"\] är ingen cellposition/);
  });

  it('refuses a claimed size beyond the caps before walking a cell, in a few milliseconds', () => {
    // A sparse value under 10¹⁰ cells: every dimension within its category cap, the product not.
    const codes = Array.from({ length: 100 }, (_, index) => String(index));
    const ids = ['A', 'B', 'C', 'D', 'E'];
    const huge = {
      version: '2.0',
      class: 'dataset',
      id: ids,
      size: ids.map(() => 100),
      dimension: Object.fromEntries(ids.map((id) => [id, { category: { index: codes } }])),
      value: {},
    };
    const started = performance.now();
    expect(() => readJsonStat(huge)).toThrow(/size ger 10\s000\s000\s000 celler, fler än de högst 1\s500\s000/);
    expect(() => inspectJson(huge)).toThrow(/fler än de högst/);
    expect(performance.now() - started).toBeLessThan(500);
    // The configured cap decides; metadata carries no cells and is read for its dimensions.
    expect(() => readJsonStat(tiny, { maxCells: 5 })).toThrow(/size ger 6 celler, fler än de högst 5/);
    expect(readJsonStat(huge, { metadataOnly: true }).dimensions).toHaveLength(5);
    // A dimension may not claim a million categories, whatever it lists.
    const wide = { ...tiny, size: [2, 1_000_000] };
    expect(() => readJsonStat(wide)).toThrow(/dimension\.Tid säger sig ha 1000000 kategorier, fler än de högst 100000/);
  });

  it('rejects a response that is not a dataset', () => {
    try {
      readJsonStat({ type: 'Parameter error', title: 'Too many cells selected', status: 400 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonStatError);
      expect((error as JsonStatError).problems.join('\n')).toMatch(/version/);
    }
  });

  it('reads the real BAS metadata for its dimensions', () => {
    const cube = readJsonStat(fixture('TAB6260-metadata-en.json'), { metadataOnly: true });
    expect(cube.dimensions.map((dimension) => dimension.id)).toEqual([
      'Region',
      'Kon',
      'Alder',
      'Fodelseregion',
      'ContentsCode',
      'Tid',
    ]);
    expect(cube.dimensions[2]?.codes).toContain('060-64');
    expect(cube.dimensions[4]?.units.get('000006II')).toEqual({ base: 'percent', decimals: 1 });
  });

  it('prints tidy CSV with codes, value and status for data:inspect', () => {
    expect(inspectJson({ ...tiny, value: { '0': 1.5 }, status: { '1': '..' } })).toBe(
      'Region,Tid,value,status\r\n0180,2021,1.5,\r\n0180,2022,,..\r\n0180,2023,,\r\n2480,2021,,\r\n2480,2022,,\r\n2480,2023,,\r\n',
    );
  });
});
