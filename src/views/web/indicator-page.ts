/**
 * The indicator page's content, prepared for a thin `.astro` layout: charts as SVG strings with
 * captions that state the finding, the table with the same numbers, and the texts beside them.
 * One function per block; the page is the list of them.
 */
import { peerValueTable } from '../blocks/peers.ts';
import { expectedMembersTable } from '../blocks/expected.ts';
import { dashedSeries, lineChart } from '../../charts/line-chart.ts';
import type { ChartFrame } from '../../charts/render.ts';
import { rankedBars } from '../../charts/ranked-bars.ts';
import { nationalStrip } from '../../charts/national-strip.ts';
import { CONTEXT_GREY, ROLE_COLOURS } from '../../charts/render.ts';
import { nationalPlace } from '../../measures/national.ts';
import { stackedBars } from '../../charts/stacked-bars.ts';
import { t } from '../../i18n/index.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import { isProtected } from '../../schemas/observation.ts';
import { formatChange, formatDate, formatPeriod } from '../../formats/display.ts';
import type { SnapshotMeta } from '../../schemas/snapshot.ts';
import { changeSentence, formatValue, subjectFor } from '../text/sentences.ts';
import { isRanked, type AreaSummary, type IndicatorView, type SplitSeries } from '../model/indicator-view.ts';
import { MAX_HIGHLIGHT_MEMBERS } from '../../measures/areas.ts';
import { areaLabel, caveatsOf, cellText, changeHeading, periodText, rankText, sourceText } from '../text/labels.ts';
import { roleColours, sexChartRows, splitStack, trendChartRows, unitLabel, valueAxis } from '../blocks/chart-rows.ts';
import { pointAt } from '../../measures/series.ts';
import { textCell, verdictCell, type TableBlock } from '../blocks/table.ts';
import { rememberedFor } from '../../formats/remembered.ts';
import { realPartsText } from '../text/real-parts.ts';
import { nextExpected } from '../model/release.ts';
import { indicatorPath } from '../model/paths.ts';
import { forbundMethod, forbundMissing, forbundTableNotes, leadSentence } from '../text/lead.ts';

export interface ChartBlock {
  id: string;
  title: string;
  caption: string;
  /** Said under the caption where the chart mixes real values with invented ones. */
  note?: string;
  svg: string;
  /** The same chart drawn for a phone, where the shrunk wide picture would set its text below 12 px. */
  narrow?: string;
}

export interface IndicatorPage {
  indicator: Indicator;
  sentence: string;
  /** Under the lead: why the förbund has no figure of its own for the latest year. */
  note: string | null;
  facts: { term: string; description: string; url?: string | null }[];
  charts: ChartBlock[];
  tables: TableBlock[];
  /** With a member highlighted: it beside Kolada's "Liknande kommuner", where the indicator has them. */
  peers: TableBlock | null;
  /** The members' actual values beside those expected from their structure, where the indicator is modelled. */
  expected: TableBlock | null;
  caveats: string[];
}

/** A laptop's column (text stays 12 px or more down to a 1024 px screen), and a 390 px phone's. */
const WIDE = { width: 1100, height: 440, fontSize: 14 };
const NARROW = { width: 380, height: 340, fontSize: 13 };

/** The chart drawn at both widths; the phone's copy gets its own ids and the same caption. */
export function atBothWidths(
  id: string,
  rows: { value: number | null }[],
  draw: (frame: ChartFrame) => string,
): Pick<ChartBlock, 'svg' | 'narrow'> {
  // Nothing to draw (every value missing or protected): no empty axes; the caption says why.
  if (rows.every((row) => row.value === null)) return { svg: '' };
  return {
    svg: draw({ id, labelledBy: `${id}-caption`, ...WIDE }),
    narrow: draw({ id: `${id}-smal`, labelledBy: `${id}-caption`, ...NARROW }),
  };
}
/** With more kommuner than this, the ranking chart shows its ends only. */
const RANK_ENDS = 10;
const SHOWN_PERIODS = 6;

