/**
 * Every figure of every published CSV (each förbund's indicator pages and the open data), and the
 * tables of the indicator pages (values, changes, verdicts, ranks), recomputed from the raw files
 * by `helpers/recompute.ts` without the project's measure code. A difference beyond the published
 * rounding fails, naming the file, row and both numbers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dist, page, requireDist, root } from '../helpers/dist.ts';
import {
  expected,
  indicators,
  isProtectedCount,
  kommungrupper,
  kommunerOfLan,
  type Area,
  type Cell,
  type Sex,
} from '../helpers/recompute.ts';

requireDist();

const FIXED = new Set([
  'region_code',
  'region_name',
  'period',
  'sex',
  'value',
  'unit',
  'status',
  'change',
  'verdict',
  'source',
  'example',
]);
const allKommuner = [...kommungrupper.values()].flat();
const forbund = new Map(
  readdirSync(join(root, 'data/config/forbund')).map((name) => {
    const config = JSON.parse(readFileSync(join(root, 'data/config/forbund', name), 'utf8')) as {
      id: string;
      members: { code: string }[];
    };
    return [config.id, config.members.map((member) => member.code)];
  }),
);

function areaOf(code: string): Area {
  if (code === '00') return { code, kommuner: allKommuner };
  if (code.length === 2) return { code, kommuner: kommunerOfLan(code, allKommuner) };
  if (code.startsWith('forbund:'))
    return { code: null, kommuner: forbund.get(code.slice('forbund:'.length))!, forbund: true };
  if (code.startsWith('kommungrupp-')) return { code: null, kommuner: kommungrupper.get(code.slice(12))! };
  return { code, kommuner: [] };
}

/** Half a unit in the last published decimal, and a hair for binary fractions. */
const tolerance = (decimals: number) => 0.5 * 10 ** -decimals + 1e-9;
const decimalsOf = (indicator: (typeof indicators)[number]) =>
  indicator.unit === 'count' ? 0 : (indicator.decimals ?? 1);

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  return Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

/** Why a withheld cell is withheld: a protected kommun inside it, or a protected other part of total = women + men. */
function withheldForAReason(indicator: (typeof indicators)[number], row: Row, split: Record<string, string>): boolean {
  const area = areaOf(row.region_code!);
  const kommuner = area.kommuner.length > 0 ? area.kommuner : [row.region_code!];
  const sexes: Sex[] = ['total', 'women', 'men'];
  return kommuner.some((kommun) => sexes.some((sex) => isProtectedCount(indicator, kommun, sex, split, row.period!)));
}

/** Compares one published row with the recomputation; returns a description of a difference, or null. */
function differenceIn(indicator: (typeof indicators)[number], row: Row): string | null {
  const split = Object.fromEntries(Object.entries(row).filter(([name]) => !FIXED.has(name)));
  const want: Cell = expected(indicator, areaOf(row.region_code!), row.sex as Sex, split, row.period!);
  const where = `${row.region_code} ${row.period} ${row.sex} ${JSON.stringify(split)}`;
  if (row.status === 'suppressed') return want === 'protected' ? null : `${where}: <5 publicerat, råvärdet ${want}`;
  if (row.status === 'withheld')
    return withheldForAReason(indicator, row, split) ? null : `${where}: × utan skyddad del (${want})`;
  if (row.value === '') return want === null ? null : `${where}: tomt publicerat, råvärdet ${want}`;
  if (typeof want !== 'number') return `${where}: ${row.value} publicerat, råvärdet ${want}`;
  const published = Number(row.value);
  return Math.abs(published - want) <= tolerance(decimalsOf(indicator))
    ? null
    : `${where}: ${published} publicerat, omräknat ${want}`;
}

/**
 * A row's change and verdict against the same series' value a year before, as both are published:
 * the change is the difference of the shown values, the verdict follows the desired direction.
 */
function judgementDifference(indicator: (typeof indicators)[number], rows: Map<string, Row>, row: Row): string | null {
  const before = rows.get(seriesAt(row, String(Number(row.period) - 1)));
  const where = `${row.region_code} ${row.period} ${row.sex}`;
  if (indicator.direction === 'neutral')
    return row.verdict === 'not-judged' ? null : `${where}: ${row.verdict} för en indikator utan riktning`;
  if (!before || before.value === '' || row.value === '')
    return row.verdict === 'no-data' && row.change === ''
      ? null
      : `${where}: ${row.verdict} ${row.change} utan två värden`;
  const decimals = decimalsOf(indicator);
  const change = Math.round((Number(row.value) - Number(before.value)) * 10 ** decimals) / 10 ** decimals;
  const better = indicator.direction === 'lower-is-better' ? change < 0 : change > 0;
  const want = change === 0 ? 'unchanged' : better ? 'improving' : 'worsening';
  if (Math.abs(Number(row.change) - change) > 1e-9) return `${where}: förändring ${row.change}, omräknat ${change}`;
  return row.verdict === want ? null : `${where}: ${row.verdict}, omräknat ${want}`;
}

