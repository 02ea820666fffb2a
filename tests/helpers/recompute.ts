/**
 * A sceptical reader's recomputation of the published figures, from `data/raw` and `data/exports`
 * alone. It shares no code with `src/`: its own JSON-stat walk, its own label table, its own sums,
 * written from the README's "Var siffrorna kommer ifrån" and Om statistiken. If the site and this
 * file disagree, one of them misreads the sources, and the test says where.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { root } from './dist.ts';

export type Sex = 'total' | 'women' | 'men';
/** A recomputed cell: a number, a count below the threshold (protected), or nothing. */
export type Cell = number | 'protected' | null;

interface Indicator {
  id: string;
  unit: string;
  decimals?: number;
  direction: 'lower-is-better' | 'higher-is-better' | 'neutral';
  source: { kind: string; kpi?: string };
  yearly: { kind: string; month?: number };
  measure:
    | { kind: 'ratio'; numerator: Part; denominator: Part; scale: number; published?: Part }
    | {
        kind: 'value';
        indicator: string;
        breakdown: Record<string, string>;
        weightedBy?: { indicator: string; breakdown: { age?: string }; lag: number };
      };
}
interface Part {
  indicator: string;
  breakdown: Record<string, string>;
}

const json = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
export const indicators = json('data/config/indicators.json') as Indicator[];
const koladaKpis = (json('data/config/sources.json') as { kolada: { kpis: { kpi: string; indicator: string }[] } })
  .kolada.kpis;
export const threshold = (json('data/config/site.json') as { suppressionThreshold: number }).suppressionThreshold;

/** SCB's content labels, as SCB spells them (typo included), by what they count. */
const CONTENT: Record<string, string> = {
  Sjukpenning: 'sjukpenning',
  'Sjuk- och aktivitetsersersättning': 'sjuk-och-aktivitetsersattning',
  Arbetslöshetsersättning: 'arbetsloshetsersattning',
  Arbetsmarknadsåtgärder: 'arbetsmarknadsatgarder',
  'Ekonomiskt bistånd': 'ekonomiskt-bistand',
  Etableringsersättning: 'etableringsersattning',
  'Summa helårsekvivalenter': 'summa',
  Folkmängd: 'folkmangd',
  'antal sysselsatta': 'sysselsatta',
  'antal arbetslösa': 'arbetslosa',
  'antal sysselsatta och arbetslösa (arbetskraften)': 'arbetskraften',
  'antal totalt': 'totalt',
  // SCB's own shares beside the counts.
  'Andel av befolkningen': 'andel:summa',
  arbetslöshet: 'andel:arbetsloshet',
  arbetskraftsdeltagande: 'andel:arbetskraftsdeltagande',
  sysselsättningsgrad: 'andel:sysselsattningsgrad',
};
const SEX: Record<string, Sex> = { '1': 'men', '2': 'women', '1+2': 'total', TotSa: 'total' };

export interface JsonStat {
  id: string[];
  size: number[];
  dimension: Record<string, { category: { index: Record<string, number> | string[]; label?: Record<string, string> } }>;
  value: (number | null)[] | Record<string, number | null>;
}

/** Every cell of a JSON-stat dataset as {dimension: label or code} and its value. */
export function* cells(dataset: JsonStat): Generator<[Record<string, string>, number | null]> {
  const dimensions = dataset.id.map((name) => {
    const { index, label = {} } = dataset.dimension[name]!.category;
    const codes = Array.isArray(index)
      ? index
      : Object.entries(index)
          .sort((a, b) => a[1] - b[1])
          .map(([code]) => code);
    return { name, codes, label };
  });
  const total = dataset.size.reduce((product, size) => product * size, 1);
  for (let flat = 0; flat < total; flat++) {
    const value = Array.isArray(dataset.value) ? dataset.value[flat] : dataset.value[String(flat)];
    const cell: Record<string, string> = {};
    let rest = flat;
    for (let d = dimensions.length - 1; d >= 0; d--) {
      const { name, codes, label } = dimensions[d]!;
      const code = codes[rest % codes.length]!;
      rest = Math.floor(rest / codes.length);
      cell[name] = code;
      cell[`${name}:label`] = label[code] ?? code;
    }
    yield [cell, value ?? null];
  }
}

export const datasetFiles = (folder: string): JsonStat[] =>
  readdirSync(join(root, 'data/raw/scb', folder))
    .filter((name) => name.endsWith('.json') && name !== 'metadata.json')
    .map((name) => json(`data/raw/scb/${folder}/${name}`) as JsonStat);

/** "20–24 år" → "20-24": the age group as the site's split codes name it. */
const ageOf = (label: string): string => label.replace(/\s*år$/, '').replace('–', '-');