const pages = new WeakMap<IndicatorView, Map<string | null, { value: IndicatorPage; left: number }>>();
/**
 * The routes that show one page's charts: its embed and its own page; and for the förbund's page
 * (no highlighted member) also its SVG file and its PNG file. The build writes all but the PNG
 * one after the other (src/vite/paired-pages.ts); the PNG keeps only the SVG it was started with.
 */
const ROUTES_PER_PAGE = { forbund: 4, member: 2 };

/** The page, its embed and its chart files all draw the same charts: build each page once. */
export function buildIndicatorPage(
  view: IndicatorView,
  meta: SnapshotMeta,
  focusKommun: string | null = null,
): IndicatorPage {
  const uses = focusKommun === null ? ROUTES_PER_PAGE.forbund : ROUTES_PER_PAGE.member;
  return rememberedFor(pages, view, focusKommun, uses, () => composeIndicatorPage(view, meta, focusKommun));
}

/** The page as drawn for one focus: a highlighted member, or none. */
interface PageContext {
  view: IndicatorView;
  indicator: Indicator;
  latest: string | null;
  focus: AreaSummary | undefined;
  /** The area the splits and the sex chart are drawn for: the focus, else the förbund. */
  splitArea: { id: string; name: string };
}

function composeIndicatorPage(view: IndicatorView, meta: SnapshotMeta, focusKommun: string | null): IndicatorPage {
  const { indicator } = view;
  const focus = focusKommun ? view.summaries.find((summary) => summary.area.id === focusKommun) : undefined;
  const page: PageContext = {
    view,
    indicator,
    latest: view.latestPeriod,
    focus,
    splitArea: focus
      ? { id: focus.area.id, name: areaLabel(focus.area) }
      : { id: view.areas.forbund.id, name: t('area.forbund').toLowerCase() },
  };
  const charts = [
    trendChart(page),
    rankingChart(view.rate ? rateContext(page, view.rate) : page),
    nationalChart(view.rate ? rateContext(page, view.rate) : page),
    ...view.splits.filter((split) => split.additive).map((split) => splitChart(page, split)),
    sexChart(page),
  ]
    .filter((chart): chart is ChartBlock => chart !== null)
    .map((chart) => (chart.svg === '' ? { ...chart, caption: t('page.chart.empty') } : chart));
  return {
    indicator,
    sentence: focus ? focusSentence(view, focus) : leadSentence(view),
    note: forbundMissing(view),
    facts: facts(view, meta),
    charts,
    tables: [valueTable(view)],
    peers: peersOf(view, focus),
    expected: expectedOf(view, focus),
    caveats: caveatsOf(view),
  };
}

function peersOf(view: IndicatorView, focus: AreaSummary | undefined): TableBlock | null {
  const comparison = focus && view.peers.get(focus.area.id);
  return comparison ? peerValueTable(comparison) : null;
}

function expectedOf(view: IndicatorView, focus: AreaSummary | undefined): TableBlock | null {
  if (!view.expected) return null;
  const members = view.areas.members.map((member) => ({ code: member.id, name: member.name }));
  const focused = focus && {
    code: focus.area.id,
    name: focus.area.name,
    peers: view.expected.structuralPeers.get(focus.area.id) ?? [],
  };
  return expectedMembersTable(view.indicator, view.expected.model, members, focused ?? null);
}

/** A count's page compares its members by the rate, as the count itself is never compared. */
function rateContext(page: PageContext, rate: IndicatorView): PageContext {
  const focus = page.focus && rate.summaries.find((summary) => summary.area.id === page.focus?.area.id);
  return { ...page, view: rate, indicator: rate.indicator, latest: rate.latestPeriod, focus };
}

function focusSentence(view: IndicatorView, focus: AreaSummary): string {
  const riket = view.summaries.find((summary) => summary.area.kind === 'riket');
  return changeSentence(view.indicator, {
    subject: subjectFor(view.indicator, areaLabel(focus.area)),
    previous: focus.previous,
    current: focus.latest,
    verdict: focus.verdict,
    riket: riket?.latest?.value ?? null,
    acrossBreak: focus.acrossBreak,
  });
}

function allPeriods(view: IndicatorView): string[] {
  return [...new Set(view.summaries.flatMap((summary) => summary.series.map((point) => point.period)))].sort();
}

