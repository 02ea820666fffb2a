/**
 * The attacker's view: every CSV the site publishes, read without our measure code, searched for a
 * protected count that subtraction would give back. Two relations are tried: total = women + men,
 * and an aggregate (riket, län, förbund, kommungrupp) = the sum of its kommuner.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dist, distFiles, requireDist } from '../helpers/dist.ts';

requireDist();

interface Row {
  region_code: string;
  period: string;
  sex: string;
  value: string;
  unit: string;
  status: string;
  [breakdown: string]: string;
}

const PROTECTED = new Set(['suppressed', 'withheld']);
const regions = JSON.parse(readFileSync(join(dist, '..', 'data/snapshot/regions.json'), 'utf8')) as {
  code: string;
  level: string;
  lan: string | null;
  kommungrupp: string | null;
}[];
const forbundFiles = ['umearegionen', 'uppsala-lan'].map((id) => ({
  id,
  members: (
    JSON.parse(readFileSync(join(dist, '..', `data/config/forbund/${id}.json`), 'utf8')) as {
      members: { code: string }[];
    }
  ).members.map((member) => member.code),
}));

/** The kommuner an aggregate row stands for, from its code alone. */
function kommunerOf(code: string): string[] | null {
  const kommuner = regions.filter((region) => region.level === 'kommun');
  if (code === '00') return kommuner.map((region) => region.code);
  if (/^\d{2}$/.test(code)) return kommuner.filter((region) => region.lan === code).map((region) => region.code);
  if (code.startsWith('forbund:')) return forbundFiles.find((entry) => `forbund:${entry.id}` === code)?.members ?? null;
  if (code.startsWith('kommungrupp-'))
    return kommuner.filter((region) => `kommungrupp-${region.kommungrupp}` === code).map((region) => region.code);
  return null;
}

function leaks(file: string): string[] {
  const { data } = Papa.parse<Row>(readFileSync(join(dist, file), 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
    delimiter: file.endsWith('data-excel.csv') ? ';' : ',',
  });
  if (data[0]?.unit !== 'count') return [];
  const others = Object.keys(data[0]).filter(
    (key) => !['region_code', 'region_name', 'period', 'sex', 'value', 'unit', 'status'].includes(key),
  );
  const state = new Map<string, 'published' | 'protected'>();
  const keyOf = (region: string, row: Row, sex: string) =>
    [region, row.period, sex, ...others.map((name) => row[name])].join('|');
  for (const row of data)
    if (row.value !== '' || PROTECTED.has(row.status))
      state.set(keyOf(row.region_code, row, row.sex), PROTECTED.has(row.status) ? 'protected' : 'published');
  const found: string[] = [];
  for (const row of data) {
    const trio = ['total', 'women', 'men'].map((sex) => state.get(keyOf(row.region_code, row, sex)));
    if (row.sex === 'total' && trio.every(Boolean) && trio.filter((entry) => entry === 'protected').length === 1)
      found.push(`${file}: ${row.region_code} ${row.period} kön`);
    const members = kommunerOf(row.region_code);
    if (members && members.length > 1 && state.get(keyOf(row.region_code, row, row.sex)) === 'published') {
      const hidden = members.filter((member) => state.get(keyOf(member, row, row.sex)) === 'protected');
      if (hidden.length > 0)
        found.push(`${file}: ${row.region_code} ${row.period} ${row.sex} har dolda delar ${hidden}`);
    }
  }
  return found;
}

describe('published counts', () => {
  it('give no protected count back by subtraction, in open data or in any page download', () => {
    const files = distFiles('.csv');
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap(leaks);
    expect(found.slice(0, 20)).toEqual([]);
  });

  it('hide the fewest extra cells: the other sex where one sex is small', () => {
    const { data } = Papa.parse<Row>(readFileSync(join(dist, 'data/aktivitetsersattning-kartlaggning.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    const withheld = data.filter((row) => row.status === 'withheld');
    expect(withheld.length).toBeGreaterThan(0);
    for (const row of withheld.filter((entry) => entry.region_code.length === 4)) {
      const other = data.find(
        (entry) =>
          entry.region_code === row.region_code &&
          entry.period === row.period &&
          entry.sex === (row.sex === 'women' ? 'men' : 'women'),
      );
      const total = data.find(
        (entry) => entry.region_code === row.region_code && entry.period === row.period && entry.sex === 'total',
      );
      expect([other?.status, total?.status], `${row.region_code} ${row.period}`).toContain('suppressed');
    }
  });
});
