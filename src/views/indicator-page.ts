/**
 * The indicator page's content, prepared for a thin `.astro` layout: charts as SVG strings with
 * captions that state the finding, the table with the same numbers, and the texts beside them.
 */
import { lineChart } from '../charts/line-chart.ts';
import { rankedBars } from '../charts/ranked-bars.ts';
import { stackedBars } from '../charts/stacked-bars.ts';
import { t } from '../i18n/index.ts';
import type { Indicator } from '../schemas/indicator.ts';
import { formatDate, formatPeriod, formatSigned } from '../formats/display.ts';
import type { SnapshotMeta } from '../schemas/snapshot.ts';
import { changeSentence, formatValue, verdictLabel } from './sentences.ts';
import type { AreaSummary, IndicatorView } from './indicator-view.ts';
import { MAX_HIGHLIGHT_MEMBERS } from '../measures/areas.ts';
import { areaLabel, cellText, periodText, sourceText } from './labels.ts';

export interface ChartBlock {
  id: string;
  title: string;
  caption: string;
  svg: string;
}

export interface TableBlock {
  caption: string;
  columns: string[];
  rows: { header: string; cells: string[]; emphasis: boolean }[];
}

export interface IndicatorPage {
  indicator: Indicator;
  sentence: string;
  facts: { term: string; description: string; url?: string | null }[];
  charts: ChartBlock[];
  tables: TableBlock[];
  caveats: string[];
}

const PAGE_CHART = { width: 760, height: 380, fontSize: 14 };
const RANK_ENDS = 10;

export function unitLabel(indicator: Indicator): string {
  return indicator.unit === 'percent'
    ? 'Procent'
    : t(`unit.${indicator.unit}`).replace(/^./, (letter) => letter.toUpperCase());
}

export function summaryRowLabel(summary: AreaSummary): string {
  return areaLabel(summary.area);
}

const pages = new WeakMap<IndicatorView, Map<string | null, IndicatorPage>>();

/** The page, its SVG download and its PNG download all draw the same charts: build each page once. */
export function buildIndicatorPage(
  view: IndicatorView,
  meta: SnapshotMeta,
  focusKommun: string | null = null,
): IndicatorPage {
  let byFocus = pages.get(view);
  if (!byFocus) {
    byFocus = new Map();
    pages.set(view, byFocus);
  }
  let page = byFocus.get(focusKommun);
  if (!page) {
    page = composeIndicatorPage(view, meta, focusKommun);
    byFocus.set(focusKommun, page);
  }
  return page;
}

