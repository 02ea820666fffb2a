/**
 * TAB3200's population 20–64 born in Sweden and abroad (`Fodelseregion` `tot` and `ut`), on the
 * table's real recorded metadata. The values are invented: the total is the example's own BAS
 * model for October before it is moved to SCB's recorded shares (so it may differ from the
 * example's `bas-slutlig` total by a few persons), and the share born abroad leans on the example's
 * unemployment level, as it does in Sweden.
 */
import { periodRange } from '../formats/period.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { SEED } from './models.ts';
import { hashUnit } from './random.ts';
import { recording } from './reality.ts';
import { modelCounts, TAB3200_METADATA } from './bas-final.ts';
import { SEX_OF, sumOver, writeScbTable } from './scb-tables.ts';

const PERIODS = periodRange('2020', '2024');
const BANDS_20_64 = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** A kommun's share of 20–64 born abroad in a year. */
function bornAbroad(kommun: string, year: number): number {
  const level = 0.08 + 0.26 * (0.5 * hashUnit(SEED, `bas-u:${kommun}`) + 0.5 * hashUnit(SEED, `ut:${kommun}`));
  return Math.min(0.6, level * (1 + 0.015 * (year - 2020)));
}

export function writeBasFodelse(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const metadataRecording = recording(config.root, TAB3200_METADATA);
  writeScbTable(
    table,
    metadataRecording.response,
    config,
    store,
    (codes, kommuner) => {
      const sexes = SEX_OF[codes['Kon'] ?? ''];
      const period = codes['Tid'] ?? '';
      const birth = codes['Fodelseregion'];
      if (!sexes || !PERIODS.includes(period) || codes['Alder'] !== '20-64') return null;
      return sumOver(kommuner, (kommun) => {
        const total = sumOver(sexes, (sex) =>
          sumOver(BANDS_20_64, (band) => modelCounts(kommun, sex as 'men' | 'women', band, period).totalt),
        );
        return birth === 'ut' ? Math.round(total * bornAbroad(kommun, Number(period))) : total;
      });
    },
    log,
    metadataRecording,
  );
}
