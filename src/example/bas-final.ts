/**
 * BAS final yearly figures (TAB3200) on reality: the table's metadata and SCB's published
 * unemployment and employment rates 20–64 for every kommun 2020–2024 are real recordings and go in
 * as real. The counts are invented (October of the monthly model, revised a little, as final figures
 * are), then moved just enough that each kommun's 20–64 shares round to SCB's, so the build's check
 * against the publisher holds. The rest (15–74, men and women, län, riket) is invented.
 */
import { forEachCell, readJsonStat } from '../formats/jsonstat.ts';
import { periodRange } from '../formats/period.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { planQueries, type Selection } from '../fetch/planner.ts';
import { AGE_BANDS, basCounts, SEED, type BasCounts } from './models.ts';
import { hashNormal } from './random.ts';
import { recording, type Recording } from './reality.ts';
import {
  EXAMPLE_LIMITS,
  publishedShare,
  SEX_OF,
  sumOver,
  writeRecordedData,
  writeScbData,
  writeScbMetadata,
} from './scb-tables.ts';

const UNEMPLOYMENT = '000002NN';
const EMPLOYMENT_RATE = '000002NS';
const RECORDED = {
  [UNEMPLOYMENT]: 'TAB3200/data-kommuner-20-64-arbetsloshet-2020-2024.json',
  [EMPLOYMENT_RATE]: 'TAB3200/data-kommuner-20-64-sysselsattningsgrad-2020-2024.json',
};
const PERIODS = periodRange('2020', '2024');
/** TAB3200's real metadata, recorded by atlas290: the table of the final figures and of birth region. */
export const TAB3200_METADATA = 'TAB3200/metadata.sv.json';
/** Age bands 20–24 … 60–64 of the model, the cells a kommun's 20–64 figure is the sum of. */
const BANDS_20_64 = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const BANDS: Record<string, number[]> = { '15-74': AGE_BANDS.map((_, index) => index), '20-64': BANDS_20_64 };
const SHARES: Record<string, [keyof BasCounts, keyof BasCounts]> = {
  [UNEMPLOYMENT]: ['arbetslosa', 'arbetskraften'],
  [EMPLOYMENT_RATE]: ['sysselsatta', 'totalt'],
};

export function modelCounts(kommun: string, sex: 'men' | 'women', band: number, period: string): BasCounts {
  const october = basCounts(kommun, sex, band, Number(period), 10);
  const revised = (value: number, what: string) =>
    Math.round(value * (1 + 0.003 * hashNormal(SEED, `bas-final:${kommun}:${sex}:${band}:${what}:${period}`)));
  const arbetskraften = revised(october.arbetskraften, 'ak');
  const arbetslosa = Math.min(arbetskraften, revised(october.arbetslosa, 'al'));
  return { totalt: revised(october.totalt, 'tot'), arbetskraften, arbetslosa, sysselsatta: arbetskraften - arbetslosa };
}

/** Whether a count's share rounds to the published one-decimal share. */
function roundsTo(numerator: number, denominator: number, published: number): boolean {
  return denominator > 0 && Math.abs((numerator / denominator) * 100 - published) <= 0.05;
}

/**
 * The smallest moves of the 20–64 total, employed and unemployed that make both shares round to
 * SCB's: a small kommun's count moves a share by more than 0.1, so the total may move too.
 */
function movesToReal(
  base: { totalt: number; sysselsatta: number; arbetslosa: number },
  unemployment: number,
  employmentRate: number,
): { totalt: number; sysselsatta: number; arbetslosa: number } {
  for (let step = 0; step <= 200; step++) {
    const totalt = base.totalt + (step % 2 === 0 ? step / 2 : -(step + 1) / 2);
    const employed = Math.round((employmentRate / 100) * totalt);
    for (const sysselsatta of [employed, employed - 1, employed + 1]) {
      if (!roundsTo(sysselsatta, totalt, employmentRate)) continue;
      const unemployed = Math.round(((unemployment / 100) * sysselsatta) / (1 - unemployment / 100));
      for (const arbetslosa of [unemployed, unemployed - 1, unemployed + 1])
        if (arbetslosa >= 0 && roundsTo(arbetslosa, sysselsatta + arbetslosa, unemployment))
          return {
            totalt: totalt - base.totalt,
            sysselsatta: sysselsatta - base.sysselsatta,
            arbetslosa: arbetslosa - base.arbetslosa,
          };
    }
  }
  throw new Error(`Inga antal ger SCB:s andelar ${unemployment} % och ${employmentRate} %`);
}

/** A move spread over the 18 cells (two sexes × nine bands) of 20–64, adding up exactly. */
function part(move: number, cell: number): number {
  const cells = BANDS_20_64.length * 2;
  return Math.floor(move / cells) + (cell < ((move % cells) + cells) % cells ? 1 : 0);
}

function realShares(recordings: Recording[]): Map<string, Record<string, number>> {
  const shares = new Map<string, Record<string, number>>();
  for (const recorded of recordings) {
    const cube = readJsonStat(recorded.response);
    const axis = (id: string) => cube.dimensions.findIndex((dimension) => dimension.id === id);
    forEachCell(cube, (codes, value) => {
      if (value === null) return;
      const key = `${codes[axis('Region')]}|${codes[axis('Tid')]}`;
      shares.set(key, { ...shares.get(key), [codes[axis('ContentsCode')] ?? '']: value });
    });
  }
  return shares;
}