const OF_A_POINT = new Set(['period', 'value', 'status', 'change', 'verdict', 'example']);

/** A row's series (region, sex, split, …) and a period of it, as one key. */
function seriesAt(row: Row, period: string): string {
  const series = Object.entries(row).filter(([name]) => !OF_A_POINT.has(name));
  return `${JSON.stringify(series)}|${period}`;
}

const csvFiles = [
  ...indicators.map((indicator) => ({ indicator, file: join(dist, 'data', `${indicator.id}.csv`) })),
  ...[...forbund.keys()].flatMap((id) =>
    indicators.map((indicator) => ({ indicator, file: join(dist, id, 'indikator', indicator.id, 'data.csv') })),
  ),
].filter(({ file }) => {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
});

describe('every published CSV figure, recomputed from the raw files', () => {
  it('finds the CSVs of every indicator', () => {
    expect(new Set(csvFiles.map(({ indicator }) => indicator.id)).size).toBe(indicators.length);
  });

  it.each(csvFiles.map(({ indicator, file }) => [file.slice(dist.length), indicator] as const))(
    '%s',
    (_name, indicator) => {
      const file = join(dist, _name);
      const rows = readCsv(file);
      const differences = rows.map((row) => differenceIn(indicator, row)).filter((text) => text !== null);
      expect(differences.slice(0, 10), `${differences.length} av ${rows.length} rader skiljer sig`).toEqual([]);
      const byPoint = new Map(rows.map((row) => [seriesAt(row, row.period!), row]));
      const judged = rows.map((row) => judgementDifference(indicator, byPoint, row)).filter((text) => text !== null);
      expect(judged.slice(0, 10), `${judged.length} bedömningar skiljer sig`).toEqual([]);
    },
  );
});

/** "↓ −0,4" → -0.4, "12 345" → 12345, "7,7 %*" → 7.7 (a note mark is not part of it); symbols and words → null. */
function svNumber(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^[↑↓]/, '')
    .replace(/%?[*?]?$/, '')
    .replace('−', '-')
    .replace(',', '.');
  return /^[-+±]?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned.replace('±', '')) : null;
}

const VERDICT: Record<string, string> = { improving: 'förbättring', worsening: 'försämring', unchanged: 'oförändr' };