function composeIndicatorPage(view: IndicatorView, meta: SnapshotMeta, focusKommun: string | null): IndicatorPage {
  const { indicator } = view;
  const periods = [...new Set(view.summaries.flatMap((summary) => summary.series.map((point) => point.period)))].sort();
  const shownPeriods = periods.slice(-6);
  const latest = view.latestPeriod;
  const focus = focusKommun ? view.summaries.find((summary) => summary.area.id === focusKommun) : undefined;
  const highlight = [
    focus ? areaLabel(focus.area) : null,
    'Förbundet',
    ...view.areas.lan.map((lan) => lan.name),
    'Riket',
  ].filter((name): name is string => name !== null);
  const source = sourceText(indicator);

  // Kommungrupper are compared in the ranking and the table; as lines they would crowd out the members.
  const lineRows = view.summaries
    .filter((summary) => summary.area.kind !== 'group')
    .flatMap((summary) =>
      summary.series.map((point) => ({ series: areaLabel(summary.area), period: point.period, value: point.value })),
    );
  const charts: ChartBlock[] = [];
  const forbundSummary = view.summaries.find((summary) => summary.area.kind === 'forbund');
  charts.push({
    id: 'tidsserie',
    title: `${indicator.shortTitle} över tid`,
    caption: `${view.sentence} Grå linjer är förbundets medlemskommuner.`,
    svg: lineChart(lineRows, {
      id: 'tidsserie',
      labelledBy: 'tidsserie-caption',
      ...PAGE_CHART,
      highlight,
      yLabel: unitLabel(indicator),
      decimals: indicator.decimals,
      zero: indicator.unit !== 'days',
    }),
  });

  const sorted = view.summaries
    .filter((summary) => summary.latest?.value != null)
    .sort(
      (a, b) =>
        (indicator.direction === 'higher-is-better' ? -1 : 1) *
        ((a.latest?.value as number) - (b.latest?.value as number)),
    );
  // With many members (a national build) the chart shows the ends of the ranking and the comparisons.
  const kommunOrder = sorted.filter((summary) => summary.area.kind === 'kommun');
  const shortened = kommunOrder.length > 2 * RANK_ENDS + 5;
  const ranked = shortened
    ? sorted.filter(
        (summary) =>
          summary.area.kind !== 'kommun' ||
          summary.area.id === focusKommun ||
          kommunOrder.indexOf(summary) < RANK_ENDS ||
          kommunOrder.indexOf(summary) >= kommunOrder.length - RANK_ENDS,
      )
    : sorted;
  if (latest !== null && ranked.length > 0) {
    const best = ranked.find((summary) => summary.area.kind === 'kommun');
    charts.push({
      id: 'jamforelse',
      title: `${indicator.shortTitle} ${formatPeriod(latest)}, jämförelse`,
      caption: `${indicator.direction === 'neutral' ? 'Högst' : 'Bäst'} bland medlemmarna ${formatPeriod(latest)}: ${best ? `${areaLabel(best.area)} (${formatValue(indicator, best.latest?.value ?? null)})` : 'uppgift saknas'}. Sorterat ${indicator.direction === 'higher-is-better' ? 'från högst till lägst' : 'från lägst till högst'}${shortened ? `; visar de ${RANK_ENDS} första och sista av ${kommunOrder.length} kommuner, alla finns i tabellen` : ''}.`,
      svg: rankedBars(
        ranked.map((summary) => ({
          label: areaLabel(summary.area),
          value: summary.latest?.value as number,
          valueText: formatValue(indicator, summary.latest?.value ?? null),
          highlight: summary.area.kind !== 'kommun' || summary.area.id === focusKommun,
        })),
        {
          id: 'jamforelse',
          labelledBy: 'jamforelse-caption',
          width: PAGE_CHART.width,
          height: 60 + ranked.length * 34,
          fontSize: PAGE_CHART.fontSize,
          xLabel: unitLabel(indicator),
        },
      ),
    });
  }

  for (const split of view.splits.filter((candidate) => candidate.additive)) {
    const parts = split.categories.slice(1);
    const areaId = focus?.area.id ?? forbundSummary?.area.id ?? '';
    const rows = parts.flatMap((category) =>
      (category.byArea.get(areaId) ?? []).map((point) => ({
        period: point.period,
        category: category.label,
        value: point.value,
      })),
    );
    const lastValues = parts.map((category) => ({
      label: category.label,
      value: (category.byArea.get(areaId) ?? []).find((point) => point.period === latest)?.value ?? null,
    }));
    const largest = [...lastValues].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
    charts.push({
      id: `uppdelning-${split.name}`,
      title: `${indicator.shortTitle} ${split.title.toLowerCase()}, ${focus ? areaLabel(focus.area) : 'förbundet'}`,
      caption:
        largest && largest.value !== null && latest
          ? `Störst andel ${formatPeriod(latest)}: ${largest.label.toLowerCase()} (${formatValue(indicator, largest.value)}).`
          : 'Uppdelningen saknas för den senaste perioden.',
      svg: stackedBars(
        rows,
        parts.map((category) => category.label),
        {
          id: `uppdelning-${split.name}`,
          labelledBy: `uppdelning-${split.name}-caption`,
          ...PAGE_CHART,
          yLabel: unitLabel(indicator),
          decimals: indicator.decimals,
        },
      ),
    });
  }

  if (view.bySex.length > 0) {
    const areaId = focus?.area.id ?? forbundSummary?.area.id ?? '';
    const rows = view.bySex.flatMap((entry) =>
      (entry.byArea.get(areaId) ?? []).map((point) => ({
        series: t(`sex.${entry.sex}`),
        period: point.period,
        value: point.value,
      })),
    );
    const latestBySex = view.bySex.map((entry) => ({
      sex: t(`sex.${entry.sex}`),
      value: (entry.byArea.get(areaId) ?? []).find((point) => point.period === latest)?.value ?? null,
    }));
    charts.push({
      id: 'kon',
      title: `${indicator.shortTitle} för kvinnor och män, ${focus ? areaLabel(focus.area) : 'förbundet'}`,
      caption: latest
        ? `${formatPeriod(latest)}: ${latestBySex.map((entry) => `${entry.sex.toLowerCase()} ${formatValue(indicator, entry.value)}`).join(', ')}.`
        : 'Uppgift saknas.',
      svg: lineChart(rows, {
        id: 'kon',
        labelledBy: 'kon-caption',
        ...PAGE_CHART,
        highlight: ['Kvinnor', 'Män'],
        yLabel: unitLabel(indicator),
        decimals: indicator.decimals,
        zero: true,
      }),
    });
  }

  const tables: TableBlock[] = [
    {
      caption: `${indicator.title}, ${periodText(shownPeriods[0], shownPeriods.at(-1))}. Källa: ${source.text}.`,
      columns: [
        t('table.area'),
        ...shownPeriods.map((period) => formatPeriod(period)),
        t('table.change'),
        t('table.verdict'),
        t('table.rank'),
      ],
      rows: view.summaries.map((summary) => ({
        header: areaLabel(summary.area),
        emphasis: summary.area.kind !== 'kommun',
        cells: [
          ...shownPeriods.map((period) => {
            const point = summary.series.find((candidate) => candidate.period === period);
            return point ? cellText(indicator, point.value, point.status, summary.area.kind !== 'kommun') : '..';
          }),
          formatSigned(summary.change, indicator.decimals),
          verdictLabel(summary.verdict),
          summary.rank === null ? '' : `${summary.rank} av ${view.areas.members.length}`,
        ],
      })),
    },
  ];

  return {
    indicator,
    sentence: focus
      ? changeSentence(
          indicator,
          `i ${areaLabel(focus.area)}`,
          focus.previous,
          focus.latest,
          focus.verdict,
          view.summaries.find((summary) => summary.area.kind === 'riket')?.latest
            ? {
                name: 'Riket',
                value: view.summaries.find((summary) => summary.area.kind === 'riket')?.latest?.value ?? null,
              }
            : undefined,
        )
      : view.sentence,
    facts: [
      { term: 'Definition', description: indicator.definition },
      { term: 'Enhet', description: unitLabel(indicator) },
      { term: 'Önskad riktning', description: t(`direction.${indicator.direction}`) },
      { term: 'Källa', description: source.text, url: source.url },
      {
        term: 'Period',
        description: `${periodText(periods[0], periods.at(-1))}${latest ? `; senaste år ${formatPeriod(latest)}` : ''}`,
      },
      { term: 'Hämtad', description: formatDate(meta.retrievedAt) },
    ],
    charts,
    tables,
    caveats: indicator.caveats,
  };
}

/** Links to the page with each member highlighted (and back to none), for a förbund small enough to offer them. */
export function highlightChoices(
  view: IndicatorView,
  focus: string | null,
): { label: string; href: string; current: boolean }[] {
  if (view.areas.members.length > MAX_HIGHLIGHT_MEMBERS) return [];
  const base = `/${view.areas.forbund.id}/indikator/${view.indicator.id}/`;
  return [
    { label: 'Ingen kommun markerad', href: base, current: focus === null },
    ...view.areas.members.map((member) => ({
      label: member.name,
      href: `${base}${member.id}/`,
      current: member.id === focus,
    })),
  ];
}
