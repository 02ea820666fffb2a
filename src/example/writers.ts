/** Which example model writes each SCB dataset of `sources.json`, by the dataset names of `data/raw/scb/`. */
import type { ProjectConfig } from '../config/load.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import type { ScbTable } from '../schemas/sources.ts';
import { writeBas, writeBasFound } from './bas.ts';
import { writeBasFinal } from './bas-final.ts';
import { writeBefolkning, writeBefolkningCkm, writeBefolkningCkmYoung } from './befolkning.ts';
import { writeHelarsekvivalenter } from './he.ts';
import { writeUtbildning } from './education.ts';
import { writeBasFodelse } from './birth-region.ts';

type ExampleWriter = (table: ScbTable, config: ProjectConfig, store: RawStore, log: (message: string) => void) => void;

export const EXAMPLE_SCB_WRITERS: Record<string, ExampleWriter> = {
  he: writeHelarsekvivalenter,
  bas: writeBas,
  'bas-kvartal': writeBasFound,
  'bas-slutlig': writeBasFinal,
  'bas-fodelse': writeBasFodelse,
  utbildning: writeUtbildning,
  befolkning: writeBefolkning,
  'befolkning-ckm': writeBefolkningCkm,
  'befolkning-ckm-unga': writeBefolkningCkmYoung,
};
