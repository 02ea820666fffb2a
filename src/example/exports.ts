/**
 * Example analysts' exports in the forms Swedish offices deliver them: a semicolon CSV in UTF-8 with
 * BOM, a Windows-1252 CSV with Excel's `sep=;` line, and an .xlsx sheet, each with its manifest.
 */
import { join } from 'node:path';
import { stableJson, writeFileAtomic } from '../formats/files.ts';
import type { RegionRegistry } from '../config/regions.ts';
import { hashNormal, hashUnit } from './random.ts';
import { population2064, SEED } from './models.ts';
import { writeXlsx } from './xlsx.ts';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

/** Windows-1252 for the Latin-1 range Swedish needs (å ä ö é). */
function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((char) => {
      const code = char.charCodeAt(0);
      if (code > 255) throw new Error(`Tecknet ${char} finns inte i Windows-1252`);
      return code;
    }),
  );
}

function count(kind: string, kommun: string, year: number, sex: string, scale: number): number {
  const size = population2064(kommun, 'men', year) + population2064(kommun, 'women', year);
  const expected = (size / 1000) * scale * (sex === 'T' ? 1 : 0.5) * (0.7 + 0.6 * hashUnit(SEED, `${kind}:${kommun}`));
  return Math.max(0, Math.round(expected * (1 + 0.15 * hashNormal(SEED, `${kind}:${kommun}:${year}:${sex}`))));
}

export function writeExampleExports(directory: string, members: string[], registry: RegionRegistry): string[] {
  const written: string[] = [];
  const name = (code: string) => registry.mustGet(code).name;
  const manifest = (file: string, body: Record<string, unknown>) => {
    writeFileAtomic(
      join(directory, file.replace(/\.(csv|xlsx)$/, '.manifest.json')),
      stableJson({ ...body, delivered: '2026-10-15', example: true }),
    );
  };

  const sexes: [string, string][] = [
    ['T', 'Totalt'],
    ['K', 'Kvinnor'],
    ['M', 'Män'],
  ];
  const ae = ['Kommunkod;Kommun;År;Kön;Antal'];
  for (const code of members)
    for (const year of YEARS) {
      // Women and men as invented, the total as their sum: an office's file adds up.
      const women = count('ae', code, year, 'K', 0.35);
      const men = count('ae', code, year, 'M', 0.35);
      const values: Record<string, number> = { T: women + men, K: women, M: men };
      for (const [sex, label] of sexes) ae.push(`${code};${name(code)};${year};${label};${values[sex]}`);
    }
  writeFileAtomic(join(directory, 'aktivitetsersattning-kartlaggning.csv'), `\uFEFF${ae.join('\r\n')}\r\n`);
  manifest('aktivitetsersattning-kartlaggning.csv', {
    indicator: 'aktivitetsersattning-kartlaggning',
    unit: 'count',
    columns: { region: 'Kommunkod', name: 'Kommun', period: 'År', sex: 'Kön', value: 'Antal' },
  });
  written.push('aktivitetsersattning-kartlaggning.csv');

  const kaa = ['sep=;', 'Kommunkod;Kommunnamn;År;Antal unga'];
  for (const code of members)
    for (const year of YEARS) kaa.push(`${code};${name(code)};${year};${count('kaa', code, year, 'T', 0.9)}`);
  writeFileAtomic(join(directory, 'kaa-utan-sysselsattning.csv'), encodeWindows1252(`${kaa.join('\r\n')}\r\n`));
  manifest('kaa-utan-sysselsattning.csv', {
    indicator: 'kaa-utan-sysselsattning',
    unit: 'count',
    columns: { region: 'Kommunkod', name: 'Kommunnamn', period: 'År', value: 'Antal unga' },
  });
  written.push('kaa-utan-sysselsattning.csv');

  const rows: (string | number | null)[][] = [['Kommunkod', 'År', 'Kön', 'Andel ej behöriga (%)']];
  for (const code of members) {
    for (const year of YEARS) {
      for (const [sex, label] of sexes) {
        const base =
          12 + 6 * hashNormal(SEED, `gy:${code}`) + (sex === 'M' ? 2 : sex === 'K' ? -2 : 0) - 0.3 * (year - 2019);
        rows.push([
          code,
          year,
          label,
          Math.round(Math.min(60, Math.max(2, base + 1.5 * hashNormal(SEED, `gy:${code}:${year}:${sex}`))) * 10) / 10,
        ]);
      }
    }
  }
  writeFileAtomic(join(directory, 'ej-behoriga-gymnasiet.xlsx'), writeXlsx(rows));
  manifest('ej-behoriga-gymnasiet.xlsx', {
    indicator: 'ej-behoriga-gymnasiet',
    unit: 'percent',
    columns: { region: 'Kommunkod', period: 'År', sex: 'Kön', value: 'Andel ej behöriga (%)' },
  });
  written.push('ej-behoriga-gymnasiet.xlsx');
  return written;
}
