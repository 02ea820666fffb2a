import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dist, requireDist, root } from '../helpers/dist.ts';

/** A recorded response's cells by region and period, read by walking `value` in `id` order. */
function recorded(path: string): Map<string, number> {
  const { response } = JSON.parse(readFileSync(join(root, 'data/reference/scb-real', path), 'utf8'));
  const ids: string[] = response.id;
  const codes = ids.map((id) => {
    const index = response.dimension[id].category.index as Record<string, number>;
    return Object.keys(index).sort((a, b) => (index[a] ?? 0) - (index[b] ?? 0));
  });
  const cells = new Map<string, number>();
  (response.value as (number | null)[]).forEach((value, flat) => {
    let rest = flat;
    const at: Record<string, string> = {};
    for (let axis = ids.length - 1; axis >= 0; axis--) {
      const size = codes[axis]?.length ?? 1;
      at[ids[axis] ?? ''] = codes[axis]?.[rest % size] ?? '';
      rest = Math.floor(rest / size);
    }
    if (value !== null) cells.set(`${at['Region']}|${at['Tid']}`, value);
  });
  return cells;
}

function openData(id: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(dist, 'data', `${id}.csv`), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

describe('real recorded series on the built site', () => {
  for (const [indicator, path] of [
    ['bas-slutlig-arbetsloshet', 'TAB3200/data-kommuner-20-64-arbetsloshet-2020-2024.json'],
    ['bas-slutlig-sysselsattningsgrad', 'TAB3200/data-kommuner-20-64-sysselsattningsgrad-2020-2024.json'],
  ] as const) {
    it(`publishes SCB's own ${indicator} for every kommun, 20–64, marked real; the rest marked example`, () => {
      requireDist();
      const scb = recorded(path);
      expect(scb.size).toBe(290 * 5);
      const rows = openData(indicator);
      const real = rows.filter(
        (row) => row['sex'] === 'total' && row['age'] === '20-64' && /^\d{4}$/.test(row['region_code'] ?? ''),
      );
      expect(real).toHaveLength(290 * 5);
      for (const row of real) {
        expect(Number(row['value']), `${row['region_code']} ${row['period']}`).toBe(
          scb.get(`${row['region_code']}|${row['period']}`),
        );
        expect(row['example']).toBe('false');
      }
      const invented = rows.filter((row) => !real.includes(row));
      expect(invented.length).toBeGreaterThan(0);
      for (const row of invented)
        expect(row['example'], `${row['region_code']} ${row['sex']} ${row['age']}`).toBe('true');
    });
  }

  it('marks the 2025 population 20–64 of every kommun real (TAB5557) and the years before example', () => {
    requireDist();
    const rows = openData('befolkning-20-64').filter(
      (row) => row['sex'] === 'total' && row['age'] === '20-64' && /^\d{4}$/.test(row['region_code'] ?? ''),
    );
    expect(rows.filter((row) => row['period'] === '2025' && row['example'] === 'false')).toHaveLength(290);
    expect(rows.filter((row) => row['period'] !== '2025').every((row) => row['example'] === 'true')).toBe(true);
  });

  it('says in the catalogue which indicators are partly real', () => {
    requireDist();
    const catalog = JSON.parse(readFileSync(join(dist, 'data/catalog.json'), 'utf8'));
    const example = Object.fromEntries(
      catalog.indicators.map((entry: { id: string; example: string }) => [entry.id, entry.example]),
    );
    expect(example['bas-slutlig-arbetsloshet']).toBe('some');
    expect(example['befolkning-20-64']).toBe('some');
    expect(example['helarsekvivalenter']).toBe('all');
  });
});