/** Raw counts by `source|what|region|sex|age|period`. */
const counts = new Map<string, number | null>();
const regionsOf = new Map<string, Set<string>>();
function put(
  source: string,
  what: string,
  region: string,
  sex: Sex,
  age: string,
  period: string,
  value: number | null,
) {
  const key = `${source}|${what}|${region}|${sex}|${age}|${period}`;
  const sum = counts.has(key) ? counts.get(key)! : 0;
  counts.set(key, sum === null || value === null ? null : sum + value);
  if (!regionsOf.has(source)) regionsOf.set(source, new Set());
  regionsOf.get(source)!.add(region);
}

for (const folder of ['he', 'bas', 'bas-kvartal', 'bas-slutlig'])
  for (const dataset of datasetFiles(folder))
    for (const [cell, value] of cells(dataset)) {
      const what = CONTENT[cell['ContentsCode:label']!];
      if (!what) throw new Error(`okänt innehåll i ${folder}: ${cell['ContentsCode:label']}`);
      const age = cell['Alder:label'] ? ageOf(cell['Alder:label']) : '-';
      put(folder, what, cell.Region!, SEX[cell.Kon!]!, age, cell.Tid!, value);
    }

/** The population's age groups the measures divide or weigh by. */
const BANDS = [
  ['20-64', 20, 64],
  ['15-74', 15, 74],
  ['15-64', 15, 64],
  ['25-64', 25, 64],
] as const;
const YOUNG = [
  ['15', 15, 15],
  ['16-19', 16, 19],
  ['19-29', 19, 29],
] as const;

// TAB638 (to 2024): single years of age, men and women; the total is their sum.
for (const dataset of datasetFiles('befolkning'))
  for (const [cell, value] of cells(dataset)) {
    const age = Number(cell.Alder);
    const sex = SEX[cell.Kon!]!;
    for (const [group, from, to] of [...BANDS, ...YOUNG] as const)
      if (age >= from && age <= to)
        for (const as of [sex, 'total'] as const)
          put('befolkning', 'folkmangd', cell.Region!, as, group, cell.Tid!, value);
  }
// TAB5557 (from 2025): five-year groups, summed; the sexes and their total each as SCB gives them.
for (const dataset of datasetFiles('befolkning-ckm'))
  for (const [cell, value] of cells(dataset)) {
    const [from, to] = ageOf(cell['Alder:label']!).split('-').map(Number) as [number, number];
    for (const [group, low, high] of BANDS)
      if (from >= low && to <= high)
        put('befolkning', 'folkmangd', cell.Region!, SEX[cell.Kon!]!, group, cell.Tid!, value);
  }
// TAB5557's single years 15–29, the same table asked again: the age groups of two rates per 1 000 and a weight.
for (const dataset of datasetFiles('befolkning-ckm-unga'))
  for (const [cell, value] of cells(dataset)) {
    const age = Number(cell.Alder);
    for (const [group, low, high] of YOUNG)
      if (age >= low && age <= high)
        put('befolkning', 'folkmangd', cell.Region!, SEX[cell.Kon!]!, group, cell.Tid!, value);
  }

// Kolada: "0000" is riket, "00NN" län NN, four digits otherwise a kommun.
// Kolada's peer groups (grupper-…) lie beside the value pages and hold no values.
const GENDER: Record<string, Sex> = { T: 'total', K: 'women', M: 'men' };
for (const name of readdirSync(join(root, 'data/raw/kolada')).filter(
  (file) => file.includes('-page-') && !file.startsWith('grupper-'),
)) {
  const page = json(`data/raw/kolada/${name}`) as {
    values: {
      kpi: string;
      municipality: string;
      period: number | string;
      values: { gender: string; value: number | null }[];
    }[];
  };
  for (const entry of page.values) {
    const region = entry.municipality === '0000' ? '00' : entry.municipality.replace(/^00/, '');
    for (const value of entry.values)
      put(`kolada:${entry.kpi}`, 'value', region, GENDER[value.gender]!, '-', String(entry.period), value.value);
  }
}