describe('indicator page tables, recomputed', () => {
  for (const [id, members] of forbund) {
    for (const indicator of indicators) {
      const url = `/${id}/indikator/${indicator.id}/`;
      let document: Document;
      try {
        document = page(url);
      } catch {
        continue;
      }
      it(`${url}: values, change, verdict and rank of each row`, () => {
        const csv = readCsv(join(dist, id, 'indikator', indicator.id, 'data.csv'));
        const codeOf = new Map(csv.map((row) => [row.region_name!, row.region_code!]));
        codeOf.set('Förbundet', `forbund:${id}`);
        const table = document.querySelector('main table')!;
        const header = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent!.trim());
        const years = header.filter((text) => /^\d{4}$/.test(text));
        const decimals = decimalsOf(indicator);
        const round = (value: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
        const latest = new Map<string, number | 'hidden' | null>();
        const ranks = new Map<string, string>();
        const rows = [...table.querySelectorAll('tbody tr')];
        expect(rows.length).toBeGreaterThan(0);
        const rateId = (indicator as { rate?: string }).rate;
        const rate = rateId === undefined ? undefined : indicators.find((other) => other.id === rateId);
        for (const row of rows) {
          const name = row.querySelector('th')!.textContent!.trim();
          const code = codeOf.get(name);
          // Cells by their column's heading: the table's layout may change, its meaning may not.
          const td = [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim().replace(/\s+/g, ' '));
          const cellUnder = (test: (heading: string) => boolean) => td[header.findIndex(test) - 1] ?? '';
          const yearCells = years.map((year) => cellUnder((heading) => heading === year));
          // An area the CSV does not hold (a län where only kommuner report) may show no figure.
          if (code === undefined) {
            expect(
              yearCells.every((text) => svNumber(text) === null),
              `${url} ${name}`,
            ).toBe(true);
            continue;
          }
          const values = years.map((year, index) => {
            const text = yearCells[index]!;
            const number = svNumber(text);
            if (number === null) return null;
            const want = expected(indicator, areaOf(code!), 'total', headlineSplit(indicator), year);
            expect(typeof want, `${url} ${name} ${year}: ${text}`).toBe('number');
            expect(
              Math.abs(number - (want as number)),
              `${url} ${name} ${year}: ${text} mot ${want}`,
            ).toBeLessThanOrEqual(tolerance(decimals));
            return { shown: number, raw: want as number };
          });
          const [previous, current] = values.slice(-2).map((value) => value?.shown ?? null);
          const hidden = /^(<\d|×)/.test(yearCells.at(-1) ?? '');
          // Ranks follow the values as shown: two members both shown as 4,8 % share a place.
          latest.set(code!, hidden ? 'hidden' : (values.at(-1)?.shown ?? null));
          const changeText = cellUnder((heading) => heading.startsWith('Förändring'));
          const verdictText = cellUnder((heading) => heading === 'Bedömning');
          const rankText = cellUnder((heading) => heading.startsWith('Placering'));
          ranks.set(code!, rankText);
          // A count is ranked by its rate per 1 000 beside it, recomputed from the export and SCB's population.
          if (rate) {
            const rateText = cellUnder((heading) => /^Per 1\s000/.test(heading));
            const shown = svNumber(rateText);
            const want = expected(rate, areaOf(code!), 'total', {}, years.at(-1)!);
            if (shown === null) expect(rateText, `${url} ${name}: per 1 000 mot ${want}`).toMatch(/^(×|\.\.)$/);
            else
              expect(Math.abs(shown - (want as number)), `${url} ${name}: ${rateText} per 1 000`).toBeLessThan(0.051);
            latest.set(code!, shown === null ? 'hidden' : shown);
          }
          if (previous !== null && previous !== undefined && current !== null && current !== undefined) {
            const change = round(current - previous);
            expect(svNumber(changeText), `${url} ${name}: förändring ${changeText}`).toBeCloseTo(change, decimals + 2);
            if (indicator.direction === 'neutral') expect(verdictText).toMatch(/bedöms inte/);
            else {
              const better = indicator.direction === 'lower-is-better' ? change < 0 : change > 0;
              const word = change === 0 ? VERDICT.unchanged! : better ? VERDICT.improving! : VERDICT.worsening!;
              expect(verdictText, `${url} ${name}: ${previous} → ${current}`).toContain(word);
            }
          }
        }
        checkRanks(url, ranks, members, latest, indicator.direction, indicator.unit === 'count' && !rate);
        // The lead sentence names the förbund's two shown values, as the table shows them.
        const forbundRow = rows.find((row) => row.querySelector('th')!.textContent!.trim() === 'Förbundet');
        const forbundCells = [...forbundRow!.querySelectorAll('td')];
        const lastTwo = years
          .slice(-2)
          .map((year) => forbundCells[header.indexOf(year) - 1]!.textContent!.trim().replace(/\s+/g, ' '))
          .map((text) => text.replace(/[*?]$/, ''));
        const lead = document.querySelector('main p')!.textContent!.replace(/\s+/g, ' ');
        const note = document.querySelector('main .lead-note')?.textContent ?? '';
        if (lastTwo.every((text) => svNumber(text) !== null))
          for (const text of lastTwo) expect(lead, `${url}: inledningen`).toContain(text);
        else if (lastTwo.at(-1) === '<5' || lastTwo.at(-1) === '×')
          // A protected value is named as protected, never called missing: in the lead, or in the note under
          // the members' range that opens instead.
          expect(`${lead} ${note}`, `${url}: inledningen`).toMatch(
            /visas inte \((<5|×)\), för att skydda enskilda|är skyddade/,
          );
        else if (svNumber(lastTwo.at(-1) ?? '') === null)
          expect(`${lead} ${note}`, `${url}: inledningen`).toMatch(/räknas inte|saknas/);
      });
    }
  }
});

function headlineSplit(indicator: (typeof indicators)[number]): Record<string, string> {
  return (indicator as unknown as { headline?: Record<string, string> }).headline ?? {};
}

/**
 * Ranks among members, 1 = best, ties shared, "of" the members with a value; none at all when a
 * member's value is hidden (it may be the best or the worst) or the indicator has no direction.
 */
