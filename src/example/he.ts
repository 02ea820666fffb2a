/** Example helårsekvivalenter (dataset `he`, TAB1386 in SCB's format). */
import { periodRange } from '../formats/period.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { BENEFITS, helarsekvivalenter, population2064, type Benefit } from './models.ts';
import {
  exampleTableId,
  metadataDocument,
  monthOf,
  publishedShare,
  SEX_OF,
  sumOver,
  writeScbTable,
} from './scb-tables.ts';

const SHARE_CODE = '0000018I';

export function writeHelarsekvivalenter(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const regions = config.registry.all.filter((region) => region.level !== 'lan');
  const contentCodes: [string, string][] = [
    ['0000018A', 'Sjukpenning'],
    ['0000018B', 'Sjuk- och aktivitetsersersättning'],
    ['0000018C', 'Arbetslöshetsersättning'],
    ['0000018D', 'Arbetsmarknadsåtgärder'],
    ['0000018E', 'Ekonomiskt bistånd'],
    ['0000018F', 'Etableringsersättning'],
    ['0000018G', 'Summa helårsekvivalenter'],
    ['0000018H', 'Folkmängd'],
    [SHARE_CODE, 'Andel av befolkningen'],
  ];
  const benefitByCode = new Map<string, Benefit | 'summa' | 'folkmangd'>([
    ['0000018A', 'sjukpenning'],
    ['0000018B', 'sjuk-och-aktivitetsersattning'],
    ['0000018C', 'arbetsloshetsersattning'],
    ['0000018D', 'arbetsmarknadsatgarder'],
    ['0000018E', 'ekonomiskt-bistand'],
    ['0000018F', 'etableringsersattning'],
    ['0000018G', 'summa'],
    ['0000018H', 'folkmangd'],
  ]);
  const metadata = metadataDocument(exampleTableId(table), table.title, [
    { id: 'Region', label: 'region', codes: regions.map((region) => [region.code, region.name]) },
    {
      id: 'Kon',
      label: 'kön',
      // TAB1386's own labels (its codes are not known here; they are matched by label online).
      codes: [
        ['1', 'män'],
        ['2', 'kvinnor'],
        ['1+2', 'män och kvinnor totalt'],
      ],
    },
    {
      id: 'Aldersgrupp',
      label: 'åldersgrupp',
      codes: [
        ['20-64', '20–64 år'],
        ['20-65', '20–65 år'],
      ],
    },
    {
      id: 'ContentsCode',
      label: 'tabellinnehåll',
      codes: contentCodes,
      units: Object.fromEntries(
        contentCodes.map(([code]) => [
          code,
          { base: code === SHARE_CODE ? 'procent' : 'antal', decimals: code === SHARE_CODE ? 1 : 0 },
        ]),
      ),
    },
    { id: 'Tid', label: 'månad', codes: periodRange('2014M01', '2025M12').map((code) => [code, code]) },
  ]);
  const kommunValue = (
    kommun: string,
    sexes: ('men' | 'women')[],
    what: Benefit | 'summa' | 'folkmangd',
    year: number,
    month: number,
  ): number =>
    sumOver(sexes, (sex) => {
      if (what === 'folkmangd') return population2064(kommun, sex as 'men' | 'women', year);
      const benefits = what === 'summa' ? BENEFITS : [what];
      return sumOver([...benefits], (benefit) =>
        Math.round(helarsekvivalenter(kommun, sex as 'men' | 'women', benefit as Benefit, year, month)),
      );
    });
  writeScbTable(
    table,
    metadata,
    config,
    store,
    (codes, kommuner) => {
      const content = codes['ContentsCode'] ?? '';
      const sexes = SEX_OF[codes['Kon'] ?? ''];
      const { year, month } = monthOf(codes['Tid'] ?? '');
      const sum = (what: Benefit | 'summa' | 'folkmangd') =>
        sumOver(kommuner, (kommun) => kommunValue(kommun, sexes ?? [], what, year, month));
      if (!sexes) return null;
      // SCB's own share: the sum of helårsekvivalenter over the population, as published.
      if (content === SHARE_CODE) return publishedShare(sum('summa'), sum('folkmangd'));
      const what = benefitByCode.get(content);
      return what ? sum(what) : null;
    },
    log,
  );
}