export function writeBasFinal(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const metadataRecording = recording(config.root, TAB3200_METADATA);
  const { metadata, plan } = writeScbMetadata(table, metadataRecording.response, config, store, metadataRecording);
  const recordings = Object.entries(RECORDED).map(([code, path]) => {
    const recorded = recording(config.root, path);
    writeRecordedData(table, store, `inspelad-${code}`, recorded);
    return recorded;
  });
  const real = realShares(recordings);
  const moves = new Map<string, ReturnType<typeof movesToReal>>();
  const moveOf = (kommun: string, period: string) => {
    const key = `${kommun}|${period}`;
    let move = moves.get(key);
    if (!move) {
      const shares = real.get(key);
      const cells = (['men', 'women'] as const).flatMap((sex) =>
        BANDS_20_64.map((band) => modelCounts(kommun, sex, band, period)),
      );
      const base = {
        totalt: sumOver(cells, (cell) => cell.totalt),
        sysselsatta: sumOver(cells, (cell) => cell.sysselsatta),
        arbetslosa: sumOver(cells, (cell) => cell.arbetslosa),
      };
      const unemployment = shares?.[UNEMPLOYMENT];
      const employmentRate = shares?.[EMPLOYMENT_RATE];
      move =
        unemployment === undefined || employmentRate === undefined
          ? { totalt: 0, sysselsatta: 0, arbetslosa: 0 }
          : movesToReal(base, unemployment, employmentRate);
      moves.set(key, move);
    }
    return move;
  };
  const counts = (kommun: string, sex: 'men' | 'women', band: number, period: string): BasCounts => {
    const model = modelCounts(kommun, sex, band, period);
    const cell = BANDS_20_64.indexOf(band);
    if (cell < 0) return model;
    const move = moveOf(kommun, period);
    const at = cell + (sex === 'women' ? BANDS_20_64.length : 0);
    const sysselsatta = model.sysselsatta + part(move.sysselsatta, at);
    const arbetslosa = model.arbetslosa + part(move.arbetslosa, at);
    return {
      totalt: model.totalt + part(move.totalt, at),
      sysselsatta,
      arbetslosa,
      arbetskraften: sysselsatta + arbetslosa,
    };
  };
  const valueOf = (codes: Record<string, string>, kommuner: string[]): number | null => {
    const sexes = SEX_OF[codes['Kon'] ?? ''];
    const bands = BANDS[codes['Alder'] ?? ''];
    const period = codes['Tid'] ?? '';
    if (!sexes || !bands || !PERIODS.includes(period)) return null;
    const count = (status: keyof BasCounts) =>
      sumOver(kommuner, (kommun) =>
        sumOver(sexes, (sex) => sumOver(bands, (band) => counts(kommun, sex as 'men' | 'women', band, period)[status])),
      );
    const content = codes['ContentsCode'] ?? '';
    const share = SHARES[content];
    if (share) return publishedShare(count(share[0]), count(share[1]));
    const status = table.contents.items.find((_, index) => plan.contentCodes[index] === content)?.breakdown['status'];
    return status ? count(status as keyof BasCounts) : null;
  };
  const [query] = plan.queries;
  if (!query) throw new Error('TAB3200: ingen fråga i sources.json');
  const kommuner = new Set(config.registry.kommuner().map((kommun) => kommun.code));
  const regions = query.selection['Region'] ?? [];
  const contents = query.selection['ContentsCode'] ?? [];
  const shareCodes = contents.filter((code) => code in SHARES);
  const total = table.sex.codes.total ?? '';
  // Everything a fetch asks for, less the cells the recordings hold (kommuner, 20–64, both sexes).
  const selections: [string, Selection][] = [
    ['exempel-antal', { ...query.selection, ContentsCode: contents.filter((code) => !(code in SHARES)) }],
    [
      'exempel-andel-lan-riket',
      { ...query.selection, ContentsCode: shareCodes, Region: regions.filter((code) => !kommuner.has(code)) },
    ],
    [
      'exempel-andel-kon',
      {
        ...query.selection,
        ContentsCode: shareCodes,
        Region: regions.filter((code) => kommuner.has(code)),
        Kon: (query.selection['Kon'] ?? []).filter((code) => code !== total),
      },
    ],
    [
      'exempel-andel-15-74',
      {
        ...query.selection,
        ContentsCode: shareCodes,
        Region: regions.filter((code) => kommuner.has(code)),
        Kon: [total],
        Alder: (query.selection['Alder'] ?? []).filter((code) => code !== '20-64'),
      },
    ],
  ];
  for (const [name, selection] of selections)
    planQueries(selection, EXAMPLE_LIMITS.maxDataCells, plan.dimensionOrder).forEach((part, index) => {
      writeScbData(table, metadata, config, store, `${name}-${index + 1}`, part, valueOf);
      log(`  TAB3200: ${name} ${index + 1}`);
    });
}
