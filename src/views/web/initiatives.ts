/**
 * Initiative pages: the overview grouped by strategic area (with separate pages per state, so the
 * list filters without JavaScript) and one page per initiative beside the figures it should move.
 */
import { lineChart } from '../../charts/line-chart.ts';
import { t } from '../../i18n/index.ts';
import type { Forbund } from '../../schemas/forbund.ts';
import { INITIATIVE_STATES, type Initiative } from '../../schemas/initiative.ts';
import type { LoadedInitiative } from '../../config/initiatives.ts';
import { formatDate, MONTHS } from '../../formats/display.ts';
import type { Site } from '../model/site.ts';
import { verdictCell, type TableCell } from '../blocks/table.ts';
import { areaLines, comparisonIds, drawableWith, roleColours, valueAxis } from '../blocks/chart-rows.ts';
import { areaLabel, summaryText } from '../text/labels.ts';
import { atBothWidths, type ChartBlock } from './indicator-page.ts';
import { leadSentence } from '../text/lead.ts';

export const AREA_ORDER: Initiative['area'][] = [
  'ohalsa',
  'arbetsloshet',
  'ekonomiskt-bistand',
  'forebyggande',
  'samverkan',
];

export function stateSlug(state: Initiative['state']): string {
  return state.replace(/ /g, '-').replace(/å/g, 'a').replace(/ä/g, 'a').replace(/ö/g, 'o');
}

export const STATE_SLUGS = INITIATIVE_STATES.map((state) => ({ state, slug: stateSlug(state) }));

export function effectText(initiative: Initiative): string {
  if (initiative.effect.score === null) return t('initiative.effect.none');
  const score = t('initiative.effect.score', { score: initiative.effect.score });
  return initiative.effect.note ? `${score} (${initiative.effect.note})` : score;
}

export function feasibilityText(initiative: Initiative): string {
  return t('initiative.feasibility', { effort: initiative.feasibility.effort, time: initiative.feasibility.time });
}

/** "2023-06" as "juni 2023", a full date as "30 november 2023". */
export function datedText(date: string): string {
  if (date.length === 10) return formatDate(date);
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

export interface OverviewGroup {
  area: Initiative['area'];
  title: string;
  initiatives: LoadedInitiative[];
}

export function groupByArea(initiatives: LoadedInitiative[]): OverviewGroup[] {
  return AREA_ORDER.map((area) => ({
    area,
    title: t(`area.${area}`),
    initiatives: initiatives.filter((initiative) => initiative.area === area),
  })).filter((group) => group.initiatives.length > 0);
}

export interface LinkedIndicator {
  id: string | null;
  title: string;
  sentence: string;
  table: { area: string; latest: string; verdict: TableCell }[];
  chart: Pick<ChartBlock, 'id' | 'svg' | 'narrow' | 'caption'> | null;
}

/** Each indicator the initiative follows, with its current values and trend; local indicators say they have no data yet. */
export function linkedIndicators(site: Site, forbund: Forbund, initiative: Initiative): LinkedIndicator[] {
  return initiative.indicators.map((entry) => {
    if ('local' in entry)
      return {
        id: null,
        title: entry.local,
        sentence: t('initiative.local-indicator'),
        table: [],
        chart: null,
      };
    const view = site.view(forbund.id, entry.id);
    const { indicator } = view;
    const shown = view.summaries.filter((summary) => summary.area.kind !== 'kommun' || forbund.members.length <= 8);
    const id = `initiativ-${indicator.id}`;
    const hasValues = shown.some((summary) => summary.series.some((point) => point.value !== null));
    const lines = areaLines(drawableWith(indicator, shown));
    return {
      id: indicator.id,
      title: indicator.title,
      sentence: leadSentence(view),
      table: shown.map((summary) => ({
        area: areaLabel(summary.area),
        latest: summaryText(indicator, summary),
        verdict: verdictCell(summary.verdict),
      })),
      chart: hasValues
        ? {
            id,
            caption: leadSentence(view),
            ...atBothWidths(id, lines, (frame) =>
              lineChart(lines, {
                ...frame,
                highlight: comparisonIds(view),
                colours: roleColours(view.summaries),
                ...valueAxis(indicator, lines),
              }),
            ),
          }
        : null,
    };
  });
}

/** Initiatives of a förbund that follow an indicator, for the indicator page. */
export function initiativesFollowing(site: Site, forbundId: string, indicatorId: string): LoadedInitiative[] {
  return site
    .initiatives(forbundId)
    .filter((initiative) => initiative.indicators.some((entry) => 'id' in entry && entry.id === indicatorId));
}