function checkRanks(
  url: string,
  ranks: Map<string, string>,
  members: string[],
  latest: Map<string, number | 'hidden' | null>,
  direction: string,
  count: boolean,
) {
  const values = members.map((code) => latest.get(code) ?? null);
  const ranked = values.filter((value): value is number => typeof value === 'number');
  // A count is no rank: 29 in a large kommun and 5 in a small one say more about size than standing.
  const rankable = !values.includes('hidden') && direction !== 'neutral' && !count;
  for (const [code, rankText] of ranks) {
    const match = /^(\d+) av (\d+)$/.exec(rankText);
    const mine = latest.get(code);
    if (!rankable || !members.includes(code) || typeof mine !== 'number') {
      expect(match, `${url} ${code}: ingen placering (${rankText})`).toBeNull();
      continue;
    }
    const better = ranked.filter((other) => (direction === 'lower-is-better' ? other < mine : other > mine)).length;
    expect(match?.slice(1).map(Number), `${url} ${code}: placering ${rankText}`).toEqual([better + 1, ranked.length]);
  }
}

describe('Liknande kommuner on each member page, recomputed', () => {
  const sources = JSON.parse(readFileSync(join(root, 'data/config/sources.json'), 'utf8')) as {
    kolada: { peerGroups: { area: string; title: string }[] };
  };
  // Kolada's groups as fetched, and SCB's names: neither read through the project's code.
  const groups = readdirSync(join(root, 'data/raw/kolada'))
    .filter((name) => name.startsWith('grupper-'))
    .flatMap(
      (name) =>
        (
          JSON.parse(readFileSync(join(root, 'data/raw/kolada', name), 'utf8')) as {
            values: { title: string; members: { member_id: string }[] }[];
          }
        ).values,
    );
  const metadata = JSON.parse(readFileSync(join(root, 'data/reference/scb-TAB638-metadata.json'), 'utf8'));
  const names: Record<string, string> = metadata.dimension.Region.category.label;
  const codeOf = new Map(Object.entries(names).map(([code, name]) => [name, code]));
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  // The förbund this site publishes, with a page per member (a national one has none).
  const published = [...forbund].filter(([id, members]) =>
    existsSync(join(dist, id, 'indikator', 'helarsekvivalenter', members[0]!)),
  );
  const cases = published.flatMap(([id, members]) =>
    indicators
      .filter((indicator) => (indicator as { peerArea?: string }).peerArea !== undefined)
      .flatMap((indicator) => members.map((code) => ({ id, indicator, code }))),
  );

  it('has pages to check', () => expect(cases.length).toBeGreaterThan(50));

  it.each(cases.map((entry) => [`/${entry.id}/indikator/${entry.indicator.id}/${entry.code}/`, entry] as const))(
    '%s',
    (url, { indicator, code }) => {
      const area = (indicator as { peerArea?: string }).peerArea;
      const title = sources.kolada.peerGroups.find((group) => group.area === area)!.title;
      const latest = groups
        .map((group) => ({ group, match: new RegExp(`^${title}, ${names[code]}, (\\d{4})$`).exec(group.title) }))
        .filter((entry) => entry.match !== null)
        .sort((a, b) => Number(b.match![1]) - Number(a.match![1]))[0]!.group;
      const section = page(url).querySelector('section[aria-labelledby="liknande-rubrik"]');
      expect(section, url).not.toBeNull();
      const year = /\d{4}/.exec(section!.querySelectorAll('thead th')[1]!.textContent!)![0];
      const rows = [...section!.querySelectorAll('tbody tr')].map((row) => ({
        name: row.querySelector('th')!.textContent!.trim(),
        text: row.querySelector('td')!.textContent!.trim(),
      }));
      const [own, ...rest] = rows;
      const peers = rest.slice(0, -1);
      expect(own!.name).toBe(names[code]);
      expect(peers.map((peer) => codeOf.get(peer.name)).sort()).toEqual(
        latest.members.map((member) => member.member_id).sort(),
      );
      const recomputed = peers.map((peer) => {
        const want = expected(indicator, areaOf(codeOf.get(peer.name)!), 'total', headlineSplit(indicator), year);
        const shown = svNumber(peer.text);
        if (typeof want === 'number')
          expect(Math.abs(shown! - want), `${url} ${peer.name}`).toBeLessThanOrEqual(tolerance(decimalsOf(indicator)));
        else expect(shown, `${url} ${peer.name}: ${peer.text}`).toBeNull();
        return want;
      });
      const values = recomputed.filter((value): value is number => typeof value === 'number');
      const shownMedian = svNumber(rows.at(-1)!.text);
      if (values.length < 4) expect(shownMedian).toBeNull();
      else
        expect(Math.abs(shownMedian! - median(values)), `${url} median`).toBeLessThanOrEqual(
          tolerance(decimalsOf(indicator)),
        );
    },
  );
});
