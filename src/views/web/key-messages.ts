/**
 * What a board member reads first: how many of the agreement's indicators got better or worse, one
 * sentence and one small chart per indicator. The tables follow on the page; this is the glance.
 */
import type { Forbund } from '../../schemas/forbund.ts';
import type { Verdict } from '../../measures/index.ts';
import { goalIndicators, type Site } from '../model/site.ts';
import type { AreaSummary, IndicatorView } from '../model/indicator-view.ts';
import { indicatorPath } from '../model/paths.ts';
import { areaLines, areaSparkline, unitLabel } from '../blocks/chart-rows.ts';
import { dashedSeries } from '../../charts/line-chart.ts';
import { rankedBars } from '../../charts/ranked-bars.ts';
import { CONTEXT_GREY } from '../../charts/render.ts';
import { formatValue } from '../text/sentences.ts';
import { MAX_OVERVIEW_MEMBERS } from '../blocks/overview.ts';
import { glanceHeadline } from '../text/lead.ts';
import { t } from '../../i18n/index.ts';
import type { ChartBlock } from './indicator-page.ts';

export interface KeyMessage {
  title: string;
  href: string;
  sentence: string;
  verdict: Verdict;
  chart: ChartBlock;
}

export interface KeyMessages {
  tally: string;
  messages: KeyMessage[];
}

/** "Av de 10 indikatorerna förbättrades 5, försämrades 3, var 1 oförändrad och kan 1 inte jämföras." */
export function verdictTally(verdicts: Verdict[], subject: string): string {
  const count = (wanted: Verdict[]) => verdicts.filter((verdict) => wanted.includes(verdict)).length;
  return t('glance.tally', {
    subject,
    total: verdicts.length,
    improving: count(['improving']),
    worsening: count(['worsening']),
    unchanged: count(['unchanged']),
    missing: count(['no-data', 'not-judged']),
  });
}

/** The förbund's glance: the tally over its figures, then each indicator with its förbund line and riket's. */
export function keyMessages(site: Site, forbund: Forbund): KeyMessages {
  const messages = goalIndicators(forbund, site.config.indicators).map((indicator): KeyMessage => {
    const view = site.view(forbund.id, indicator.id);
    const own = view.summaries.find((summary) => summary.area.kind === 'forbund');
    const id = `kort-${indicator.id}`;
    const base = {
      title: indicator.shortTitle,
      href: indicatorPath(forbund.id, indicator.id),
      sentence: glanceHeadline(view),
      verdict: own?.verdict ?? 'no-data',
    };
    // The förbund against riket over the years; without a förbund figure, the members' latest values
    // (a count's by its rate per 1 000, where it has one: bars of counts would set sizes side by side).
    if (!own?.series.some((point) => point.value !== null))
      return { ...base, chart: membersChart(view.rate ?? view, id) };
    const shown = view.summaries.filter(
      (summary: AreaSummary) => summary.area.kind === 'forbund' || summary.area.kind === 'riket',
    );
    const lines = areaLines(shown);
    return {
      ...base,
      chart: {
        id,
        title: indicator.shortTitle,
        caption: t('glance.chart.forbund', { title: indicator.shortTitle }),
        ...(dashedSeries(lines).size > 0 ? { note: t('example.partly') } : {}),
        svg: lines.some((line) => line.value !== null)
          ? areaSparkline(indicator, shown, lines, { id, height: 150 })
          : '',
      },
    };
  });
  return {
    tally: verdictTally(
      messages.map((message) => message.verdict),
      t('glance.tally.forbund'),
    ),
    messages,
  };
}

/** The members' latest values side by side, highest first: no rank, only where each stands. */
function membersChart(view: IndicatorView, id: string): ChartBlock {
  const { indicator } = view;
  const valued = view.summaries
    .filter((summary) => summary.area.kind === 'kommun' && summary.latest?.value != null)
    .sort((a, b) => (b.latest?.value ?? 0) - (a.latest?.value ?? 0));
  const period = view.latestPeriod ?? '';
  return {
    id,
    title: indicator.shortTitle,
    caption: t(valued.length > MAX_OVERVIEW_MEMBERS ? 'glance.chart.many' : 'glance.chart.members', {
      title: indicator.shortTitle,
      period,
    }),
    // A bar per member reads at a glance for a handful; for a national förbund the page's table does.
    svg:
      valued.length < 2 || valued.length > MAX_OVERVIEW_MEMBERS
        ? ''
        : rankedBars(
            valued.map((summary) => ({
              id: summary.area.id,
              label: summary.area.name,
              value: summary.latest?.value ?? 0,
              valueText: formatValue(indicator, summary.latest?.value ?? null),
              highlight: false,
              colour: CONTEXT_GREY,
            })),
            {
              id,
              labelledBy: `${id}-caption`,
              width: 380,
              height: 50 + valued.length * 30,
              fontSize: 14,
              xLabel: unitLabel(indicator),
            },
          ),
  };
}