function trendChart({ view, indicator, focus }: PageContext): ChartBlock {
  const { lines, options } = trendChartRows(view, focus?.area.id ?? null);
  return {
    id: 'tidsserie',
    title: t('page.trend.title', { title: indicator.shortTitle }),
    caption: t('page.trend.caption', { sentence: focus ? focusSentence(view, focus) : leadSentence(view) }),
    ...(dashedSeries(lines).size > 0 ? { note: t('example.partly') } : {}),
    ...atBothWidths('tidsserie', lines, (frame) => lineChart(lines, { ...frame, ...options })),
  };
}

function rankingChart({ view, indicator, latest, focus }: PageContext): ChartBlock | null {
  // Best first where "best" means something; a count or a measure without direction, highest first.
  const order = isRanked(indicator) && indicator.direction === 'lower-is-better' ? 1 : -1;
  const sorted = view.summaries
    .filter((summary) => summary.latest?.value != null)
    .sort((a, b) => order * ((a.latest?.value as number) - (b.latest?.value as number)));
  // With many members (a national build) the chart shows the ends of the ranking and the comparisons.
  const kommunOrder = sorted.filter((summary) => summary.area.kind === 'kommun');
  const shortened = kommunOrder.length > 2 * RANK_ENDS + 5;
  const ranked = shortened
    ? sorted.filter(
        (summary) =>
          summary.area.kind !== 'kommun' ||
          summary.area.id === focus?.area.id ||
          kommunOrder.indexOf(summary) < RANK_ENDS ||
          kommunOrder.indexOf(summary) >= kommunOrder.length - RANK_ENDS,
      )
    : sorted;
  if (latest === null || ranked.length === 0) return null;
  const first = ranked.find((summary) => summary.area.kind === 'kommun');
  // A protected member (<5) may hold the best or the highest value: the caption speaks of the shown ones.
  const hidden = view.summaries.some(
    (summary) => summary.area.kind === 'kommun' && summary.latest && isProtected(summary.latest.status),
  );
  const firstKey = isRanked(indicator)
    ? hidden
      ? 'page.ranking.best.shown'
      : 'page.ranking.best'
    : hidden
      ? 'page.ranking.highest.shown'
      : 'page.ranking.highest';
  const caption = t(firstKey, {
    mark: t(indicator.unit === 'count' ? 'status.suppressed' : 'status.hidden-sum'),
    period: formatPeriod(latest),
    first: first
      ? `${areaLabel(first.area)} (${formatValue(indicator, first.latest?.value ?? null)})`
      : t('verdict.no-data'),
  });
  const sortedText = t(order === 1 ? 'page.ranking.ascending' : 'page.ranking.descending');
  const shortenedText = shortened ? t('page.ranking.shortened', { ends: RANK_ENDS, count: kommunOrder.length }) : '';
  const colours = roleColours(view.summaries, focus?.area.id ?? null);
  const bars = ranked.map((summary) => ({
    id: summary.area.id,
    label: areaLabel(summary.area),
    value: summary.latest?.value as number,
    valueText: formatValue(indicator, summary.latest?.value ?? null),
    highlight: summary.area.kind !== 'kommun' || summary.area.id === focus?.area.id,
    colour: colours[summary.area.id],
  }));
  return {
    id: 'jamforelse',
    title: t('page.ranking.title', { title: indicator.shortTitle, period: formatPeriod(latest) }),
    caption: `${caption} ${sortedText}${shortenedText}.`,
    ...atBothWidths('jamforelse', bars, (frame) =>
      rankedBars(bars, {
        ...frame,
        height: 60 + ranked.length * (frame.width < 600 ? 50 : 34),
        xLabel: unitLabel(indicator),
      }),
    ),
  };
}