// Exports: CSV (UTF-8 with BOM or Windows-1252, `sep=;` first) or .xlsx, named by their manifest.
const SEX_WORD: Record<string, Sex> = { totalt: 'total', kvinnor: 'women', män: 'men' };
async function readExports(): Promise<void> {
  for (const name of readdirSync(join(root, 'data/exports')).filter((file) => file.endsWith('.manifest.json'))) {
    const manifest = json(`data/exports/${name}`) as {
      indicator: string;
      columns: { region: string; period: string; value: string; sex?: string };
    };
    const base = name.replace('.manifest.json', '');
    const dataFile = readdirSync(join(root, 'data/exports')).find(
      (file) => file.startsWith(`${base}.`) && !file.endsWith('.manifest.json'),
    )!;
    const bytes = readFileSync(join(root, 'data/exports', dataFile));
    let rows: string[][];
    if (dataFile.endsWith('.xlsx'))
      rows = (await readSheet(bytes)).map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
    else {
      const utf8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      const text = new TextDecoder(utf8 ? 'utf-8' : 'windows-1252').decode(bytes).replace(/^\uFEFF/, '');
      rows = Papa.parse<string[]>(text.replace(/^sep=;\r?\n/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    }
    const [header, ...body] = rows;
    const column = (title: string | undefined) => (title === undefined ? -1 : header!.indexOf(title));
    const [region, period, value, sex] = [
      column(manifest.columns.region),
      column(manifest.columns.period),
      column(manifest.columns.value),
      column(manifest.columns.sex),
    ];
    for (const row of body) {
      const text = row[value]!.trim().replace(',', '.');
      const number = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
      const as = sex < 0 ? 'total' : SEX_WORD[row[sex]!.trim().toLowerCase()]!;
      put(`export:${manifest.indicator}`, 'value', row[region]!.trim(), as, '-', row[period]!.trim(), number);
    }
  }
}
await readExports();

/** Which raw source and count an indicator's part reads. */
function sourceOf(indicator: Indicator, part: Part | null): { source: string; what: string; age: string | null } {
  if (indicator.source.kind === 'kolada') return { source: `kolada:${indicator.source.kpi}`, what: 'value', age: null };
  // A rate per 1 000 reads its count from the export and its population from SCB.
  if (indicator.source.kind === 'export' && part?.indicator !== 'befolkning')
    return { source: `export:${part?.indicator ?? indicator.id}`, what: 'value', age: null };
  const folder = part!.indicator === 'he-befolkning' ? 'he' : part!.indicator.replace(/^befolkning$/, 'befolkning');
  const what = part!.indicator === 'he-befolkning' ? 'folkmangd' : (part!.breakdown.status ?? 'folkmangd');
  return { source: folder, what, age: part!.breakdown.age ?? null };
}

/** The raw value of one region, or the sum over kommuner when the source has no value of its own. */
function areaCount(source: string, what: string, area: Area, sex: Sex, age: string, period: string): number | null {
  if (area.code !== null && regionsOf.get(source)?.has(area.code)) {
    return counts.get(`${source}|${what}|${area.code}|${sex}|${age}|${period}`) ?? null;
  }
  if (area.kommuner.length === 0) return null;
  let sum = 0;
  for (const kommun of area.kommuner) {
    const value = counts.get(`${source}|${what}|${kommun}|${sex}|${age}|${period}`);
    if (value === undefined || value === null) return null;
    sum += value;
  }
  return sum;
}

/** The periods whose values make a year: twelve months, four quarters, one month, or the year. */
function periodsOfYear(indicator: Indicator, year: string): string[] {
  switch (indicator.yearly.kind) {
    case 'mean-of-months':
      return Array.from({ length: 12 }, (_, month) => `${year}M${String(month + 1).padStart(2, '0')}`);
    case 'mean-of-quarters':
      return [1, 2, 3, 4].map((quarter) => `${year}K${quarter}`);
    case 'month':
      return [`${year}M${String(indicator.yearly.month).padStart(2, '0')}`];
    default:
      return [year];
  }
}

function yearly(
  indicator: Indicator,
  part: Part | null,
  area: Area,
  sex: Sex,
  split: Record<string, string>,
  year: string,
) {
  const { source, what: baseWhat, age: baseAge } = sourceOf(indicator, part);
  const what = split.benefit && part?.indicator === 'he' ? split.benefit : baseWhat;
  const age = split.age ?? baseAge ?? '-';
  const periods = periodsOfYear(indicator, year);
  let sum = 0;
  for (const period of periods) {
    const value = areaCount(source, what, area, sex, age, period);
    if (value === null) return null;
    sum += value;
  }
  return sum / periods.length;
}

export interface Area {
  code: string | null;
  kommuner: string[];
  /** A förbund: its rate is the publisher's for a län of the same kommuner, else its members' weighted. */
  forbund?: boolean;
}

/** The län whose kommuner are exactly these, if any (a kommun code starts with its län's). */
function wholeLan(kommuner: string[]): string | null {
  const lan = kommuner[0]?.slice(0, 2) ?? '';
  const all = [...(regionsOf.get('befolkning') ?? [])].filter((code) => code.length === 4 && code.startsWith(lan));
  return kommuner.every((code) => code.startsWith(lan)) && all.length === kommuner.length ? lan : null;
}

/**
 * A förbund's rate where the source publishes rates per kommun: Σ rate × population / Σ population,
 * the population in the indicator's age band, of the year before where the source divides by that.
 */
function forbundRate(indicator: Indicator, area: Area, sex: Sex, split: Record<string, string>, year: string): Cell {
  const measure = indicator.measure;
  if (measure.kind !== 'value') return null;
  const lan = wholeLan(area.kommuner);
  if (lan !== null && regionsOf.get(sourceOf(indicator, null).source)?.has(lan))
    return yearly(indicator, null, { code: lan, kommuner: [] }, sex, split, year);
  if (!measure.weightedBy) return null;
  let weighted = 0;
  let total = 0;
  for (const kommun of area.kommuner) {
    const value = yearly(indicator, null, { code: kommun, kommuner: [] }, sex, split, year);
    const weightYear = String(Number(year) - measure.weightedBy.lag);
    const weight = counts.get(
      `${weightSource(measure.weightedBy)}|${kommun}|${sex}|${weightAge(measure.weightedBy)}|${weightYear}`,
    );
    if (value === null || weight === undefined || weight === null) return null;
    weighted += value * weight;
    total += weight;
  }
  return total > 0 ? weighted / total : null;
}

/** Where a weight is read: SCB's population by age, or a population count of Kolada's own (by its KPI). */
function weightSource(weight: { indicator: string }): string {
  if (weight.indicator === 'befolkning') return 'befolkning|folkmangd';
  const kpi = koladaKpis.find((entry) => entry.indicator === weight.indicator)?.kpi;
  if (!kpi) throw new Error(`ingen källa för vikten ${weight.indicator}`);
  return `kolada:${kpi}|value`;
}

function weightAge(weight: { breakdown: { age?: string } }): string {
  return weight.breakdown.age ?? '-';
}

/** The figure the site should publish for an indicator, area, sex, split and year. */
export function expected(
  indicator: Indicator,
  area: Area,
  sex: Sex,
  split: Record<string, string>,
  year: string,
): Cell {
  const measure = indicator.measure;
  if (measure.kind === 'ratio') {
    // A kommun's figure is SCB's own share where SCB publishes it for the very period the year is read at.
    const oneCell = indicator.yearly.kind === 'as-published' || indicator.yearly.kind === 'month';
    if (measure.published && oneCell && area.code !== null && /^\d{4}$/.test(area.code)) {
      const { source, age } = sourceOf(indicator, measure.numerator);
      const share = `andel:${measure.published.breakdown.share ?? measure.published.breakdown.benefit}`;
      const [period] = periodsOfYear(indicator, year);
      const theirs = counts.get(`${source}|${share}|${area.code}|${sex}|${split.age ?? age ?? '-'}|${period}`);
      if (theirs !== undefined && theirs !== null) return theirs;
    }
    // A kommun's rate of a protected count is never published.
    const count = countOf(indicator);
    if (count !== indicator && expected(count, area, sex, split, year) === 'protected') return 'protected';
    const numerator = yearly(indicator, measure.numerator, area, sex, split, year);
    const denominator = yearly(indicator, measure.denominator, area, sex, split, year);
    if (numerator === null || denominator === null || denominator === 0) return null;
    return (numerator / denominator) * measure.scale;
  }
  if (indicator.unit !== 'count' && area.forbund) return forbundRate(indicator, area, sex, split, year);
  // Shares cannot be summed: an area without its own value has none.
  const part = indicator.source.kind === 'scb' ? { indicator: measure.indicator, breakdown: measure.breakdown } : null;
  const value = yearly(
    indicator,
    part,
    indicator.unit === 'count' ? area : { ...area, kommuner: [] },
    sex,
    split,
    year,
  );
  if (indicator.unit === 'count' && area.code !== null && value !== null && value > 0 && value < threshold)
    return 'protected';
  return value;
}

/** Whether a count of this kommun, sex and year is protected in the raw data (for the "why withheld" check). */
export function isProtectedCount(
  indicator: Indicator,
  kommun: string,
  sex: Sex,
  split: Record<string, string>,
  year: string,
) {
  return expected(countOf(indicator), { code: kommun, kommuner: [] }, sex, split, year) === 'protected';
}

/** The count whose protection a figure inherits: its own, or its numerator's (a rate per 1 000 of a count). */
function countOf(indicator: Indicator): Indicator {
  const measure = indicator.measure;
  if (measure.kind !== 'ratio') return indicator;
  return indicators.find((other) => other.id === measure.numerator.indicator && other.unit === 'count') ?? indicator;
}

/** The kommuner of a kommungrupp, as SCB's code list gives them. */
export const kommungrupper = new Map(
  (json('data/raw/scb/kommungrupper/codelist.json') as { values: { code: string; valueMap: string[] }[] }).values.map(
    (group) => [group.code.replace(/^2023_/, ''), group.valueMap],
  ),
);

/** Every kommun of a län, from the region reference (a kommun code starts with its län's). */
export function kommunerOfLan(lan: string, allKommuner: string[]): string[] {
  return allKommuner.filter((code) => code.length === 4 && code.startsWith(lan));
}
