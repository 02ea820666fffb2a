/**
 * Plausible, invented trends for the example dataset around real levels: every kommun's population
 * 20–64 in 2025 is SCB's (TAB5557, recorded), and the invented series scale with it, so Umeå looks
 * like Umeå and Bjurholm like Bjurholm. Everything else here is invented.
 */
import { realPopulation2064 } from './reality.ts';
import { hashNormal, hashUnit } from './random.ts';

export const SEED = 'lagesbild-exempel-1';

let real2025: Map<string, number> | null = null;

/** Population 20–64 of a kommun, by sex, in a given year: SCB's 2025 level, an invented trend around it. */
export function population2064(kommun: string, sex: 'men' | 'women', year: number): number {
  real2025 ??= realPopulation2064(process.cwd());
  const size = real2025.get(kommun) ?? Math.exp(Math.log(9000) + 1.05 * hashNormal(SEED, `pop:${kommun}`));
  const growth = 1 + (hashUnit(SEED, `popgrowth:${kommun}`) - 0.45) * 0.012 * (year - 2025);
  return Math.round(size * growth * (sex === 'women' ? 0.49 : 0.51));
}

export const BENEFITS = [
  'sjukpenning',
  'sjuk-och-aktivitetsersattning',
  'arbetsloshetsersattning',
  'arbetsmarknadsatgarder',
  'ekonomiskt-bistand',
  'etableringsersattning',
] as const;
export type Benefit = (typeof BENEFITS)[number];

const BENEFIT_SHARE: Record<Benefit, number> = {
  sjukpenning: 0.24,
  'sjuk-och-aktivitetsersattning': 0.33,
  arbetsloshetsersattning: 0.14,
  arbetsmarknadsatgarder: 0.13,
  'ekonomiskt-bistand': 0.11,
  etableringsersattning: 0.05,
};

/** Helårsekvivalenter of one benefit in one month for a kommun and sex (before rounding). */
export function helarsekvivalenter(
  kommun: string,
  sex: 'men' | 'women',
  benefit: Benefit,
  year: number,
  month: number,
): number {
  const level = 0.085 + 0.06 * hashUnit(SEED, `he-level:${kommun}`);
  const trend = -0.0025 * (0.5 + hashUnit(SEED, `he-trend:${kommun}`));
  const t = year - 2014 + (month - 1) / 12;
  let weight = BENEFIT_SHARE[benefit] * (0.8 + 0.4 * hashUnit(SEED, `he-mix:${kommun}:${benefit}`));
  if (benefit === 'etableringsersattning') weight *= Math.max(0.15, Math.exp(-((t - 3.5) ** 2) / 4) * 3);
  if (benefit === 'sjuk-och-aktivitetsersattning') weight *= 1 - 0.035 * t;
  if (benefit === 'arbetsloshetsersattning' || benefit === 'arbetsmarknadsatgarder')
    weight *= 1 + (year === 2020 || year === 2021 ? 0.25 : 0) + 0.08 * Math.cos(((month - 1) / 12) * 2 * Math.PI);
  if (benefit === 'sjukpenning' && sex === 'women') weight *= 1.5;
  const share = Math.max(0.02, level + trend * t) * weight;
  const noise = 1 + 0.03 * hashNormal(SEED, `he-noise:${kommun}:${sex}:${benefit}:${year}:${month}`);
  return population2064(kommun, sex, year) * share * noise;
}

export const AGE_BANDS = [
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-54',
  '55-59',
  '060-64',
  '65-69',
  '70-74',
] as const;
const BAND_WEIGHT = [0.075, 0.08, 0.09, 0.095, 0.09, 0.085, 0.085, 0.09, 0.085, 0.08, 0.075, 0.07];
const PARTICIPATION = [0.32, 0.74, 0.86, 0.89, 0.91, 0.92, 0.92, 0.91, 0.88, 0.76, 0.22, 0.07];
const UNEMPLOYMENT_FACTOR = [2.2, 1.6, 1.2, 1, 0.95, 0.9, 0.85, 0.8, 0.8, 0.85, 0.6, 0.5];

export interface BasCounts {
  totalt: number;
  arbetskraften: number;
  arbetslosa: number;
  sysselsatta: number;
}

/** BAS counts for one kommun, sex and age band in one month. */
export function basCounts(kommun: string, sex: 'men' | 'women', band: number, year: number, month: number): BasCounts {
  const people = (population2064(kommun, sex, year) / 0.7) * (BAND_WEIGHT[band] ?? 0.08);
  const totalt = Math.round(
    people * (1 + 0.01 * hashNormal(SEED, `bas-pop:${kommun}:${sex}:${band}:${year}:${month}`)),
  );
  const participation = Math.min(
    0.97,
    (PARTICIPATION[band] ?? 0.8) * (0.96 + 0.06 * hashUnit(SEED, `bas-part:${kommun}`)) * (1 + 0.004 * (year - 2020)),
  );
  const arbetskraften = Math.round(totalt * participation);
  const level = 0.035 + 0.07 * hashUnit(SEED, `bas-u:${kommun}`);
  const season = 1 + 0.12 * Math.cos(((month - 1) / 12) * 2 * Math.PI) - (year >= 2022 ? 0.05 : 0);
  const unemployment = Math.min(0.5, level * (UNEMPLOYMENT_FACTOR[band] ?? 1) * season * (sex === 'men' ? 1.05 : 0.95));
  const arbetslosa = Math.round(arbetskraften * unemployment);
  return { totalt, arbetskraften, arbetslosa, sysselsatta: arbetskraften - arbetslosa };
}

/**
 * A yearly Kolada-like KPI value for a kommun: level, trend and a small sex gap. The trend is
 * relative to the kommun's own level (`yearlyTrend` is per year at the mean `level`): added as a
 * fixed amount it drove low kommuner to 0,0 % of ekonomiskt bistånd, which no kommun has.
 */
export function koladaValue(
  kpi: string,
  kommun: string,
  year: number,
  gender: 'T' | 'K' | 'M',
  level: number,
  spread: number,
  yearlyTrend: number,
): number {
  // Log-normal around the level: a share spreads upwards, never below zero.
  const base = level * Math.exp(spread * hashNormal(SEED, `kpi:${kpi}:${kommun}`));
  const trend = (yearlyTrend / level) * (year - 2014) * (0.5 + hashUnit(SEED, `kpi-trend:${kpi}:${kommun}`));
  const noise = 1 + 0.04 * hashNormal(SEED, `kpi-noise:${kpi}:${kommun}:${year}`);
  const gap = gender === 'T' ? 1 : gender === 'K' ? 1 - 0.06 : 1 + 0.06;
  return Math.max(0, base * (1 + trend) * noise * gap);
}