/** The members among all kommuner, for a rate: a dot each on the spread of the country. */
function nationalChart({ view, indicator, latest, focus }: PageContext): ChartBlock | null {
  const national = view.national;
  const members = view.summaries.filter(
    (summary) => summary.area.kind === 'kommun' && summary.latest?.value != null && !isProtected(summary.latest.status),
  );
  // A national förbund's members are the country: its ranking chart already is this picture.
  if (!national || latest === null || members.length === 0 || members.length > MAX_HIGHLIGHT_MEMBERS) return null;
  const count = national.values.length;
  const placed = members.flatMap((summary) => {
    const place = nationalPlace(national, summary.area.id, indicator.direction);
    return place ? [{ summary, place }] : [];
  });
  const quarterKey = indicator.direction === 'neutral' ? 'neutral' : 'directed';
  const period = formatPeriod(latest);
  const rows = placed.map(({ summary }) => ({
    id: summary.area.id,
    label: areaLabel(summary.area),
    value: summary.latest?.value as number,
    valueText: formatValue(indicator, summary.latest?.value ?? null),
    colour: focus && focus.area.id !== summary.area.id ? CONTEXT_GREY : ROLE_COLOURS.kommun,
  }));
  const said = (focus ? placed.filter(({ summary }) => summary.area.id === focus.area.id) : placed).map(
    ({ summary, place }) =>
      t('page.national.member', {
        name: areaLabel(summary.area),
        value: formatValue(indicator, summary.latest?.value ?? null),
        place: place.place,
        count: place.of,
        quarter: t(`page.national.quarter.${quarterKey}.${place.quarter}`),
      }),
  );
  return {
    id: 'riket',
    title: t('page.national.title', { title: indicator.shortTitle, period }),
    caption: t('page.national.caption', { count, period, members: said.join('; ') }),
    ...atBothWidths('riket', rows, (frame) =>
      nationalStrip(rows, {
        ...frame,
        height: frame.fontSize * 7 + (rows.length + 1) * (frame.width < 600 ? 34 : 30),
        all: national.values.map((entry) => entry.value),
        quartiles: national.quartiles,
        allLabel: t('page.national.all', { count }),
        xLabel: unitLabel(indicator),
        decimals: indicator.decimals,
      }),
    ),
  };
}

function splitChart({ indicator, latest, splitArea }: PageContext, split: SplitSeries): ChartBlock {
  const { rows, categories } = splitStack(split, splitArea.id);
  const largest = split.categories
    .slice(1)
    .map((category) => ({
      label: category.label,
      value: pointAt(category.byArea.get(splitArea.id), latest)?.value ?? null,
    }))
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
  const id = `uppdelning-${split.name}`;
  return {
    id,
    title: t('page.split.title', {
      title: indicator.shortTitle,
      split: split.title.toLowerCase(),
      area: splitArea.name,
    }),
    caption:
      largest && largest.value !== null && latest
        ? t('page.split.largest', {
            period: formatPeriod(latest),
            part: largest.label.toLowerCase(),
            value: formatValue(indicator, largest.value),
          })
        : t('headline.parts.missing'),
    ...atBothWidths(id, rows, (frame) => stackedBars(rows, categories, { ...frame, ...valueAxis(indicator) })),
  };
}

function sexChart({ view, indicator, latest, splitArea }: PageContext): ChartBlock | null {
  if (view.bySex.length === 0) return null;
  const latestBySex = view.bySex.map((entry) =>
    t('page.sex.value', {
      sex: t(`sex.${entry.sex}`).toLowerCase(),
      value: formatValue(indicator, pointAt(entry.byArea.get(splitArea.id), latest)?.value ?? null),
    }),
  );
  const { lines, options } = sexChartRows(view, splitArea.id);
  return {
    id: 'kon',
    title: t('page.sex.title', { title: indicator.shortTitle, area: splitArea.name }),
    caption: latest ? `${formatPeriod(latest)}: ${latestBySex.join(', ')}.` : t('page.sex.missing'),
    ...atBothWidths('kon', lines, (frame) => lineChart(lines, { ...frame, ...options })),
  };
}

/**
 * Change, verdict and rank sit next to the name, where a 1366 px laptop and a phone both show them;
 * the years follow, oldest first, and a phone's card keeps the latest two.
 */
function valueTable(view: IndicatorView): TableBlock {
  const { indicator, latestPeriod } = view;
  // A count without any year (no member delivers the export) has no rate to show beside it.
  const rate = latestPeriod === null ? undefined : view.rate;
  const shownPeriods = allPeriods(view).slice(-SHOWN_PERIODS);
  return {
    caption: t('page.table.caption', {
      title: indicator.title,
      periods: periodText(shownPeriods[0], shownPeriods.at(-1)),
      source: sourceText(indicator).text,
    }),
    notes: forbundTableNotes(view),
    columns: [
      t('table.area'),
      changeHeading(view),
      t('table.verdict'),
      ...(rate && latestPeriod ? [t('table.rate', { period: formatPeriod(latestPeriod) })] : []),
      t('table.rank'),
      ...shownPeriods.map((period) => formatPeriod(period)),
    ],
    rows: view.summaries.map((summary) => ({
      header: textCell(areaLabel(summary.area)),
      emphasis: summary.area.kind !== 'kommun',
      cells: [
        textCell(formatChange(summary.change, indicator.decimals)),
        verdictCell(summary.verdict, summary.acrossBreak),
        ...(rate ? [textCell(rateText(rate, summary.area.id, latestPeriod))] : []),
        // A count's own rank is none: its rate's, beside it, is the one that compares.
        textCell(rankText(rate ?? view, (rate ? rateSummary(rate, summary.area.id) : summary)?.rank ?? null) ?? ''),
        ...shownPeriods.map((period, index) => {
          const point = pointAt(summary.series, period);
          const text = point ? cellText(indicator, point.value, point.status) : '..';
          return { text, secondary: index < shownPeriods.length - 2 };
        }),
      ],
    })),
  };
}

function rateSummary(rate: IndicatorView, areaId: string): AreaSummary | undefined {
  return rate.summaries.find((summary) => summary.area.id === areaId);
}

/** The rate of an area's count in the count's latest year, as a table cell prints it. */
function rateText(rate: IndicatorView, areaId: string, period: string | null): string {
  const point = pointAt(rateSummary(rate, areaId)?.series, period);
  return point ? cellText(rate.indicator, point.value, point.status) : t('status.missing');
}

function facts(view: IndicatorView, meta: SnapshotMeta): IndicatorPage['facts'] {
  const { indicator, latestPeriod } = view;
  const periods = allPeriods(view);
  const source = sourceText(indicator);
  const real = realPartsText(view);
  const method = forbundMethod(view);
  return [
    { term: t('fact.definition'), description: indicator.definition },
    { term: t('fact.unit'), description: unitLabel(indicator) },
    { term: t('fact.direction'), description: t(`direction.${indicator.direction}`) },
    { term: t('fact.source'), description: source.text, url: source.url },
    ...(method ? [{ term: t('fact.forbund'), description: method }] : []),
    ...(view.rate
      ? [
          {
            term: t('fact.rate'),
            description: view.rate.indicator.title,
            url: indicatorPath(view.areas.forbund.id, view.rate.indicator.id),
          },
        ]
      : []),
    {
      term: t('fact.period'),
      description: `${periodText(periods[0], periods.at(-1))}${latestPeriod ? t('fact.latest-year', { period: formatPeriod(latestPeriod) }) : ''}`,
    },
    { term: t('fact.updated'), description: formatDate(view.updated ?? meta.retrievedAt) },
    ...(view.rhythm
      ? [{ term: t('fact.next'), description: nextExpected(view.updated ?? meta.retrievedAt, view.rhythm) }]
      : []),
    ...(real ? [{ term: t('real.fact'), description: real }] : []),
  ];
}

/** Links to the page with each member highlighted (and back to none), for a förbund small enough to offer them. */
export function highlightChoices(
  view: IndicatorView,
  focus: string | null,
): { label: string; href: string; current: boolean }[] {
  if (view.areas.members.length > MAX_HIGHLIGHT_MEMBERS) return [];
  const base = indicatorPath(view.areas.forbund.id, view.indicator.id);
  return [
    { label: t('page.highlight.none'), href: base, current: focus === null },
    ...view.areas.members.map((member) => ({
      label: member.name,
      href: indicatorPath(view.areas.forbund.id, view.indicator.id, member.id),
      current: member.id === focus,
    })),
  ];
}
